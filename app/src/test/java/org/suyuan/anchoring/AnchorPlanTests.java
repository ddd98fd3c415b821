package org.suyuan.anchoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.suyuan.db.anchoring.AnchorOutbox.PendingLeaf;
import org.suyuan.db.anchoring.AnchorOutbox.Run;
import org.suyuan.ledger.RecordHash;
import org.suyuan.ledger.proof.InclusionProof;
import org.suyuan.ledger.proof.MerkleTree;

class AnchorPlanTests {

    private static final Instant T0 = Instant.parse("2026-06-30T08:00:00.250Z");

    @Test
    void everyLeafsProofRebuiltFromItsSubtreeAndTheStoredRootsLeadsToTheRoot() {
        List<PendingLeaf> window = leaves(150);

        AnchorPlan plan = AnchorPlan.of(5, Optional.of(hash(999)), window);

        assertThat(plan.leafCount()).isEqualTo(150);
        assertThat(plan.subtreeRoots()).hasSize(3);
        List<RecordHash> hashes =
                window.stream().map(leaf -> new RecordHash(leaf.eventHash())).toList();
        for (int index = 0; index < window.size(); index++) {
            int first = index / AnchorPlan.SUBTREE_SIZE * AnchorPlan.SUBTREE_SIZE;
            InclusionProof proof = MerkleTree.proof(
                    index,
                    plan.leafCount(),
                    AnchorPlan.SUBTREE_SIZE,
                    hashes.subList(first, Math.min(hashes.size(), first + AnchorPlan.SUBTREE_SIZE)),
                    MerkleTree.ofSubtreeRoots(plan.subtreeRoots()));
            assertThat(proof.verifies(hashes.get(index), plan.root())).isTrue();
        }
    }

    @Test
    void consecutiveIdsAreClaimedAsOneRunAndGapsStartANewOne() {
        List<PendingLeaf> window = List.of(
                new PendingLeaf(10, 110, hash(1).hex(), T0),
                new PendingLeaf(11, 111, hash(2).hex(), T0),
                new PendingLeaf(12, 112, hash(3).hex(), T0),
                new PendingLeaf(15, 115, hash(4).hex(), T0),
                new PendingLeaf(20, 120, hash(5).hex(), T0),
                new PendingLeaf(21, 121, hash(6).hex(), T0));

        AnchorPlan plan = AnchorPlan.of(1, Optional.empty(), window);

        assertThat(plan.runs()).containsExactly(new Run(10, 12, 0), new Run(15, 15, 3), new Run(20, 21, 4));
    }

    @Test
    void leavesAreOrderedByOutboxIdWhateverOrderTheyArriveIn() {
        List<PendingLeaf> window = leaves(10);
        List<PendingLeaf> shuffled = new ArrayList<>(window);
        Collections.shuffle(shuffled);

        AnchorPlan inOrder = AnchorPlan.of(1, Optional.empty(), window);
        AnchorPlan fromShuffled = AnchorPlan.of(1, Optional.empty(), shuffled);

        assertThat(fromShuffled).isEqualTo(inOrder);
        assertThat(inOrder.root())
                .isEqualTo(MerkleTree.of(window.stream()
                                .map(leaf -> new RecordHash(leaf.eventHash()))
                                .toList())
                        .root());
    }

    @Test
    void theWindowSpansTheLeavesInWholeSeconds() {
        List<PendingLeaf> window = List.of(
                new PendingLeaf(1, 11, hash(1).hex(), T0.plusMillis(1_900)),
                new PendingLeaf(2, 12, hash(2).hex(), T0),
                new PendingLeaf(3, 13, hash(3).hex(), T0.plusMillis(900)));

        AnchorPlan plan = AnchorPlan.of(1, Optional.empty(), window);

        assertThat(plan.windowStart()).isEqualTo(Instant.parse("2026-06-30T08:00:00Z"));
        assertThat(plan.windowEnd()).isEqualTo(Instant.parse("2026-06-30T08:00:02Z"));
    }

    @Test
    void aSingleLeafIsItsOwnTreeWithAnEmptyPath() {
        AnchorPlan plan = AnchorPlan.of(1, Optional.empty(), leaves(1));

        assertThat(plan.runs()).containsExactly(new Run(101, 101, 0));
        assertThat(plan.subtreeRoots()).containsExactly(plan.root());
        assertThat(plan.root()).isEqualTo(MerkleTree.leafHash(hash(1)));
    }

    @Test
    void anEmptyWindowIsNoAnchor() {
        assertThatThrownBy(() -> AnchorPlan.of(1, Optional.empty(), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void storedPathsReadBackAsTheyWereWritten() {
        List<RecordHash> path = List.of(hash(1), hash(2), hash(3));

        assertThat(ProofPaths.decode(ProofPaths.encode(path))).isEqualTo(path);
        assertThat(ProofPaths.decode("")).isEmpty();
        assertThatThrownBy(() -> ProofPaths.decode("abc")).isInstanceOf(IllegalArgumentException.class);
    }

    private static List<PendingLeaf> leaves(int count) {
        List<PendingLeaf> leaves = new ArrayList<>();
        for (int index = 1; index <= count; index++) {
            leaves.add(new PendingLeaf(100 + index, 1000 + index, hash(index).hex(), T0.plusMillis(index)));
        }
        return leaves;
    }

    static RecordHash hash(int seed) {
        return RecordHash.sha256(("event " + seed).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
