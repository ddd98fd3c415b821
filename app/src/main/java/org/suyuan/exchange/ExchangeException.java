package org.suyuan.exchange;

import org.springframework.http.HttpStatus;
import org.suyuan.problem.ProblemException;

/** What the exchange exports refuse, with what to do instead. */
final class ExchangeException extends ProblemException {

    private ExchangeException(HttpStatus status, String type, String title, String detail) {
        super(status, type, title, detail);
    }

    private ExchangeException(
            HttpStatus status, String type, String title, String detail, java.util.Map<String, Object> properties) {
        super(status, type, title, detail, properties);
    }

    /** An EPCIS document that is not one, or breaks GS1's schema: nothing was imported. */
    static ExchangeException invalidEpcis(java.util.List<String> violations) {
        return new ExchangeException(
                HttpStatus.BAD_REQUEST,
                "invalid-epcis-document",
                "EPCIS 文档无效",
                "文档不符合 EPCIS 2.0 JSON 模式，整份文档未导入：" + violations.get(0),
                java.util.Map.of("violations", java.util.List.copyOf(violations)));
    }

    static ExchangeException outsideJurisdiction(long batchId) {
        return new ExchangeException(
                HttpStatus.FORBIDDEN,
                "outside-jurisdiction",
                "不在本辖区",
                "批次 " + batchId + " 的生产经营主体不在您的辖区内，请联系该主体所在地的农业农村部门。");
    }

    static ExchangeException unknownFormat(String format) {
        return new ExchangeException(
                HttpStatus.NOT_FOUND, "unknown-export-format", "未知的导出格式", "没有 “" + format + "” 格式的导出，可用 json 或 xlsx。");
    }
}
