package org.suyuan.code;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.suyuan.archive.RuleViolationException;
import org.suyuan.problem.ProblemException;

/**
 * A 承诺达标合格证 that may not be issued for this batch: the promise it prints would be false. The {@code rule}
 * member names why: an archive rule the batch breaks ({@code banned-pesticide},
 * {@code harvest-inside-safety-interval}...), or {@code batch-recalled}, {@code nothing-harvested},
 * {@code failed-inspection}, {@code basis-without-passing-inspection}; on the consumer page also
 * {@code code-disabled} and {@code record-tampered}.
 */
public final class CertificateRefusedException extends ProblemException {

    private CertificateRefusedException(String detail, Map<String, Object> properties) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "certificate-refused", "不能开具承诺达标合格证", detail, properties);
    }

    static CertificateRefusedException ruleViolations(List<RuleViolationException> violations) {
        RuleViolationException first = violations.get(0);
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("rule", first.rule().slug());
        properties.put(
                "violations",
                violations.stream()
                        .map(v -> Map.of(
                                "rule", v.rule().slug(), "title", v.rule().title(), "detail", v.detail()))
                        .toList());
        return new CertificateRefusedException(
                "本批次生产档案违反规定（" + first.rule().title() + "）：" + first.detail() + " 违规批次不能开具承诺达标合格证。", properties);
    }

    static CertificateRefusedException recalled(String batchNumber) {
        return new CertificateRefusedException(
                "批次 " + batchNumber + " 已召回，不能开具承诺达标合格证。", Map.of("rule", "batch-recalled"));
    }

    /** The scanned label was taken out of use: goods bearing it cannot be vouched for. */
    public static CertificateRefusedException codeDisabled(String code) {
        return new CertificateRefusedException("追溯码 " + code + " 已停用，不能出示承诺达标合格证。", Map.of("rule", "code-disabled"));
    }

    /** The batch's stored record no longer matches its hashes or its anchor: its promise cannot be relied on. */
    public static CertificateRefusedException recordTampered(String batchNumber) {
        return new CertificateRefusedException(
                "批次 " + batchNumber + " 的生产记录与存证不一致，不能出示承诺达标合格证。", Map.of("rule", "record-tampered"));
    }

    static CertificateRefusedException nothingHarvested(String batchNumber) {
        return new CertificateRefusedException(
                "批次 " + batchNumber + " 还没有采收记录。合格证上的数量来自采收记录，请先记录采收。", Map.of("rule", "nothing-harvested"));
    }

    static CertificateRefusedException failedInspection(String batchNumber, String occurredOn) {
        return new CertificateRefusedException(
                "批次 " + batchNumber + " 最近一次检测（" + occurredOn + "）不合格，不能承诺达标。请复检合格并记录后再开具。",
                Map.of("rule", "failed-inspection"));
    }

    static CertificateRefusedException failedRapidTest(String batchNumber, String occurredOn) {
        return new CertificateRefusedException(
                "批次 " + batchNumber + " 在乡镇快检室的快速检测（" + occurredOn + "）中不合格，不能承诺达标。请配合监管部门处置。",
                Map.of("rule", "failed-rapid-test"));
    }

    static CertificateRefusedException basisWithoutInspection(String basis) {
        return new CertificateRefusedException(
                "生产档案中没有合格的检测记录，不能以“" + basis + "”为依据开具合格证。请先记录检测结果，或选择“质量安全控制符合要求”。",
                Map.of("rule", "basis-without-passing-inspection"));
    }
}
