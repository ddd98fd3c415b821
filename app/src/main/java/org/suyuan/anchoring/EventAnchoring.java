package org.suyuan.anchoring;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.suyuan.ledger.AnchorReceipt;
import org.suyuan.ledger.RecordHash;
import org.suyuan.ledger.proof.InclusionProof;

/** Where one recorded event stands with the ledger: waiting, or anchored with everything needed to prove it. */
public sealed interface EventAnchoring permits EventAnchoring.Pending, EventAnchoring.Anchored {

    long eventId();

    /** The event's hash: the head of its batch's hash chain at that event, and the leaf's data. */
    RecordHash eventHash();

    /**
     * Not anchored yet: waiting for its window, or in an anchor the ledger has not confirmed.
     *
     * @param pendingSince when the event was recorded
     */
    record Pending(long eventId, RecordHash eventHash, Instant pendingSince) implements EventAnchoring {

        public Pending {
            Objects.requireNonNull(eventHash, "eventHash");
            Objects.requireNonNull(pendingSince, "pendingSince");
        }
    }

    /**
     * Anchored: the event hash is leaf {@code leafIndex} of a Merkle tree of {@code leafCount} leaves whose root the
     * ledger committed in transaction {@code transactionId}, block {@code blockNumber}.
     *
     * @param anchorSequenceNumber the anchor's place in the chain of anchors
     * @param path the inclusion proof's sibling hashes from the leaf up to the root, or {@code null} when they have
     *     not been read: leaves anchored since issue 13 have no stored proof, and {@link
     *     AnchoringService#proven(Anchored)} rebuilds it for the one event a reader needs it for
     * @param anchoredAt the ledger's time for the transaction, in whole seconds
     */
    record Anchored(
            long eventId,
            RecordHash eventHash,
            long anchorSequenceNumber,
            RecordHash root,
            long leafIndex,
            long leafCount,
            List<RecordHash> path,
            String transactionId,
            long blockNumber,
            Instant anchoredAt)
            implements EventAnchoring {

        public Anchored {
            Objects.requireNonNull(eventHash, "eventHash");
            Objects.requireNonNull(root, "root");
            path = path == null ? null : List.copyOf(path);
            Objects.requireNonNull(transactionId, "transactionId");
            Objects.requireNonNull(anchoredAt, "anchoredAt");
        }

        /** Whether the inclusion proof's path has been read (see {@link AnchoringService#proven(Anchored)}). */
        public boolean hasPath() {
            return path != null;
        }

        /** This anchoring with the inclusion proof's path, as {@link AnchoringService#proven(Anchored)} rebuilt it. */
        Anchored withPath(List<RecordHash> rebuilt) {
            return new Anchored(
                    eventId,
                    eventHash,
                    anchorSequenceNumber,
                    root,
                    leafIndex,
                    leafCount,
                    rebuilt,
                    transactionId,
                    blockNumber,
                    anchoredAt);
        }

        /**
         * The inclusion proof, with the tree size the database records.
         *
         * @throws IllegalStateException when the path has not been read
         */
        public InclusionProof proof() {
            return new InclusionProof(leafIndex, leafCount, requirePath());
        }

        /**
         * Whether the ledger's own anchor vouches for this event: its root is this root, and the stored audit path
         * leads from the event hash to it in a tree of the size <em>the ledger</em> records (a proof does not pin
         * the tree size by itself, so the size must come from the anchor on the ledger).
         */
        public boolean isConfirmedBy(AnchorReceipt onLedger) {
            return onLedger.root().equals(root)
                    && new InclusionProof(leafIndex, onLedger.request().leafCount(), requirePath())
                            .verifies(eventHash, root);
        }

        private List<RecordHash> requirePath() {
            if (path == null) {
                throw new IllegalStateException("The inclusion proof of event " + eventId
                        + " has not been read: ask AnchoringService.proven first");
            }
            return path;
        }
    }
}
