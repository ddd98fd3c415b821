package org.suyuan.verification;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.suyuan.anchoring.AnchoringService;
import org.suyuan.anchoring.EventAnchoring;
import org.suyuan.archive.EventDocument;
import org.suyuan.db.archive.Attachment;
import org.suyuan.db.archive.AttachmentRepository;
import org.suyuan.db.archive.Batch;
import org.suyuan.db.archive.BatchEvent;
import org.suyuan.db.archive.BatchEventRepository;
import org.suyuan.db.archive.EventType;
import org.suyuan.ledger.AnchorReceipt;
import org.suyuan.ledger.LedgerException;
import org.suyuan.ledger.RecordHash;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks one batch's stored record against its own hash chain and its anchor: every event's hash is recomputed
 * from the database, attachments are rehashed, each event is compared with the leaf that was anchored, and the
 * newest anchored event's inclusion proof is checked against the root the ledger holds (the ledger is asked once
 * per root; confirmations are remembered by the anchoring feature).
 */
@Component
class BatchVerifier {

    private final EventDocument documents;
    private final AnchoringService anchoring;
    private final JsonMapper json;
    private final BatchEventRepository eventRows;
    private final AttachmentRepository attachmentRows;
    private final TransactionTemplate readOnly;

    BatchVerifier(
            EventDocument documents,
            AnchoringService anchoring,
            JsonMapper json,
            BatchEventRepository events,
            AttachmentRepository attachments,
            PlatformTransactionManager transactions) {
        this.documents = documents;
        this.anchoring = anchoring;
        this.json = json;
        this.eventRows = events;
        this.attachmentRows = attachments;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /** What the database holds for a batch: its events, its attachments (contents loaded) and their anchoring. */
    record Stored(List<BatchEvent> events, List<Attachment> attachments, Map<Long, EventAnchoring> anchorings) {}

    /** A batch's stored record with its verification. */
    record Checked(List<BatchEvent> events, List<Attachment> attachments, Integrity integrity) {}

    /** Reads what the database holds for a batch, in the caller's transaction. */
    Stored read(Batch batch) {
        List<BatchEvent> stored = eventRows.findAllByBatchIdOrderBySequenceNumber(batch.getId());
        List<Attachment> files = attachmentRows.findAllByBatchIdOrderById(batch.getId());
        files.forEach(Attachment::getContent);
        return new Stored(stored, files, anchoring.anchoringsOfBatch(batch.getId()));
    }

    /**
     * Verifies what was read, asking the ledger about the root. Call it outside any transaction: a ledger that
     * is not yet remembered is asked over its own connection (the embedded ledger's is a database connection),
     * and holding one while waiting for another starves the pool under load.
     */
    Checked verify(Batch batch, Stored stored) {
        Integrity integrity = verify(batch, stored.events(), stored.attachments(), stored.anchorings(), true);
        return new Checked(stored.events(), stored.attachments(), integrity);
    }

    /** Reads a batch's record in a read-only transaction, then verifies it (see {@link #verify(Batch, Stored)}). */
    Checked verifyStored(Batch batch) {
        return verify(batch, readOnly.execute(status -> read(batch)));
    }

    /**
     * Verifies a batch.
     *
     * @param events its stored events in any order
     * @param attachments its stored attachments, contents included
     * @param anchorings the anchoring of its events by event id
     * @param askLedger whether to confirm the root on the ledger (the audit checks roots on its own)
     */
    Integrity verify(
            Batch batch,
            List<BatchEvent> events,
            List<Attachment> attachments,
            Map<Long, EventAnchoring> anchorings,
            boolean askLedger) {
        List<BatchEvent> ordered = new ArrayList<>(events);
        ordered.sort(Comparator.comparingInt(BatchEvent::getSequenceNumber));
        Map<Long, BatchEvent> byId = new HashMap<>();
        ordered.forEach(event -> byId.put(event.getId(), event));

        List<ChainCheck.StoredEvent> stored = new ArrayList<>(ordered.size());
        for (BatchEvent event : ordered) {
            stored.add(new ChainCheck.StoredEvent(
                    event.getSequenceNumber(),
                    RecordHash.parse(event.getPreviousHash()),
                    RecordHash.parse(event.getEventHash()),
                    number -> document(batch, event, number, byId)));
        }
        List<Finding> findings = new ArrayList<>(ChainCheck.check(stored));
        findings.addAll(attachmentFindings(attachments, ordered));

        EventAnchoring.Anchored latest = null;
        int anchoredEvents = 0;
        Instant pendingSince = null;
        for (int index = 0; index < ordered.size(); index++) {
            BatchEvent event = ordered.get(index);
            EventAnchoring state = anchorings.get(event.getId());
            if (state == null) {
                pendingSince = earliest(pendingSince, event.getRecordedAt());
                continue;
            }
            if (!state.eventHash().hex().equals(event.getEventHash())) {
                findings.add(new Finding(
                        Finding.Kind.LEAF_CHANGED,
                        event.getSequenceNumber(),
                        "第 " + event.getSequenceNumber() + " 条记录与上链时的记录不一致。"));
            }
            if (state instanceof EventAnchoring.Anchored anchored) {
                latest = anchored;
                anchoredEvents = index + 1;
                pendingSince = null;
            } else if (state instanceof EventAnchoring.Pending pending) {
                pendingSince = earliest(pendingSince, pending.pendingSince());
            }
        }

        if (latest != null) {
            // Only the newest anchored event's proof is checked (it covers the chain up to it), so only its path is
            // read; leaves anchored since issue 13 have it rebuilt from their anchor's subtree roots.
            latest = anchoring.proven(latest);
        }
        AnchorReceipt onLedger = null;
        boolean ledgerUnavailable = false;
        if (latest != null && askLedger) {
            try {
                Optional<AnchorReceipt> receipt = anchoring.findOnLedger(latest.root());
                if (receipt.isEmpty()) {
                    findings.add(new Finding(
                            Finding.Kind.NOT_ON_LEDGER,
                            null,
                            "锚定根 " + latest.root().hex() + " 不在区块链账本上。"));
                } else if (!latest.isConfirmedBy(receipt.get())) {
                    findings.add(new Finding(
                            Finding.Kind.PROOF_FAILS,
                            anchoredEvents,
                            "第 " + anchoredEvents + " 条记录不在账本上的锚定根之中：包含证明不成立。"));
                } else {
                    onLedger = receipt.get();
                }
            } catch (LedgerException e) {
                ledgerUnavailable = true;
            }
        }
        return new Integrity(
                ordered.size(), findings, latest, anchoredEvents, onLedger, pendingSince, ledgerUnavailable);
    }

    /**
     * Rehashes every attachment, and compares the hash a test event recorded for its report (which the chain
     * covers) with the report's stored hash: changing a report's bytes and its stored hash together is caught too.
     */
    private List<Finding> attachmentFindings(List<Attachment> attachments, List<BatchEvent> events) {
        List<Finding> findings = new ArrayList<>();
        Map<Long, Attachment> byId = new HashMap<>();
        for (Attachment attachment : attachments) {
            byId.put(attachment.getId(), attachment);
            byte[] content = attachment.getContent();
            if (content == null || !RecordHash.sha256(content).hex().equals(attachment.getSha256())) {
                findings.add(new Finding(
                        Finding.Kind.ATTACHMENT_CHANGED, null, "附件“" + attachment.getFilename() + "”的内容与上传时不一致。"));
            }
        }
        for (BatchEvent event : events) {
            if (event.getType() != EventType.INSPECTION) {
                continue;
            }
            JsonNode details = readOrNull(event.getDetails());
            if (details == null || !details.hasNonNull("reportAttachmentId")) {
                continue;
            }
            Attachment report = byId.get(details.get("reportAttachmentId").asLong());
            String recorded = details.path("reportSha256").asString(null);
            if (report == null || !report.getSha256().equals(recorded)) {
                findings.add(new Finding(
                        Finding.Kind.ATTACHMENT_CHANGED,
                        event.getSequenceNumber(),
                        "第 " + event.getSequenceNumber() + " 条记录所附的检测报告已被替换或删除。"));
            }
        }
        return findings;
    }

    private JsonNode readOrNull(String text) {
        try {
            return json.readTree(text);
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    /**
     * Each event's canonical document as the stored row gives it, for a proof bundle; an event whose document can
     * no longer be rebuilt is given as its raw details, which a verifier will find does not match.
     */
    List<String> storedDocuments(Batch batch, List<BatchEvent> events) {
        Map<Long, BatchEvent> byId = new HashMap<>();
        events.forEach(event -> byId.put(event.getId(), event));
        List<String> documents = new ArrayList<>(events.size());
        for (BatchEvent event : events) {
            String document = document(batch, event, event.getSequenceNumber(), byId);
            documents.add(document == null ? event.getDetails() : document);
        }
        return documents;
    }

    /** The event's canonical document as if numbered {@code number}; null if it can no longer be rebuilt. */
    private String document(Batch batch, BatchEvent event, int number, Map<Long, BatchEvent> byId) {
        String superseded = null;
        if (event.getSupersedesEventId() != null) {
            BatchEvent corrected = byId.get(event.getSupersedesEventId());
            if (corrected == null) {
                return null;
            }
            superseded = corrected.getEventHash();
        }
        BatchEvent renumbered = number == event.getSequenceNumber()
                ? event
                : new BatchEvent(
                        event.getBatchId(),
                        number,
                        event.getType(),
                        event.getOccurredOn(),
                        event.getRecordedAt(),
                        event.getRecordedBy(),
                        event.getSupersedesEventId(),
                        event.getDetails(),
                        event.getPreviousHash(),
                        event.getEventHash());
        try {
            return documents.canonicalJson(batch, renumbered, superseded);
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    private static Instant earliest(Instant current, Instant candidate) {
        return current == null || candidate.isBefore(current) ? candidate : current;
    }
}
