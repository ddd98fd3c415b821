package org.suyuan.problem;

import java.util.Map;
import org.springframework.http.HttpStatus;

/** A value that is malformed on its face: a credit code with a wrong check character, an unknown region. */
public final class InvalidInputException extends ProblemException {

    private InvalidInputException(String type, String title, String detail, String field) {
        super(HttpStatus.BAD_REQUEST, type, title, detail, Map.of("field", field));
    }

    public static InvalidInputException creditCode(String field, String reason) {
        return new InvalidInputException("invalid-credit-code", "统一社会信用代码无效", reason, field);
    }

    public static InvalidInputException idCard(String field, String reason) {
        return new InvalidInputException("invalid-id-card", "身份证号码无效", reason, field);
    }

    public static InvalidInputException region(String field, String code) {
        return new InvalidInputException(
                "unknown-region", "行政区划代码无效", "“" + code + "”不是已知的行政区划代码（GB/T 2260，例如 340200 芜湖市）。", field);
    }

    public static InvalidInputException gtin(String field, String reason) {
        return new InvalidInputException("invalid-gtin", "商品条码（GTIN）无效", reason, field);
    }

    public static InvalidInputException gln(String field, String reason) {
        return new InvalidInputException("invalid-gln", "全球位置码（GLN）无效", reason, field);
    }

    public static InvalidInputException batchNumber(String field, String reason) {
        return new InvalidInputException("invalid-batch-number", "批次号无效", reason, field);
    }

    public static InvalidInputException quantity(String field, String reason) {
        return new InvalidInputException("invalid-quantity", "数量无效", reason, field);
    }

    public static InvalidInputException coordinates(String reason) {
        return new InvalidInputException("invalid-coordinates", "经纬度无效", reason, "latitude");
    }

    public static InvalidInputException password() {
        return new InvalidInputException("wrong-password", "当前密码不正确", "当前密码不正确，请重新输入。", "currentPassword");
    }

    public static InvalidInputException eventDetails(String field, String reason) {
        return new InvalidInputException("invalid-event-details", "记录内容不完整或有误", reason, field);
    }
}
