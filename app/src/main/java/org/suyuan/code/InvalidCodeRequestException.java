package org.suyuan.code;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.suyuan.problem.ProblemException;

/**
 * A code, link or rendering parameter that is malformed on its face: refused with 400 before any lookup, so a
 * mistyped code never costs a query and never reads as "unknown".
 */
public final class InvalidCodeRequestException extends ProblemException {

    private InvalidCodeRequestException(String type, String title, String detail, Map<String, Object> properties) {
        super(HttpStatus.BAD_REQUEST, type, title, detail, properties);
    }

    /** Wrong length, a character outside the alphabet, or a check character that does not match. */
    static InvalidCodeRequestException traceCode(String input) {
        return new InvalidCodeRequestException(
                "invalid-trace-code",
                "追溯码格式不正确",
                "“" + printable(input) + "”不是有效的追溯码：追溯码为17位字母和数字（可带“-”分组），最后一位是校验位。请对照标签重新输入。",
                Map.of());
    }

    static InvalidCodeRequestException digitalLink(String path) {
        return new InvalidCodeRequestException(
                "invalid-digital-link",
                "GS1 数字链接格式不正确",
                "“" + printable(path) + "”不是有效的 GS1 数字链接：应为 /01/{14位商品条码}/10/{批次号} 或 "
                        + "/01/{14位商品条码}/10/{批次号}/21/{序列号}，商品条码最后一位是校验位。",
                Map.of());
    }

    static InvalidCodeRequestException imageSize(int size, int min, int max) {
        return new InvalidCodeRequestException(
                "image-size-out-of-range",
                "图片尺寸超出范围",
                "图片尺寸应在 " + min + " 至 " + max + " 像素之间，当前为 " + size + "。",
                Map.of("size", size, "min", min, "max", max));
    }

    static InvalidCodeRequestException errorCorrection(String value) {
        return new InvalidCodeRequestException(
                "invalid-error-correction", "纠错等级无效", "纠错等级（ec）只能是 M、Q 或 H，当前为“" + printable(value) + "”。", Map.of());
    }

    static InvalidCodeRequestException linkKind(String value) {
        return new InvalidCodeRequestException(
                "invalid-link-kind",
                "二维码内容类型无效",
                "二维码内容（link）只能是 trace（追溯网址，默认）或 gs1（GS1 数字链接），当前为“" + printable(value) + "”。",
                Map.of());
    }

    static InvalidCodeRequestException noGtin(String productName) {
        return new InvalidCodeRequestException(
                "product-has-no-gtin",
                "产品没有商品条码",
                "产品“" + productName + "”没有登记商品条码（GTIN），不能使用 GS1 数字链接。请使用追溯网址（link=trace）。",
                Map.of());
    }

    static InvalidCodeRequestException labelLayout(String value) {
        return new InvalidCodeRequestException(
                "invalid-label-layout",
                "标签版式无效",
                "标签版式“" + printable(value) + "”不存在。可用：a4-3x8（或 a4-{列}x{行}，最多5列13行）、thermal-50x30、thermal-40x30。",
                Map.of());
    }

    /** The symbol (its URL at the chosen error correction) needs more room than the layout has at a scannable size. */
    static InvalidCodeRequestException codeTooLargeForLayout(String layout) {
        return new InvalidCodeRequestException(
                "code-too-large-for-layout",
                "二维码放不下",
                "在版式 " + layout + " 上，二维码按可扫描的尺寸放不下。请降低纠错等级（ec=M）、改用追溯网址（link=trace），或选择更大的版式。",
                Map.of("layout", layout));
    }

    static InvalidCodeRequestException certificateFormat(String value) {
        return new InvalidCodeRequestException(
                "invalid-certificate-format",
                "合格证版式无效",
                "合格证版式（format）只能是 a5 或 label（70×50 毫米标签），当前为“" + printable(value) + "”。",
                Map.of());
    }

    static InvalidCodeRequestException certificateBasis(String value) {
        return new InvalidCodeRequestException(
                "invalid-certificate-basis",
                "开具依据无效",
                "开具依据（basis）只能是 quality-control（质量安全控制符合要求）、self-tested（自行检测合格）或 " + "commissioned-test（委托检测合格），当前为“"
                        + printable(value) + "”。",
                Map.of());
    }

    static InvalidCodeRequestException labelCount(String parameter, int value, int max) {
        return new InvalidCodeRequestException(
                "invalid-label-count",
                "标签数量无效",
                parameter + " 应在 1 至 " + max + " 之间，当前为 " + value + "。",
                Map.of("parameter", parameter, "max", max));
    }

    static InvalidCodeRequestException tooManySerialLabels(long selected, int max) {
        return new InvalidCodeRequestException(
                "too-many-labels",
                "标签太多",
                "所选范围内有 " + selected + " 个单品码，一次最多打印 " + max + " 个。请用 from 和 to 指定序号范围分批打印。",
                Map.of("selected", selected, "max", max));
    }

    static InvalidCodeRequestException noSerialsToPrint() {
        return new InvalidCodeRequestException(
                "no-serials-to-print", "没有可打印的单品码", "所选范围内没有有效的单品码。请先发放单品码，或检查 from 和 to。", Map.of());
    }

    private static String printable(String input) {
        String text = String.valueOf(input);
        String shortened = text.length() > 60 ? text.substring(0, 60) + "…" : text;
        return shortened.replaceAll("\\p{Cntrl}", "?");
    }
}
