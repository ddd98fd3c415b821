package org.suyuan.anchoring;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.suyuan.db.anchoring.AnchorOutbox.PendingLeaf;
import org.suyuan.db.anchoring.AnchorOutbox.Run;
import org.suyuan.ledger.RecordHash;
import org.suyuan.ledger.proof.MerkleTree;

/**
 * What one window of pending leaves becomes: a Merkle tree over their event hashes in outbox (id) order, the
 * anchor to store, the runs of consecutive leaf ids to claim for it (leaf places follow id order), and the roots of
 * the tree's aligned subtrees of {@value #SUBTREE_SIZE} leaves, from which any leaf's inclusion proof is rebuilt
 * later. A pure function of its input, so a window always yields the same root.
 *
 * @param sequenceNumber the anchor's place in the chain
 * @param previousRoot the root of the anchor before, empty for the first
 * @param root the Merkle root over the window
 * @param leafCount how many leaves the window holds
 * @param windowStart when the first leaf was written, in whole seconds (as the anchor row keeps it)
 * @param windowEnd when the last leaf was written, in whole seconds
 * @param runs the window's leaves as runs of consecutive ids, in order, with their first places
 * @param eventHashes the leaves' event hashes in leaf order
 * @param subtreeRoots the roots of the tree's subtrees of {@value #SUBTREE_SIZE} leaves, left to right
 */
record AnchorPlan(
        long sequenceNumber,
        Optional<RecordHash> previousRoot,
        RecordHash root,
        long leafCount,
        Instant windowStart,
        Instant windowEnd,
        List<Run> runs,
        List<RecordHash> eventHashes,
        List<RecordHash> subtreeRoots) {

    /**
     * How many leaves a subtree holds: a proof is rebuilt from one stored subtree of this many leaf hashes and the
     * subtree roots, of which an anchor of n leaves stores n / {@value} (256 for a full window of 16,384).
     */
    static final int SUBTREE_SIZE = 64;

    AnchorPlan {
        Objects.requireNonNull(previousRoot, "previousRoot");
        runs = List.copyOf(runs);
        eventHashes = List.copyOf(eventHashes);
        subtreeRoots = List.copyOf(subtreeRoots);
    }

    /** The event hashes of each subtree, subtree by subtree: what a leaf's proof is rebuilt from. */
    List<List<RecordHash>> subtreeLeaves() {
        List<List<RecordHash>> subtrees = new ArrayList<>(subtreeRoots.size());
        for (int first = 0; first < eventHashes.size(); first += SUBTREE_SIZE) {
            subtrees.add(eventHashes.subList(first, Math.min(eventHashes.size(), first + SUBTREE_SIZE)));
        }
        return subtrees;
    }

    static AnchorPlan of(long sequenceNumber, Optional<RecordHash> previousRoot, List<PendingLeaf> window) {
        if (window.isEmpty()) {
            throw new IllegalArgumentException("An anchor covers at least one leaf");
        }
        List<PendingLeaf> leaves = window.stream()
                .sorted(Comparator.comparingLong(PendingLeaf::id))
                .toList();
        List<RecordHash> eventHashes =
                leaves.stream().map(leaf -> new RecordHash(leaf.eventHash())).toList();
        MerkleTree tree = MerkleTree.of(eventHashes);
        List<Run> runs = new ArrayList<>();
        int runStart = 0;
        for (int index = 1; index <= leaves.size(); index++) {
            if (index == leaves.size()
                    || leaves.get(index).id() != leaves.get(index - 1).id() + 1) {
                runs.add(
                        new Run(leaves.get(runStart).id(), leaves.get(index - 1).id(), runStart));
                runStart = index;
            }
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
                runs,
                eventHashes,
                tree.subtreeRoots(SUBTREE_SIZE));
    }
}
