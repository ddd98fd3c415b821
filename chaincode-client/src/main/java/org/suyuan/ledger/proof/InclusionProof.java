package org.suyuan.ledger.proof;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.suyuan.ledger.RecordHash;

/**
 * Evidence that one leaf is in a Merkle tree with a given root, checkable by anyone who holds the leaf and the
 * root, without the rest of the tree (RFC 9162 section 2.1.3).
 *
 * <p>A proof is often read from an untrusted proof bundle, so the constructor accepts any index and size and
 * {@link #verifies} decides. Both numbers are unsigned 64-bit integers, as in RFC 9162: a {@code long} that
 * is negative stands for a value of 2<sup>63</sup> or more and is compared as such, so that a forged index
 * such as 2<sup>64</sup>−1 fails instead of wrapping into range.
 *
 * @param leafIndex the leaf's position, from zero, unsigned
 * @param treeSize how many leaves the tree has, unsigned
 * @param path the sibling hashes from the leaf up to the root
 */
public record InclusionProof(long leafIndex, long treeSize, List<RecordHash> path) {

    public InclusionProof {
        Objects.requireNonNull(path, "path");
        path = List.copyOf(path);
    }

    /**
     * Whether this proof shows that an event hash is a leaf of the tree with this root.
     *
     * @param leafData the event hash that is the leaf's data (hashed here with the 0x00 leaf prefix)
     * @param root the tree head, normally as read back from the ledger
     */
    public boolean verifies(RecordHash leafData, RecordHash root) {
        return verifiesLeafHash(MerkleTree.leafHash(leafData), root);
    }

    /** Whether this proof leads from a leaf hash (already 0x00-prefixed and hashed) to the root. */
    public boolean verifiesLeafHash(RecordHash leafHash, RecordHash root) {
        Objects.requireNonNull(root, "root");
        return rootFromLeafHash(leafHash).map(root::equals).orElse(false);
    }

    /**
     * The root this proof leads to from a leaf hash: RFC 9162 section 2.1.3.2, steps 1 to 4, and the check of
     * step 5 that the path had exactly the right length.
     *
     * @return the computed root, or empty when the proof cannot belong to a tree of this size (index out of
     *     range, path too long or too short)
     */
    public Optional<RecordHash> rootFromLeafHash(RecordHash leafHash) {
        Objects.requireNonNull(leafHash, "leafHash");
        if (Long.compareUnsigned(leafIndex, treeSize) >= 0) {
            return Optional.empty();
        }
        long position = leafIndex;
        long lastPosition = treeSize - 1;
        RecordHash hash = leafHash;
        for (RecordHash sibling : path) {
            if (lastPosition == 0) {
                return Optional.empty();
            }
            if ((position & 1) == 1 || position == lastPosition) {
                hash = MerkleTree.nodeHash(sibling, hash);
                // A right-most node without a sibling is lifted unchanged; skip the levels it rises through.
                while ((position & 1) == 0 && position != 0) {
                    position >>>= 1;
                    lastPosition >>>= 1;
                }
            } else {
                hash = MerkleTree.nodeHash(hash, sibling);
            }
            position >>>= 1;
            lastPosition >>>= 1;
        }
        return lastPosition == 0 ? Optional.of(hash) : Optional.empty();
    }
}
