package org.suyuan.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.suyuan.archive.BatchService;
import org.suyuan.db.archive.Batch;
import org.suyuan.db.archive.OrganizationRepository;
import org.suyuan.db.code.CodeKind;
import org.suyuan.db.code.IssuedCode;
import org.suyuan.db.code.IssuedCodeRepository;
import org.suyuan.qr.InvalidTraceCodeException;
import org.suyuan.qr.TraceCode;
import org.suyuan.web.ScanShowcase;

/**
 * The landing page's scan showcase on a trial installation: a demo code in each state a consumer can meet
 * (verified, pending, tampered, recalled, unknown), so anyone can see every verdict without printing a label.
 */
@Component
@ConditionalOnBooleanProperty("suyuan.demo.enabled")
class DemoShowcase implements ScanShowcase {

    static final String COOPERATIVE_CREDIT_CODE = "93340210MA2NQ8KX4X";
    static final String VERIFIED_BATCH = "QYJ-2026-001";
    static final String PENDING_BATCH = "QYJ-2026-002";
    static final String TAMPERED_BATCH = "QYJ-2026-003";
    static final String RECALLED_BATCH = "QYJ-2026-004";

    /** A well-formed code (its check character is right) that Suyuan never issues: what a counterfeit prints. */
    static final String UNKNOWN_CODE = wellFormed("00000000DEM0FAKE");

    private final OrganizationRepository organizations;
    private final BatchService batches;
    private final IssuedCodeRepository codes;

    DemoShowcase(OrganizationRepository organizations, BatchService batches, IssuedCodeRepository codes) {
        this.organizations = organizations;
        this.batches = batches;
        this.codes = codes;
    }

    /** The entries, in the order the landing page lists them; only the unknown code before demo data exists. */
    @Override
    @Transactional(readOnly = true)
    public List<Entry> entries() {
        List<Entry> entries = new ArrayList<>();
        traceCode(VERIFIED_BATCH).ifPresent(code -> entries.add(new Entry("VERIFIED", code, VERIFIED_BATCH, false)));
        traceCode(PENDING_BATCH).ifPresent(code -> entries.add(new Entry("PENDING", code, PENDING_BATCH, true)));
        traceCode(TAMPERED_BATCH).ifPresent(code -> entries.add(new Entry("TAMPERED", code, TAMPERED_BATCH, false)));
        traceCode(RECALLED_BATCH).ifPresent(code -> entries.add(new Entry("RECALLED", code, RECALLED_BATCH, false)));
        entries.add(new Entry("UNKNOWN", UNKNOWN_CODE, null, false));
        return entries;
    }

    /**
     * The demo batch's trace code. A plain read: every batch got its code when it was opened, so the landing page
     * need not take the batch's lock that issuing a missing code would.
     */
    Optional<String> traceCode(String batchNumber) {
        return demoBatch(batchNumber)
                .flatMap(batch -> codes.findAllByBatchIdInAndKind(List.of(batch.getId()), CodeKind.BATCH).stream()
                        .findFirst())
                .map(IssuedCode::getCode);
    }

    Optional<Batch> demoBatch(String batchNumber) {
        return organizations
                .findByCreditCode(COOPERATIVE_CREDIT_CODE)
                .flatMap(cooperative -> batches.batchByNumber(cooperative.getId(), batchNumber));
    }

    private static String wellFormed(String data) {
        for (char check : "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray()) {
            try {
                return TraceCode.parse(data + check).value();
            } catch (InvalidTraceCodeException wrongCheckCharacter) {
                // try the next
            }
        }
        throw new IllegalStateException("No check character fits " + data);
    }
}
