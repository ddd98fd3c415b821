package org.suyuan.rapidtest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.suyuan.account.CurrentUser;
import org.suyuan.archive.ArchiveEntry;
import org.suyuan.archive.BatchService;
import org.suyuan.archive.EventDetails;
import org.suyuan.code.CodeService;
import org.suyuan.db.code.IssuedCode;
import org.suyuan.problem.ValidationFailedException;

/**
 * Records a station's rapid test on the batch whose code it scanned or typed. The code may come as printed (with
 * the spaces between its groups), as the label's URL ({@code …/t/{code}}) or as a GS1 Digital Link path, since a
 * phone's scanner hands over whatever the QR code holds.
 */
@Service
public class RapidTestService {

    private final CodeService codes;
    private final BatchService batches;

    RapidTestService(CodeService codes, BatchService batches) {
        this.codes = codes;
        this.batches = batches;
    }

    /**
     * A rapid test as the station reports it.
     *
     * @param code the batch's trace code, a per-item serial, the label's URL or a Digital Link path
     * @param testedOn the day of the test; today when absent
     */
    public record NewRapidTest(
            String code,
            LocalDate testedOn,
            String item,
            String method,
            String limit,
            String value,
            String unit,
            EventDetails.InspectionResult result,
            String sampler,
            String samplePlace,
            String notes) {}

    /**
     * What was recorded, and on which batch.
     *
     * @param flagged whether the test failed, so the batch now shows among the bureau's flags and warns consumers
     */
    public record RecordedRapidTest(
            Long eventId,
            int sequenceNumber,
            String eventHash,
            Long batchId,
            String batchNumber,
            String organizationName,
            String productName,
            String code,
            EventDetails.InspectionResult result,
            boolean flagged,
            Long photoAttachmentId) {}

    /**
     * @throws ValidationFailedException if a field is missing, or a numeric reading contradicts the verdict
     * @throws org.suyuan.code.UnknownCodeException if Suyuan never issued the code
     * @throws org.suyuan.code.InvalidCodeRequestException if the text cannot be a code (a typo)
     */
    @Transactional
    public RecordedRapidTest record(CurrentUser station, NewRapidTest test, BatchService.StripPhoto photo) {
        if (!station.isStation()) {
            throw new AccessDeniedException("只有快检室的账号可以记录快检结果。");
        }
        if (test.code() == null || test.code().isBlank()) {
            throw new ValidationFailedException(
                    List.of(new ValidationFailedException.FieldError("code", "请扫描或输入批次的追溯码")));
        }
        requireConsistent(test);
        IssuedCode code = resolve(test.code());
        ArchiveEntry entry = batches.recordRapidTest(
                station,
                code.getBatchId(),
                test.testedOn(),
                new EventDetails.RapidTest(
                        null,
                        null,
                        test.item(),
                        test.method(),
                        test.limit(),
                        test.value(),
                        test.unit(),
                        test.result(),
                        test.sampler(),
                        test.samplePlace(),
                        null,
                        null,
                        test.notes()),
                photo);
        BatchService.TestedBatch batch = batches.testedBatch(code.getBatchId());
        EventDetails.RapidTest recorded = entry.detailsAs(EventDetails.RapidTest.class);
        return new RecordedRapidTest(
                entry.id(),
                entry.sequenceNumber(),
                entry.eventHash(),
                batch.batchId(),
                batch.batchNumber(),
                batch.organizationName(),
                batch.productName(),
                code.getCode(),
                recorded.result(),
                recorded.failed(),
                recorded.photoAttachmentId());
    }

    private IssuedCode resolve(String typed) {
        String text = typed.strip();
        int digitalLink = text.indexOf("/01/");
        if (digitalLink >= 0) {
            return codes.scannedDigitalLink(withoutQueryOrFragment(text.substring(digitalLink)));
        }
        int trace = text.indexOf("/t/");
        if (trace >= 0) {
            text = withoutQueryOrFragment(text.substring(trace + 3));
            int slash = text.indexOf('/');
            text = slash >= 0 ? text.substring(0, slash) : text;
        }
        return codes.scanned(text.replaceAll("[\\s-]+", ""));
    }

    private static String withoutQueryOrFragment(String text) {
        int end = text.length();
        for (char separator : new char[] {'?', '#'}) {
            int at = text.indexOf(separator);
            if (at >= 0) {
                end = Math.min(end, at);
            }
        }
        return text.substring(0, end);
    }

    /**
     * A reading above its limit cannot pass, and one below it cannot fail: for the inhibition rate of
     * GB/T 5009.199 and for a residue in mg/kg alike, more is worse. A reading at the limit, or one that is not a
     * number (阴性, 阳性), is the tester's call.
     */
    static void requireConsistent(NewRapidTest test) {
        BigDecimal value = number(test.value());
        BigDecimal limit = number(test.limit());
        if (value == null || limit == null || test.result() == null) {
            return;
        }
        int comparison = value.compareTo(limit);
        if (comparison > 0 && test.result() == EventDetails.InspectionResult.PASS) {
            throw new ValidationFailedException(List.of(new ValidationFailedException.FieldError(
                    "result", "检测值 " + test.value() + " 高于判定限 " + test.limit() + "，不能判为合格")));
        }
        if (comparison < 0 && test.result() == EventDetails.InspectionResult.FAIL) {
            throw new ValidationFailedException(List.of(new ValidationFailedException.FieldError(
                    "result", "检测值 " + test.value() + " 低于判定限 " + test.limit() + "，不能判为不合格")));
        }
    }

    private static BigDecimal number(String text) {
        if (text == null) {
            return null;
        }
        String stripped = text.strip().replace("%", "").replace("％", "");
        if (!stripped.matches("-?[0-9]+(\\.[0-9]+)?")) {
            return null;
        }
        return new BigDecimal(stripped);
    }
}
