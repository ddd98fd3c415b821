package org.suyuan.ledger;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the anchoring worker asks the ledger to store: one Merkle root over a window of event hashes.
 *
 * @param root the Merkle root (RFC 9162 hashing) over the window's leaves
 * @param leafCount how many leaves the tree has, at least one
 * @param previousRoot the root anchored just before this one, empty for the very first anchor; it chains
 *     anchors so that none can be dropped silently
 * @param windowStart when the first leaf of the window was written
 * @param windowEnd when the last leaf of the window was written
 */
public record AnchorRequest(
        RecordHash root, long leafCount, Optional<RecordHash> previousRoot, Instant windowStart, Instant windowEnd) {

    public AnchorRequest {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(previousRoot, "previousRoot");
        Objects.requireNonNull(windowStart, "windowStart");
        Objects.requireNonNull(windowEnd, "windowEnd");
        if (leafCount < 1) {
            throw new IllegalArgumentException("An anchor covers at least one leaf, got " + leafCount);
        }
        if (windowEnd.isBefore(windowStart)) {
            throw new IllegalArgumentException("The window ends before it starts: " + windowStart + " > " + windowEnd);
        }
    }
}
