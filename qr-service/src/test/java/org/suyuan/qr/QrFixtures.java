package org.suyuan.qr;

import java.security.SecureRandom;
import java.util.List;

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

    static List<TraceCode> traceCodes(int count) {
        return seededGenerator(117).next(count);
    }

    static QrContent traceUrl() {
        return QrContent.traceUrl(BASE_URL, traceCode());
    }
}
