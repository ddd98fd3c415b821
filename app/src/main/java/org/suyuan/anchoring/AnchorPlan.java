package org.suyuan.anchoring;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.suyuan.db.anchoring.AnchorOutbox.Assignment;
import org.suyuan.db.anchoring.AnchorOutbox.PendingLeaf;
import org.suyuan.ledger.RecordHash;
import org.suyuan.ledger.proof.InclusionProof;
import org.suyuan.ledger.proof.MerkleTree;

/**
 * What one window of pending leaves becomes: a Merkle tree over their event hashes in outbox (id) order, the
 * anchor to store, and each leaf's place and inclusion proof. A pure function of its input, so a window always
 * yields the same root.
 *
 * @param sequenceNumber the anchor's place in the chain
 * @param previousRoot the root of the anchor before, empty for the first
 * @param root the Merkle root over the window
 * @param leafCount how many leaves the window holds
 * @param windowStart when the first leaf was written, in whole seconds (as the anchor row keeps it)
 * @param windowEnd when the last leaf was written, in whole seconds
 * @param assignments each leaf's index and audit path
 */
record AnchorPlan(
        long sequenceNumber,
        Optional<RecordHash> previousRoot,
        RecordHash root,
        long leafCount,
        Instant windowStart,
        Instant windowEnd,
        List<Assignment> assignments) {

    AnchorPlan {
        Objects.requireNonNull(previousRoot, "previousRoot");
        assignments = List.copyOf(assignments);
    }

    static AnchorPlan of(long sequenceNumber, Optional<RecordHash> previousRoot, List<PendingLeaf> window) {
        if (window.isEmpty()) {
            throw new IllegalArgumentException("An anchor covers at least one leaf");
        }
        List<PendingLeaf> leaves = window.stream()
                .sorted(Comparator.comparingLong(PendingLeaf::id))
                .toList();
        MerkleTree tree = MerkleTree.of(
                leaves.stream().map(leaf -> new RecordHash(leaf.eventHash())).toList());
        List<Assignment> assignments = new ArrayList<>(leaves.size());
        for (int index = 0; index < leaves.size(); index++) {
            InclusionProof proof = tree.proof(index);
            assignments.add(new Assignment(leaves.get(index).id(), index, ProofPaths.encode(proof.path())));
        }
        Instant first = leaves.stream()
                .map(PendingLeaf::createdAt)
                .min(Comparator.naturalOrder())
                .orElseThrow();
        Instant last = leaves.stream()
                .map(PendingLeaf::createdAt)
                .max(Comparator.naturalOrder())
                .orElseThrow();
        return new AnchorPlan(
                sequenceNumber,
                previousRoot,
                tree.root(),
                leaves.size(),
                first.truncatedTo(ChronoUnit.SECONDS),
                last.truncatedTo(ChronoUnit.SECONDS),
                assignments);
    }
}
