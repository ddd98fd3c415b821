package org.suyuan.qr;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Test data as static factories. */
final class QrFixtures {

    /** A 25-character host, the length DESIGN.md budgets for the public URL. */
    static final String BASE_URL = "https://suyuan.nongye.wuhu.gov.cn";

    private QrFixtures() {}

    /** A generator whose codes are the same on every run, so failures reproduce. */
    static TraceCodeGenerator seededGenerator(long seed) {
        try {
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(seed);
            return new TraceCodeGenerator(random);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static TraceCode traceCode() {
        return seededGenerator(2026).next();
    }

    /** A code of the alphabet's widest letter: a consumer types it in when the QR code will not scan. */
    static TraceCode widestTraceCode() {
        for (char check : TraceCode.ALPHABET.toCharArray()) {
            try {
                return TraceCode.parse("W".repeat(TraceCode.LENGTH - 1) + check);
            } catch (InvalidTraceCodeException wrongCheck) {
                // try the next check character
            }
        }
        throw new IllegalStateException("No check character completes the code");
    }

    static List<TraceCode> traceCodes(int count) {
        return seededGenerator(117).next(count);
    }

    static QrContent traceUrl() {
        return QrContent.traceUrl(BASE_URL, traceCode());
    }

    static Label label(TraceCode code) {
        return new Label(
                PrintedCode.forTraceCode(BASE_URL, code),
                "寿光番茄（有机）",
                "B2026-0117",
                "芜湖市湾沚区六郎镇绿源蔬菜专业合作社",
                LocalDate.of(2026, 2, 1));
    }

    static List<Label> labels(int count) {
        List<Label> labels = new ArrayList<>(count);
        for (TraceCode code : traceCodes(count)) {
            labels.add(label(code));
        }
        return labels;
    }

    static Label labelWithLongName(TraceCode code) {
        return new Label(
                PrintedCode.forTraceCode(BASE_URL, code),
                "有机富硒高山云雾绿茶特级明前手工炒制礼盒装五百克双罐加赠品尝装一份",
                "B2026-0117-ABCDEFGHIJKLMNOPQRSTUVWXYZ",
                "芜湖市湾沚区六郎镇绿源蔬菜瓜果茶叶种植养殖专业合作社联合社有限公司",
                LocalDate.of(2026, 2, 1));
    }

    static Certificate certificate(Set<CertificateBasis> basis) {
        return new Certificate(
                PrintedCode.forTraceCode(BASE_URL, traceCode()),
                "寿光番茄（有机）",
                "500 公斤",
                "安徽省芜湖市湾沚区六郎镇",
                LocalDate.of(2026, 2, 1),
                "芜湖市湾沚区绿源蔬菜专业合作社",
                "0553-1234567",
                basis);
    }

    static Certificate certificate() {
        return certificate(EnumSet.of(CertificateBasis.QUALITY_CONTROL, CertificateBasis.SELF_TESTED));
    }

    /** Every value at its maximum length, to show nothing runs off the page. */
    static Certificate certificateWithLongValues() {
        return new Certificate(
                PrintedCode.forTraceCode(BASE_URL, traceCode()),
                "有机富硒高山云雾绿茶特级明前手工炒制礼盒装五百克双罐加赠品尝装一份再加送一份试吃装品鉴",
                "共计二十箱每箱二十五公斤合计约五百公斤整",
                "安徽省芜湖市湾沚区六郎镇官巷村绿源蔬菜生产基地东区第三号大棚至第十二号大棚以及西区露天种植地块共计十五块",
                LocalDate.of(2026, 2, 1),
                "芜湖市湾沚区六郎镇绿源蔬菜瓜果茶叶种植养殖专业合作社联合社有限公司",
                "0553-1234567 转 8001 或 13800138000",
                EnumSet.allOf(CertificateBasis.class));
    }
}
