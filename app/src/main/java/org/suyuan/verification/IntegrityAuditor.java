package org.suyuan.verification;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.suyuan.anchoring.AnchoringService;
import org.suyuan.anchoring.EventAnchoring;
import org.suyuan.db.archive.Attachment;
import org.suyuan.db.archive.AttachmentRepository;
import org.suyuan.db.archive.Batch;
import org.suyuan.db.archive.BatchEvent;
import org.suyuan.db.archive.BatchEventRepository;
import org.suyuan.db.archive.BatchRepository;
import org.suyuan.db.code.CodeKind;
import org.suyuan.db.code.IssuedCode;
import org.suyuan.db.code.IssuedCodeRepository;
import org.suyuan.db.verification.IntegrityAudit;
import org.suyuan.db.verification.IntegrityAuditRepository;
import org.suyuan.db.verification.IntegrityFinding;
import org.suyuan.db.verification.IntegrityFindingRepository;
import org.suyuan.ledger.AnchorReceipt;
import org.suyuan.ledger.LedgerException;
import org.suyuan.ledger.RecordHash;
import org.suyuan.ledger.proof.MerkleTree;

/**
 * The integrity audit: recomputes every batch's hash chain and every anchored Merkle root from the database, and
 * checks every root against the ledger. It finds edited, deleted and reordered records, changed attachments, and
 * leaves or roots that no longer match; each finding names its batch and trace code, and the report is kept.
 *
 * <p>Batches are read a page at a time, each page in its own read transaction, so an audit of millions of events
 * runs in bounded memory beside normal traffic.
 */
@Service
public class IntegrityAuditor {

    private static final Logger log = LoggerFactory.getLogger(IntegrityAuditor.class);

    private final BatchRepository batches;
    private final BatchEventRepository events;
    private final AttachmentRepository attachments;
    private final IssuedCodeRepository codes;
    private final IntegrityAuditRepository audits;
    private final IntegrityFindingRepository findings;
    private final AnchoringService anchoring;
    private final BatchVerifier verifier;
    private final TransactionTemplate readOnly;
    private final TransactionTemplate writing;
    private final Clock clock;

    IntegrityAuditor(
            BatchRepository batches,
            BatchEventRepository events,
            AttachmentRepository attachments,
            IssuedCodeRepository codes,
            IntegrityAuditRepository audits,
            IntegrityFindingRepository findings,
            AnchoringService anchoring,
            BatchVerifier verifier,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.batches = batches;
        this.events = events;
        this.attachments = attachments;
        this.codes = codes;
        this.audits = audits;
        this.findings = findings;
        this.anchoring = anchoring;
        this.verifier = verifier;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.writing = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** The scheduled run (suyuan.verification.audit-cron, nightly by default). */
    @Scheduled(cron = "${suyuan.verification.audit-cron:0 30 3 * * *}")
    void scheduled() {
        run("scheduled");
    }

    /**
     * Runs a whole audit now and returns its report header; the findings are stored with it. An error (the ledger
     * unreachable, say) ends the run as FAILED with what was found so far.
     */
    public IntegrityAudit run(String startedBy) {
        IntegrityAudit audit = writing.execute(status -> audits.save(new IntegrityAudit(clock.instant(), startedBy)));
        Counts counts = new Counts();
        try {
            auditBatches(audit.getId(), counts);
            auditRoots(audit.getId(), counts);
            audit.finish(clock.instant(), counts.batches, counts.events, counts.roots, counts.findings);
        } catch (RuntimeException e) {
            log.error("Integrity audit {} stopped", audit.getId(), e);
            audit.fail(clock.instant(), counts.batches, counts.events, counts.roots, counts.findings, e.toString());
        }
        IntegrityAudit finished = writing.execute(status -> audits.save(audit));
        log.info(
                "Integrity audit {}: {} batches, {} events, {} roots checked; {} findings",
                finished.getId(),
                counts.batches,
                counts.events,
                counts.roots,
                counts.findings);
        return finished;
    }

    private static final class Counts {
        long batches;
        long events;
        long roots;
        int findings;
    }

    private void auditBatches(Long auditId, Counts counts) {
        long after = 0;
        while (true) {
            long from = after;
            List<IntegrityFinding> found = new ArrayList<>();
            Long last = readOnly.execute(status -> auditPage(auditId, from, counts, found));
            save(found, counts);
            if (last == null) {
                return;
            }
            after = last;
        }
    }

    /** Audits the next page of batches; returns the last batch id, or null when there were none. */
    private Long auditPage(Long auditId, long after, Counts counts, List<IntegrityFinding> found) {
        List<Batch> page = batches.findTop200ByIdGreaterThanOrderById(after);
        if (page.isEmpty()) {
            return null;
        }
        List<Long> ids = page.stream().map(Batch::getId).toList();
        Map<Long, List<BatchEvent>> eventsByBatch = new HashMap<>();
        events.findAllByBatchIdIn(ids)
                .forEach(event -> eventsByBatch
                        .computeIfAbsent(event.getBatchId(), id -> new ArrayList<>())
                        .add(event));
        Map<Long, List<Attachment>> attachmentsByBatch = new HashMap<>();
        attachments
                .findAllByBatchIdIn(ids)
                .forEach(attachment -> attachmentsByBatch
                        .computeIfAbsent(attachment.getBatchId(), id -> new ArrayList<>())
                        .add(attachment));
        Map<Long, String> traceCodes = new HashMap<>();
        codes.findAllByBatchIdInAndKind(ids, CodeKind.BATCH)
                .forEach(code -> traceCodes.put(code.getBatchId(), code.getCode()));
        Map<Long, EventAnchoring> anchorings = anchoring.anchoringsOfBatches(ids);
        for (Batch batch : page) {
            List<BatchEvent> batchEvents = eventsByBatch.getOrDefault(batch.getId(), List.of());
            Integrity integrity = verifier.verify(
                    batch, batchEvents, attachmentsByBatch.getOrDefault(batch.getId(), List.of()), anchorings, false);
            counts.batches++;
            counts.events += batchEvents.size();
            for (Finding finding : integrity.findings()) {
                found.add(new IntegrityFinding(
                        auditId,
                        finding.kind().name(),
                        batch.getId(),
                        batch.getOrganizationId(),
                        batch.getBatchNumber(),
                        traceCodes.get(batch.getId()),
                        finding.sequenceNumber(),
                        null,
                        finding.detail()));
            }
        }
        return page.get(page.size() - 1).getId();
    }

    /**
     * Recomputes every anchored root from its stored leaves, checks each leaf against the event it anchors (a
     * deleted event, or one whose hash was recomputed after editing, no longer matches), and checks the root and
     * its size against the ledger's own record.
     */
    private void auditRoots(Long auditId, Counts counts) {
        List<IntegrityFinding> found = new ArrayList<>();
        anchoring.forEachAnchoredTree(tree -> {
            counts.roots++;
            found.addAll(checkTree(auditId, tree));
            if (found.size() >= 200) {
                save(found, counts);
                found.clear();
            }
        });
        save(found, counts);
    }

    private List<IntegrityFinding> checkTree(Long auditId, AnchoringService.AnchoredTree tree) {
        List<IntegrityFinding> found = new ArrayList<>();
        List<AnchoringService.TreeLeaf> leaves = tree.leaves();
        boolean complete = leaves.size() == tree.leafCount();
        for (int i = 0; complete && i < leaves.size(); i++) {
            complete = leaves.get(i).leafIndex() == i;
        }
        if (!complete) {
            found.add(anchorFinding(
                    auditId,
                    tree,
                    Finding.Kind.MISSING,
                    "第 " + tree.sequenceNumber() + " 次锚定应有 " + tree.leafCount() + " 个叶子，数据库中只有 " + leaves.size()
                            + " 个（或编号不连续）：有记录连同其锚定一起被删除。"));
        } else if (!leaves.isEmpty()) {
            RecordHash recomputed = MerkleTree.of(leaves.stream()
                            .map(AnchoringService.TreeLeaf::eventHash)
                            .toList())
                    .root();
            if (!recomputed.equals(tree.root())) {
                found.add(anchorFinding(
                        auditId,
                        tree,
                        Finding.Kind.LEAF_CHANGED,
                        "第 " + tree.sequenceNumber() + " 次锚定的叶子算出的根与存储的根不一致：锚定的记录被改动过。"));
                found.addAll(leavesRewrittenSinceAnchoring(auditId, tree));
            }
        }
        found.addAll(leavesWithoutTheirEvents(auditId, tree));
        try {
            Optional<AnchorReceipt> onLedger = anchoring.findOnLedger(tree.root());
            if (onLedger.isEmpty()) {
                found.add(anchorFinding(
                        auditId,
                        tree,
                        Finding.Kind.NOT_ON_LEDGER,
                        "第 " + tree.sequenceNumber() + " 次锚定的根 " + tree.root().hex() + " 不在账本上。"));
            } else if (onLedger.get().request().leafCount() != tree.leafCount()) {
                found.add(anchorFinding(
                        auditId,
                        tree,
                        Finding.Kind.NOT_ON_LEDGER,
                        "第 " + tree.sequenceNumber() + " 次锚定：账本记录 "
                                + onLedger.get().request().leafCount() + " 个叶子，数据库记录 " + tree.leafCount() + " 个。"));
            }
        } catch (LedgerException e) {
            throw new IllegalStateException(
                    "The ledger cannot be asked about root " + tree.root().hex(), e);
        }
        return found;
    }

    /**
     * The leaves whose hash differs from the copy made when their anchor was prepared, one finding per batch: names
     * the batches whose events and leaves were rewritten together (which the leaf comparison above cannot see).
     */
    private List<IntegrityFinding> leavesRewrittenSinceAnchoring(Long auditId, AnchoringService.AnchoredTree tree) {
        List<IntegrityFinding> found = new ArrayList<>();
        List<AnchoringService.TreeLeaf> leaves = tree.leaves();
        if (tree.anchoredHashes().size() != leaves.size()) {
            return found;
        }
        Set<Long> reported = new HashSet<>();
        for (int i = 0; i < leaves.size(); i++) {
            AnchoringService.TreeLeaf leaf = leaves.get(i);
            if (!leaf.eventHash().equals(tree.anchoredHashes().get(i)) && reported.add(leaf.batchId())) {
                found.add(leafFinding(
                        auditId,
                        tree,
                        leaf,
                        Finding.Kind.LEAF_CHANGED,
                        "锚定的叶子被改写：第 " + (i + 1) + " 个叶子的哈希与锚定时的副本不一致。"));
            }
        }
        return found;
    }

    /** Leaves whose event was deleted, or whose event's stored hash is no longer the anchored one. */
    private List<IntegrityFinding> leavesWithoutTheirEvents(Long auditId, AnchoringService.AnchoredTree tree) {
        List<IntegrityFinding> found = new ArrayList<>();
        List<AnchoringService.TreeLeaf> leaves = tree.leaves();
        for (int start = 0; start < leaves.size(); start += 500) {
            List<AnchoringService.TreeLeaf> chunk = leaves.subList(start, Math.min(leaves.size(), start + 500));
            Map<Long, BatchEvent> stored = new HashMap<>();
            readOnly.executeWithoutResult(status -> events.findAllByIdIn(chunk.stream()
                            .map(AnchoringService.TreeLeaf::eventId)
                            .toList())
                    .forEach(event -> stored.put(event.getId(), event)));
            Set<Long> reported = new HashSet<>();
            for (AnchoringService.TreeLeaf leaf : chunk) {
                BatchEvent event = stored.get(leaf.eventId());
                if (event == null && reported.add(leaf.batchId())) {
                    found.add(leafFinding(auditId, tree, leaf, Finding.Kind.MISSING, "锚定的一条记录已从档案中删除。"));
                } else if (event != null
                        && !event.getEventHash().equals(leaf.eventHash().hex())) {
                    found.add(leafFinding(
                            auditId,
                            tree,
                            leaf,
                            Finding.Kind.LEAF_CHANGED,
                            "第 " + event.getSequenceNumber() + " 条记录的哈希与锚定时不一致。"));
                }
            }
        }
        return found;
    }

    private IntegrityFinding anchorFinding(
            Long auditId, AnchoringService.AnchoredTree tree, Finding.Kind kind, String detail) {
        return new IntegrityFinding(auditId, kind.name(), null, null, null, null, null, tree.sequenceNumber(), detail);
    }

    private IntegrityFinding leafFinding(
            Long auditId,
            AnchoringService.AnchoredTree tree,
            AnchoringService.TreeLeaf leaf,
            Finding.Kind kind,
            String detail) {
        return readOnly.execute(status -> {
            Optional<Batch> batch = batches.findById(leaf.batchId());
            String code = codes.findAllByBatchIdInAndKind(List.of(leaf.batchId()), CodeKind.BATCH).stream()
                    .map(IssuedCode::getCode)
                    .findFirst()
                    .orElse(null);
            return new IntegrityFinding(
                    auditId,
                    kind.name(),
                    leaf.batchId(),
                    batch.map(Batch::getOrganizationId).orElse(null),
                    batch.map(Batch::getBatchNumber).orElse(null),
                    code,
                    null,
                    tree.sequenceNumber(),
                    detail);
        });
    }

    private void save(List<IntegrityFinding> found, Counts counts) {
        if (found.isEmpty()) {
            return;
        }
        writing.executeWithoutResult(status -> found.forEach(findings::save));
        counts.findings += found.size();
    }
}
