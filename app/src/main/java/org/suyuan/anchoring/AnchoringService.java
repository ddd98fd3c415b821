package org.suyuan.anchoring;

import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.suyuan.db.anchoring.Anchor;
import org.suyuan.db.anchoring.AnchorLeaf;
import org.suyuan.db.anchoring.AnchorLeafRepository;
import org.suyuan.db.anchoring.AnchorRepository;
import org.suyuan.db.anchoring.AnchorState;
import org.suyuan.ledger.AnchorReceipt;
import org.suyuan.ledger.LedgerException;
import org.suyuan.ledger.RecordHash;

/**
 * What other features ask the anchoring feature: where an event stands with the ledger, and whether the ledger
 * holds a root.
 */
@Service
public class AnchoringService {

    private final AnchorLeafRepository leaves;
    private final AnchorRepository anchors;
    private final RootConfirmations roots;

    AnchoringService(AnchorLeafRepository leaves, AnchorRepository anchors, RootConfirmations roots) {
        this.leaves = leaves;
        this.anchors = anchors;
        this.roots = roots;
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
     * The ledger's anchor of a root, looked up once and then remembered (a committed anchor never changes).
     *
     * @return empty when the ledger has no anchor for the root
     * @throws LedgerException when the ledger cannot be asked
     */
    public Optional<AnchorReceipt> findOnLedger(RecordHash root) {
        return roots.find(root);
    }

    private EventAnchoring anchoringOf(AnchorLeaf leaf) {
        RecordHash eventHash = new RecordHash(leaf.getEventHash());
        Optional<Anchor> anchor = Optional.ofNullable(leaf.getAnchorId())
                .flatMap(anchors::findById)
                .filter(candidate -> candidate.getState() == AnchorState.ANCHORED);
        if (anchor.isEmpty()) {
            return new EventAnchoring.Pending(leaf.getEventId(), eventHash, leaf.getCreatedAt());
        }
        Anchor anchored = anchor.get();
        return new EventAnchoring.Anchored(
                leaf.getEventId(),
                eventHash,
                anchored.getSequenceNumber(),
                new RecordHash(anchored.getRoot()),
                leaf.getLeafIndex(),
                anchored.getLeafCount(),
                ProofPaths.decode(leaf.getProofPath()),
                anchored.getTransactionId(),
                anchored.getBlockNumber(),
                anchored.getAnchoredAt());
    }
}
