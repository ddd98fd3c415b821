package org.suyuan.ledger.proof;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.suyuan.ledger.RecordHash;

/**
 * A Merkle tree over a window of event hashes, with RFC 9162 (Certificate Transparency v2) hashing: one
 * anchored root then vouches for every event in the window, and each event keeps a short {@link
 * InclusionProof} that connects it to the root.
 *
 * <p>Definitions (RFC 9162 section 2.1.1), for leaf data d<sub>0</sub> … d<sub>n-1</sub>:
 *
 * <pre>
 * MTH({})     = SHA-256()                                   the empty tree
 * MTH({d(0)}) = SHA-256( 0x00 ‖ d(0) )                      a leaf
 * MTH(D[n])   = SHA-256( 0x01 ‖ MTH(D[0:k]) ‖ MTH(D[k:n]) )  k = the largest power of two smaller than n
 * </pre>
 *
 * <p>The distinct leaf and node prefixes stop a node from being passed off as a leaf (second-preimage
 * attack). In Suyuan the leaf data is the 32 bytes of an event's hash ({@link HashChain}), normally the head
 * of a batch's chain.
 *
 * <p>The tree is built level by level, pairing neighbours and lifting an unpaired last node unchanged; this
 * yields exactly the RFC's recursive split, and lets one build serve the proofs of all leaves without
 * rehashing. Instances are immutable.
 */
public final class MerkleTree {

    private static final byte[] LEAF_PREFIX = {0x00};
    private static final byte[] NODE_PREFIX = {0x01};

    /** levels.get(0) holds the leaf hashes, the last level holds the root alone (none for an empty tree). */
    private final List<List<RecordHash>> levels;

    private MerkleTree(List<RecordHash> leafHashes) {
        List<List<RecordHash>> built = new ArrayList<>();
        List<RecordHash> level = List.copyOf(leafHashes);
        built.add(level);
        while (level.size() > 1) {
            List<RecordHash> parents = new ArrayList<>((level.size() + 1) / 2);
            for (int index = 0; index + 1 < level.size(); index += 2) {
                parents.add(nodeHash(level.get(index), level.get(index + 1)));
            }
            if (level.size() % 2 == 1) {
                parents.add(level.get(level.size() - 1));
            }
            level = List.copyOf(parents);
            built.add(level);
        }
        this.levels = List.copyOf(built);
    }

    /**
     * A tree whose leaves are event hashes, each leaf's data being the hash's 32 bytes.
     *
     * @param eventHashes the leaves in order; the order is part of what the root commits to
     */
    public static MerkleTree of(List<RecordHash> eventHashes) {
        Objects.requireNonNull(eventHashes, "eventHashes");
        List<RecordHash> leafHashes = new ArrayList<>(eventHashes.size());
        for (RecordHash eventHash : eventHashes) {
            leafHashes.add(leafHash(eventHash));
        }
        return new MerkleTree(leafHashes);
    }

    /**
     * A tree over arbitrary leaf data, as other RFC 9162 logs and their test vectors use.
     *
     * @param leafData the leaves' bytes in order
     */
    public static MerkleTree ofLeafData(List<byte[]> leafData) {
        Objects.requireNonNull(leafData, "leafData");
        List<RecordHash> leafHashes = new ArrayList<>(leafData.size());
        for (byte[] data : leafData) {
            leafHashes.add(leafHash(data));
        }
        return new MerkleTree(leafHashes);
    }

    /** The leaf hash of an event hash: SHA-256(0x00 ‖ the event hash's 32 bytes). */
    public static RecordHash leafHash(RecordHash eventHash) {
        return leafHash(eventHash.bytes());
    }

    /** The leaf hash of arbitrary leaf data: SHA-256(0x00 ‖ data). */
    public static RecordHash leafHash(byte[] leafData) {
        return RecordHash.sha256(LEAF_PREFIX, leafData);
    }

    /** The hash of an interior node: SHA-256(0x01 ‖ left ‖ right). */
    public static RecordHash nodeHash(RecordHash left, RecordHash right) {
        return RecordHash.sha256(NODE_PREFIX, left.bytes(), right.bytes());
    }

    /** How many leaves the tree has. */
    public int size() {
        return levels.get(0).size();
    }

    /** The tree head: the hash anchored on the ledger; SHA-256 of nothing for an empty tree. */
    public RecordHash root() {
        List<RecordHash> top = levels.get(levels.size() - 1);
        return top.isEmpty() ? RecordHash.sha256() : top.get(0);
    }

    /** The leaf hash at a position, as the tree holds it. */
    public RecordHash leafHashAt(int index) {
        return levels.get(0).get(index);
    }

    /**
     * The roots of the tree's aligned subtrees of {@code size} leaves, left to right: leaves 0 to size − 1, size to
     * 2 size − 1, and so on, the last one holding what is left. Together with the leaves of one subtree they give
     * the audit path of any leaf in it ({@link #proof(long, long, int, List, MerkleTree)}), so a store need not keep a path per
     * leaf.
     *
     * @param size a power of two
     */
    public List<RecordHash> subtreeRoots(int size) {
        if (size < 1 || Integer.bitCount(size) != 1) {
            throw new IllegalArgumentException("A subtree size is a power of two, got " + size);
        }
        // Level k holds the roots of the aligned subtrees of 2^k leaves (pairs are formed left to right, an unpaired
        // last node is lifted); a tree no larger than a subtree is its own only subtree.
        int level = Integer.numberOfTrailingZeros(size);
        return levels.get(Math.min(level, levels.size() - 1));
    }

    /**
     * The upper part of a tree: a tree whose leaves are the roots of the larger tree's aligned subtrees ({@link
     * #subtreeRoots}), hashed no further. Its root is the larger tree's root; {@link #proof(long, long, int, List,
     * MerkleTree)} takes it, so that one built per tree serves the proofs of all its leaves.
     */
    public static MerkleTree ofSubtreeRoots(List<RecordHash> subtreeRoots) {
        return new MerkleTree(Objects.requireNonNull(subtreeRoots, "subtreeRoots"));
    }

    /**
     * The audit path of a leaf rebuilt from its aligned subtree's leaves and the roots of all the tree's subtrees
     * (as {@link #subtreeRoots} gave them, as a tree): the path inside the subtree, then the subtree root's path among the
     * others. Equal to {@code proof(index)} of the whole tree, which this does not need. Nothing here checks that the
     * pieces hash to the root: a proof built from altered pieces simply fails to verify.
     *
     * @param index the leaf's position in the whole tree
     * @param treeSize how many leaves the whole tree has
     * @param subtreeSize the size the subtrees were cut at, a power of two
     * @param subtreeLeaves the event hashes of the leaf's subtree, in order: leaves {@code index / subtreeSize *
     *     subtreeSize} onwards, {@code subtreeSize} of them or as many as the tree has left
     * @param subtreeRoots the tree over the roots of every subtree of the tree, in order ({@link #ofSubtreeRoots})
     * @throws IllegalArgumentException when the pieces do not fit a tree of that size
     */
    public static InclusionProof proof(
            long index, long treeSize, int subtreeSize, List<RecordHash> subtreeLeaves, MerkleTree subtreeRoots) {
        Objects.requireNonNull(subtreeLeaves, "subtreeLeaves");
        Objects.requireNonNull(subtreeRoots, "subtreeRoots");
        if (subtreeSize < 1 || Integer.bitCount(subtreeSize) != 1) {
            throw new IllegalArgumentException("A subtree size is a power of two, got " + subtreeSize);
        }
        if (index < 0 || index >= treeSize) {
            throw new IllegalArgumentException("No leaf " + index + " in a tree of " + treeSize);
        }
        long subtree = index / subtreeSize;
        long subtrees = (treeSize + subtreeSize - 1) / subtreeSize;
        long leavesInSubtree = Math.min(subtreeSize, treeSize - subtree * subtreeSize);
        if (subtreeRoots.size() != subtrees || subtreeLeaves.size() != leavesInSubtree) {
            throw new IllegalArgumentException("A tree of " + treeSize + " leaves has " + subtrees
                    + " subtrees of " + subtreeSize + " (got " + subtreeRoots.size() + ") and " + leavesInSubtree
                    + " leaves in subtree " + subtree + " (got " + subtreeLeaves.size() + ")");
        }
        List<RecordHash> path = new ArrayList<>(
                MerkleTree.of(subtreeLeaves).proof((int) (index % subtreeSize)).path());
        path.addAll(subtreeRoots.proof((int) subtree).path());
        return new InclusionProof(index, treeSize, path);
    }

    /**
     * The audit path of one leaf (RFC 9162 section 2.1.3.1): the sibling hashes from the leaf up to the root.
     *
     * @throws IndexOutOfBoundsException if the tree has no leaf at that position
     */
    public InclusionProof proof(int index) {
        Objects.checkIndex(index, size());
        List<RecordHash> path = new ArrayList<>();
        int position = index;
        for (List<RecordHash> level : levels.subList(0, levels.size() - 1)) {
            int sibling = position ^ 1;
            if (sibling < level.size()) {
                path.add(level.get(sibling));
            }
            position >>>= 1;
        }
        return new InclusionProof(index, size(), path);
    }
}
