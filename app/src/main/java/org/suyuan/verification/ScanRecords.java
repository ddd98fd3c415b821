package org.suyuan.verification;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.suyuan.anchoring.AnchoringService;
import org.suyuan.anchoring.EventAnchoring;
import org.suyuan.db.archive.AnchoredEvent;
import org.suyuan.db.archive.Attachment;
import org.suyuan.db.archive.AttachmentRepository;
import org.suyuan.db.archive.BatchEvent;
import org.suyuan.db.archive.BatchEventRepository;
import org.suyuan.db.code.IssuedCodeRepository;
import org.suyuan.db.code.ScannedCode;

/**
 * What a scan reads of a code's record, in as few statements as the record allows: the code with its batch (and
 * whether the batch has attachments) in one, the batch's events with their anchor leaves and anchors in another,
 * and the attachments with their contents in a third only when there are any. Everything here is read on every
 * scan, since any of it may have been tampered with; what cannot change is remembered elsewhere
 * ({@link Origins}). Runs in the caller's read-only transaction.
 */
@Component
class ScanRecords {

    private final IssuedCodeRepository codes;
    private final BatchEventRepository events;
    private final AttachmentRepository attachments;

    ScanRecords(IssuedCodeRepository codes, BatchEventRepository events, AttachmentRepository attachments) {
        this.codes = codes;
        this.events = events;
        this.attachments = attachments;
    }

    /** @param code a well-formed trace code as stored */
    Optional<ScannedCode> codeAndBatch(String code) {
        return codes.findScanned(code);
    }

    /** A batch's events in their stored order, their attachments and their anchoring. */
    BatchVerifier.Stored stored(ScannedCode read) {
        List<AnchoredEvent> rows = events.findAllAnchoredByBatchId(read.batch().getId());
        List<BatchEvent> stored = new ArrayList<>(rows.size());
        Map<Long, EventAnchoring> anchorings = new HashMap<>();
        for (AnchoredEvent row : rows) {
            stored.add(row.event());
            if (row.leaf() != null) {
                anchorings.put(row.event().getId(), AnchoringService.anchoringOf(row.leaf(), row.anchor()));
            }
        }
        List<Attachment> files = List.of();
        if (read.attachments() > 0) {
            files = attachments.findAllByBatchIdOrderById(read.batch().getId());
            files.forEach(Attachment::getContent);
        }
        return new BatchVerifier.Stored(stored, files, anchorings);
    }
}
