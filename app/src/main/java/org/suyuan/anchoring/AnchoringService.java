package org.suyuan.anchoring;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.suyuan.BoundedCache;
import org.suyuan.db.anchoring.Anchor;
import org.suyuan.db.anchoring.AnchorLeaf;
import org.suyuan.db.anchoring.AnchorLeafRepository;
import org.suyuan.db.anchoring.AnchorOutbox;
import org.suyuan.db.anchoring.AnchorRepository;
import org.suyuan.db.anchoring.AnchorState;
import org.suyuan.ledger.AnchorReceipt;
import org.suyuan.ledger.LedgerException;
import org.suyuan.ledger.RecordHash;
import org.suyuan.ledger.proof.MerkleTree;

/**
 * What other features ask the anchoring feature: where an event stands with the ledger, and whether the ledger
 * holds a root.
 */
@Service
public class AnchoringService {

    /** Anchors whose upper tree is remembered: 511 nodes for a full window of 16,384 leaves, about 80 KB. */
    private static final int TREES_REMEMBERED = 256;

    /** Rebuilt inclusion proofs remembered (popular batches are scanned over and over): about 2 KB each. */
    private static final int PROOFS_REMEMBERED = 4_096;

    private static final Logger log = LoggerFactory.getLogger(AnchoringService.class);

    private final AnchorLeafRepository leaves;
    private final AnchorRepository anchors;
    private final AnchorOutbox outbox;
    private final RootConfirmations roots;
    private final LedgerProperties ledger;
    private final BoundedCache<RecordHash, SubtreeRoots> trees = new BoundedCache<>(TREES_REMEMBERED);
    private final BoundedCache<LeafPlace, List<RecordHash>> proofs = new BoundedCache<>(PROOFS_REMEMBERED);

    AnchoringService(
            AnchorLeafRepository leaves,
            AnchorRepository anchors,
            AnchorOutbox outbox,
            RootConfirmations roots,
            LedgerProperties ledger) {
        this.leaves = leaves;
        this.anchors = anchors;
        this.outbox = outbox;
        this.roots = roots;
        this.ledger = ledger;
    }

    /** An anchor's subtrees: their size, and the tree over their roots. */
    private record SubtreeRoots(int subtreeSize, MerkleTree roots) {}

    /** A leaf's place: its anchor's root and its index. */
    private record LeafPlace(RecordHash root, long leafIndex) {}

    /**
     * An anchored event with its inclusion proof's path: as read when the leaf stored one (anchored before issue 13),
     * otherwise rebuilt from its subtree's leaf hashes as anchored (one row of at most {@link
     * AnchorPlan#SUBTREE_SIZE}) and the tree over its anchor's subtree roots. Both the trees and the rebuilt paths
     * are remembered: a confirmed anchor never changes, and a path is only the siblings' hashes, so a remembered one
     * still fails for an event or leaf altered later. Pieces that do not fit together (rows deleted or altered) give
     * a path that does not verify, never an exception (that is a finding, not a failure), and are not remembered.
     */
    public EventAnchoring.Anchored proven(EventAnchoring.Anchored anchored) {
        if (anchored.hasPath()) {
            return anchored;
        }
        LeafPlace place = new LeafPlace(anchored.root(), anchored.leafIndex());
        return anchored.withPath(
                proofs.find(place, unknown -> rebuilt(anchored)).orElse(List.of()));
    }

    private Optional<List<RecordHash>> rebuilt(EventAnchoring.Anchored anchored) {
        Optional<SubtreeRoots> tree = trees.find(anchored.root(), this::subtreeRootsOf);
        if (tree.isEmpty() || tree.get().subtreeSize() < 1) {
            log.warn(
                    "Anchor {} has neither a stored proof for event {} nor subtree roots",
                    anchored.anchorSequenceNumber(),
                    anchored.eventId());
            return Optional.empty();
        }
        int size = tree.get().subtreeSize();
        int subtree = (int) (anchored.leafIndex() / size);
        try {
            List<RecordHash> subtreeLeaves = outbox.subtreeLeaves(
                            anchored.root().hex(), subtree)
                    .map(ProofPaths::decode)
                    .orElse(List.of());
            return Optional.of(MerkleTree.proof(
                            anchored.leafIndex(),
                            anchored.leafCount(),
                            size,
                            subtreeLeaves,
                            tree.get().roots())
                    .path());
        } catch (IllegalArgumentException doesNotFit) {
            log.warn(
                    "The stored tree of anchor {} does not fit event {}: {}",
                    anchored.anchorSequenceNumber(),
                    anchored.eventId(),
                    doesNotFit.getMessage());
            return Optional.empty();
        }
    }

    private Optional<SubtreeRoots> subtreeRootsOf(RecordHash root) {
        try {
            return outbox.treeOf(root.hex())
                    .map(tree -> new SubtreeRoots(
                            tree.subtreeSize(), MerkleTree.ofSubtreeRoots(ProofPaths.decode(tree.subtreeRoots()))));
        } catch (IllegalArgumentException unreadable) {
            log.warn("The subtree roots of anchor {} are unreadable: {}", root.hex(), unreadable.getMessage());
            return Optional.empty();
        }
    }

    /** Which ledger anchors roots: {@code embedded} or {@code fabric}, as proof bundles name it. */
    public String ledgerKind() {
        return ledger.type().name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * The anchoring of a recorded event, as this service's database records it.
     *
     * @return empty when no event with this id was recorded
     */
    @Transactional(readOnly = true)
    public Optional<EventAnchoring> anchoringOf(long eventId) {
        return leaves.findByEventId(eventId).map(this::anchoringOf);
    }

    /**
     * The anchoring of every recorded event of a batch, by event id: two queries however long the history.
     * An event missing from the map has no leaf (it was never recorded through the archive, or its leaf was
     * removed behind the service's back).
     */
    @Transactional(readOnly = true)
    public Map<Long, EventAnchoring> anchoringsOfBatch(long batchId) {
        return anchoringsOf(leaves.findAllByBatchId(batchId));
    }

    /** {@link #anchoringsOfBatch} for many batches at once, as the integrity audit reads them. */
    @Transactional(readOnly = true)
    public Map<Long, EventAnchoring> anchoringsOfBatches(Collection<Long> batchIds) {
        return batchIds.isEmpty() ? Map.of() : anchoringsOf(leaves.findAllByBatchIdIn(batchIds));
    }

    private Map<Long, EventAnchoring> anchoringsOf(List<AnchorLeaf> batchLeaves) {
        Set<Long> anchorIds = new HashSet<>();
        batchLeaves.forEach(leaf -> {
            if (leaf.getAnchorId() != null) {
                anchorIds.add(leaf.getAnchorId());
            }
        });
        Map<Long, Anchor> anchored = new HashMap<>();
        anchors.findAllById(anchorIds).stream()
                .filter(anchor -> anchor.getState() == AnchorState.ANCHORED)
                .forEach(anchor -> anchored.put(anchor.getId(), anchor));
        Map<Long, EventAnchoring> byEvent = new HashMap<>();
        batchLeaves.forEach(
                leaf -> byEvent.put(leaf.getEventId(), anchoringOfConfirmed(leaf, anchored.get(leaf.getAnchorId()))));
        return byEvent;
    }

    /**
     * An anchored Merkle tree as the database holds it, for the integrity audit to recompute.
     *
     * @param leaves the leaves stored for it, in leaf order (a complete tree has {@code leafCount}, numbered from 0)
     * @param anchoredHashes the leaves' event hashes as copied when the anchor was prepared (its subtrees), in leaf
     *     order; empty for anchors from before issue 13, which stored a proof per leaf instead
     */
    public record AnchoredTree(
            long sequenceNumber,
            RecordHash root,
            long leafCount,
            List<TreeLeaf> leaves,
            List<RecordHash> anchoredHashes) {

        public AnchoredTree {
            leaves = List.copyOf(leaves);
            anchoredHashes = List.copyOf(anchoredHashes);
        }
    }

    /** One stored leaf: the hash of the event it anchors, as it was when anchored. */
    public record TreeLeaf(long eventId, long batchId, long leafIndex, RecordHash eventHash) {}

    /** Visits every anchor the ledger confirmed, in anchoring order, with its stored leaves. */
    @Transactional(readOnly = true)
    public void forEachAnchoredTree(Consumer<AnchoredTree> visitor) {
        for (Anchor anchor : anchors.findAllByOrderBySequenceNumber()) {
            if (anchor.getState() != AnchorState.ANCHORED) {
                continue;
            }
            List<TreeLeaf> treeLeaves = leaves.findAllByAnchorIdOrderByLeafIndex(anchor.getId()).stream()
                    .map(leaf -> new TreeLeaf(
                            leaf.getEventId(),
                            leaf.getBatchId(),
                            leaf.getLeafIndex(),
                            new RecordHash(leaf.getEventHash())))
                    .toList();
            List<RecordHash> anchoredHashes = new java.util.ArrayList<>();
            for (String subtree : outbox.subtreeLeavesOf(anchor.getId())) {
                anchoredHashes.addAll(ProofPaths.decode(subtree));
            }
            visitor.accept(new AnchoredTree(
                    anchor.getSequenceNumber(),
                    new RecordHash(anchor.getRoot()),
                    anchor.getLeafCount(),
                    treeLeaves,
                    anchoredHashes));
        }
    }

    /**
     * The ledger's anchor of a root, looked up once and then remembered (a committed anchor never changes).
     *
     * @return empty when the ledger has no anchor for the root
     * @throws LedgerException when the ledger cannot be asked
     */
    public Optional<AnchorReceipt> findOnLedger(RecordHash root) {
        return roots.find(root);
    }

    private EventAnchoring anchoringOf(AnchorLeaf leaf) {
        Anchor anchor = Optional.ofNullable(leaf.getAnchorId())
                .flatMap(anchors::findById)
                .filter(candidate -> candidate.getState() == AnchorState.ANCHORED)
                .orElse(null);
        return anchoringOfConfirmed(leaf, anchor);
    }

    /**
     * Where one leaf stands, for a reader that read the leaf and its anchor itself (a scan reads them joined to the
     * batch's events in one query).
     *
     * @param anchor the leaf's anchor, or null when it has none; an anchor the ledger has not confirmed leaves the
     *     event pending
     */
    public static EventAnchoring anchoringOf(AnchorLeaf leaf, Anchor anchor) {
        return anchoringOfConfirmed(leaf, anchor != null && anchor.getState() == AnchorState.ANCHORED ? anchor : null);
    }

    /** @param anchored the leaf's anchor if the ledger has confirmed it, else null */
    private static EventAnchoring anchoringOfConfirmed(AnchorLeaf leaf, Anchor anchored) {
        RecordHash eventHash = new RecordHash(leaf.getEventHash());
        if (anchored == null) {
            return new EventAnchoring.Pending(leaf.getEventId(), eventHash, leaf.getCreatedAt());
        }
        return new EventAnchoring.Anchored(
                leaf.getEventId(),
                eventHash,
                anchored.getSequenceNumber(),
                new RecordHash(anchored.getRoot()),
                leaf.getLeafIndex(),
                anchored.getLeafCount(),
                leaf.getProofPath() == null ? null : ProofPaths.decode(leaf.getProofPath()),
                anchored.getTransactionId(),
                anchored.getBlockNumber(),
                anchored.getAnchoredAt());
    }
}
