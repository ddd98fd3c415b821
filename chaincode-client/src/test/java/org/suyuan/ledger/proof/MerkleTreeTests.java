package org.suyuan.ledger.proof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.suyuan.ledger.RecordHash;

class MerkleTreeTests {

    private static final HexFormat HEX = HexFormat.of();

    /** transparency-dev/merkle testonly/constants.go LeafInputs() */
    private static final List<byte[]> LEAF_INPUTS = List.of(
            hex(""),
            hex("00"),
            hex("10"),
            hex("2021"),
            hex("3031"),
            hex("40414243"),
            hex("5051525354555657"),
            hex("606162636465666768696a6b6c6d6e6f"));

    /** transparency-dev/merkle testonly/constants.go RootHashes(), indexed by tree size */
    private static final List<String> ROOT_HASHES = List.of(
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    /** transparency-dev/merkle testonly/constants.go NodeHashes()[0], the leaf hashes */
    private static final List<String> LEAF_HASHES = List.of(
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
            "0298d122906dcfc10892cb53a73992fc5b9f493ea4c9badb27b791b4127a7fe7",
            "07506a85fd9dd2f120eb694f86011e5bb4662e5c415a62917033d4a9624487e7",
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
            "4271a26be0d8a84f0bd54c8c302e7cb3a3b5d1fa6780a40bcce2873477dab658",
            "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
            "46f6ffadd3d06a09ff3c5860d2755c8b9819db7df44251788c7d8e3180de8eb1");

    @Test
    void rootsMatchTheCertificateTransparencyVectorsForEveryTreeSize() {
        for (int size = 0; size <= LEAF_INPUTS.size(); size++) {
            MerkleTree tree = MerkleTree.ofLeafData(LEAF_INPUTS.subList(0, size));

            assertThat(tree.size()).isEqualTo(size);
            assertThat(tree.root()).as("root of size %d", size).isEqualTo(new RecordHash(ROOT_HASHES.get(size)));
        }
    }

    @Test
    void leafHashesUseTheZeroPrefix() {
        MerkleTree tree = MerkleTree.ofLeafData(LEAF_INPUTS);

        for (int index = 0; index < LEAF_INPUTS.size(); index++) {
            assertThat(tree.leafHashAt(index)).isEqualTo(new RecordHash(LEAF_HASHES.get(index)));
        }
    }

    @Test
    void interiorNodesUseTheOnePrefix() {
        RecordHash left = new RecordHash(LEAF_HASHES.get(0));
        RecordHash right = new RecordHash(LEAF_HASHES.get(1));

        assertThat(MerkleTree.nodeHash(left, right)).isEqualTo(new RecordHash(ROOT_HASHES.get(2)));
    }

    @Test
    void everyProofOfTheVectorTreesVerifies() {
        for (int size = 1; size <= LEAF_INPUTS.size(); size++) {
            MerkleTree tree = MerkleTree.ofLeafData(LEAF_INPUTS.subList(0, size));
            for (int index = 0; index < size; index++) {
                InclusionProof proof = tree.proof(index);

                assertThat(proof.verifiesLeafHash(new RecordHash(LEAF_HASHES.get(index)), tree.root()))
                        .as("leaf %d of %d", index, size)
                        .isTrue();
            }
        }
    }

    @Test
    void eventHashesAreLeafDataOfThirtyTwoBytes() {
        RecordHash eventHash = RecordHash.sha256("event".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        MerkleTree tree = MerkleTree.of(List.of(eventHash));

        assertThat(tree.root()).isEqualTo(RecordHash.sha256(new byte[] {0}, eventHash.bytes()));
        assertThat(tree.proof(0).path()).isEmpty();
        assertThat(tree.proof(0).verifies(eventHash, tree.root())).isTrue();
    }

    @Test
    void buildsTheSameTreeAsTheRecursiveDefinitionOfRfc9162() {
        Random random = new Random(9162);
        for (int size = 1; size <= 70; size++) {
            List<byte[]> leaves = new ArrayList<>();
            for (int index = 0; index < size; index++) {
                byte[] leaf = new byte[random.nextInt(40)];
                random.nextBytes(leaf);
                leaves.add(leaf);
            }
            MerkleTree tree = MerkleTree.ofLeafData(leaves);

            assertThat(tree.root()).as("root of size %d", size).isEqualTo(referenceRoot(leaves));
            for (int index = 0; index < size; index++) {
                assertThat(tree.proof(index).path())
                        .as("path of leaf %d of %d", index, size)
                        .isEqualTo(referencePath(index, leaves));
            }
        }
    }

    @Test
    void proofOfAMissingLeafIsRefused() {
        MerkleTree tree = MerkleTree.ofLeafData(LEAF_INPUTS.subList(0, 3));

        assertThatThrownBy(() -> tree.proof(3)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> tree.proof(-1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> MerkleTree.of(List.of()).proof(0)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void aProofRebuiltFromOneSubtreeAndTheSubtreeRootsIsTheWholeTreesProof() {
        Random random = new Random(13);
        for (int size : new int[] {1, 2, 3, 63, 64, 65, 127, 128, 129, 200, 1000}) {
            List<RecordHash> hashes = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                byte[] bytes = new byte[32];
                random.nextBytes(bytes);
                hashes.add(new RecordHash(HEX.formatHex(bytes)));
            }
            MerkleTree tree = MerkleTree.of(hashes);
            for (int subtreeSize : new int[] {1, 2, 64, 2048}) {
                List<RecordHash> roots = tree.subtreeRoots(subtreeSize);
                assertThat(roots).hasSize((size + subtreeSize - 1) / subtreeSize);
                for (int index = 0; index < size; index++) {
                    int first = index / subtreeSize * subtreeSize;
                    List<RecordHash> subtree = hashes.subList(first, Math.min(size, first + subtreeSize));

                    InclusionProof rebuilt =
                            MerkleTree.proof(index, size, subtreeSize, subtree, MerkleTree.ofSubtreeRoots(roots));

                    assertThat(rebuilt)
                            .as("leaf %d of %d, subtrees of %d", index, size, subtreeSize)
                            .isEqualTo(tree.proof(index));
                }
            }
        }
    }

    @Test
    void aSubtreeWithALeafMissingIsRefusedAndAnAlteredOneDoesNotVerify() {
        List<RecordHash> hashes = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            hashes.add(RecordHash.sha256(new byte[] {(byte) i}));
        }
        MerkleTree tree = MerkleTree.of(hashes);
        List<RecordHash> roots = tree.subtreeRoots(64);

        assertThatThrownBy(
                        () -> MerkleTree.proof(70, 100, 64, hashes.subList(65, 100), MerkleTree.ofSubtreeRoots(roots)))
                .isInstanceOf(IllegalArgumentException.class);
        List<RecordHash> altered = new ArrayList<>(hashes.subList(64, 100));
        altered.set(1, RecordHash.sha256(new byte[] {1, 2, 3}));
        InclusionProof proof = MerkleTree.proof(70, 100, 64, altered, MerkleTree.ofSubtreeRoots(roots));
        assertThat(proof.verifies(hashes.get(70), tree.root())).isFalse();
        assertThatThrownBy(() -> tree.subtreeRoots(48)).isInstanceOf(IllegalArgumentException.class);
    }

    /** MTH(D[n]) of RFC 9162 section 2.1.1, written as the recursion the RFC states. */
    private static RecordHash referenceRoot(List<byte[]> leaves) {
        if (leaves.size() == 1) {
            return MerkleTree.leafHash(leaves.get(0));
        }
        int split = largestPowerOfTwoBelow(leaves.size());
        return MerkleTree.nodeHash(
                referenceRoot(leaves.subList(0, split)), referenceRoot(leaves.subList(split, leaves.size())));
    }

    /** PATH(m, D[n]) of RFC 9162 section 2.1.3.1. */
    private static List<RecordHash> referencePath(int index, List<byte[]> leaves) {
        List<RecordHash> path = new ArrayList<>();
        if (leaves.size() == 1) {
            return path;
        }
        int split = largestPowerOfTwoBelow(leaves.size());
        if (index < split) {
            path.addAll(referencePath(index, leaves.subList(0, split)));
            path.add(referenceRoot(leaves.subList(split, leaves.size())));
        } else {
            path.addAll(referencePath(index - split, leaves.subList(split, leaves.size())));
            path.add(referenceRoot(leaves.subList(0, split)));
        }
        return path;
    }

    private static int largestPowerOfTwoBelow(int n) {
        return Integer.highestOneBit(n - 1);
    }

    private static byte[] hex(String hex) {
        return HEX.parseHex(hex);
    }
}
