package org.suyuan.anchoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.suyuan.db.anchoring.AnchorOutbox.Assignment;
import org.suyuan.db.anchoring.AnchorOutbox.PendingLeaf;
import org.suyuan.ledger.RecordHash;
import org.suyuan.ledger.proof.InclusionProof;
import org.suyuan.ledger.proof.MerkleTree;

class AnchorPlanTests {

    private static final Instant T0 = Instant.parse("2026-06-30T08:00:00.250Z");

    @Test
    void everyLeafGetsAProofThatLeadsToTheRoot() {
        List<PendingLeaf> window = leaves(37);

        AnchorPlan plan = AnchorPlan.of(5, Optional.of(hash(999)), window);

        assertThat(plan.leafCount()).isEqualTo(37);
        assertThat(plan.assignments()).hasSize(37);
        for (Assignment assignment : plan.assignments()) {
            PendingLeaf leaf = window.get((int) assignment.leafIndex());
            assertThat(assignment.leafId()).isEqualTo(leaf.id());
            InclusionProof proof = new InclusionProof(
                    assignment.leafIndex(), plan.leafCount(), ProofPaths.decode(assignment.proofPath()));
            assertThat(proof.verifies(new RecordHash(leaf.eventHash()), plan.root()))
                    .isTrue();
        }
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

        assertThat(plan.assignments().get(0).proofPath()).isEmpty();
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
