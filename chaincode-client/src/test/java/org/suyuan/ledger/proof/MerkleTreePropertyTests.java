package org.suyuan.ledger.proof;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.suyuan.ledger.RecordHash;

class MerkleTreePropertyTests {

    @Property(tries = 40)
    void everyLeafOfARandomTreeVerifies(@ForAll @IntRange(min = 1, max = 1000) int size, @ForAll long seed) {
        List<RecordHash> leaves = randomEventHashes(size, seed);
        MerkleTree tree = MerkleTree.of(leaves);

        for (int index = 0; index < size; index++) {
            InclusionProof proof = tree.proof(index);
            assertThat(proof.leafIndex()).isEqualTo(index);
            assertThat(proof.treeSize()).isEqualTo(size);
            assertThat(proof.verifies(leaves.get(index), tree.root())).isTrue();
        }
    }

    @Property(tries = 300)
    void changingAnyByteOfLeafRootOrPathFailsVerification(
            @ForAll @IntRange(min = 1, max = 1000) int size,
            @ForAll long seed,
            @ForAll @IntRange(min = 0, max = 999) int leafChoice,
            @ForAll @IntRange(min = 0, max = 1000) int partChoice,
            @ForAll @IntRange(min = 0, max = 31) int bytePosition,
            @ForAll @IntRange(min = 1, max = 255) int flipMask) {
        List<RecordHash> leaves = randomEventHashes(size, seed);
        MerkleTree tree = MerkleTree.of(leaves);
        int index = leafChoice % size;
        InclusionProof proof = tree.proof(index);
        RecordHash leaf = leaves.get(index);
        RecordHash root = tree.root();
        // parts: 0 = the leaf, 1 = the root, 2.. = the path elements
        int part = partChoice % (2 + proof.path().size());

        if (part == 0) {
            assertThat(proof.verifies(flip(leaf, bytePosition, flipMask), root)).isFalse();
        } else if (part == 1) {
            assertThat(proof.verifies(leaf, flip(root, bytePosition, flipMask))).isFalse();
        } else {
            List<RecordHash> path = new ArrayList<>(proof.path());
            path.set(part - 2, flip(path.get(part - 2), bytePosition, flipMask));
            InclusionProof tampered = new InclusionProof(proof.leafIndex(), proof.treeSize(), path);
            assertThat(tampered.verifies(leaf, root)).isFalse();
        }
        assertThat(proof.verifies(leaf, root)).isTrue();
    }

    @Property(tries = 300)
    void proofForAnotherIndexFails(
            @ForAll @IntRange(min = 2, max = 1000) int size,
            @ForAll long seed,
            @ForAll @IntRange(min = 0, max = 999) int firstChoice,
            @ForAll @IntRange(min = 0, max = 999) int secondChoice) {
        int index = firstChoice % size;
        int other = secondChoice % size;
        Assume.that(index != other);
        List<RecordHash> leaves = randomEventHashes(size, seed);
        MerkleTree tree = MerkleTree.of(leaves);
        InclusionProof proof = tree.proof(index);

        assertThat(proof.verifies(leaves.get(other), tree.root()))
                .as("proof of %d used for the leaf at %d", index, other)
                .isFalse();
        assertThat(new InclusionProof(other, size, proof.path()).verifies(leaves.get(index), tree.root()))
                .as("proof of %d relabelled as %d", index, other)
                .isFalse();
    }

    private static List<RecordHash> randomEventHashes(int size, long seed) {
        Random random = new Random(seed);
        List<RecordHash> hashes = new ArrayList<>(size);
        byte[] bytes = new byte[32];
        for (int index = 0; index < size; index++) {
            random.nextBytes(bytes);
            hashes.add(RecordHash.of(bytes));
        }
        return hashes;
    }

    private static RecordHash flip(RecordHash hash, int bytePosition, int mask) {
        byte[] bytes = hash.bytes();
        bytes[bytePosition] ^= (byte) mask;
        return RecordHash.of(bytes);
    }
}
