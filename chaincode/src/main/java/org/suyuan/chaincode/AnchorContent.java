package org.suyuan.chaincode;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a client asks to anchor: a Merkle root and the facts about it. Two anchors of the same root are the same
 * anchor exactly when their contents are equal, whoever submitted them and whenever.
 */
final class AnchorContent {

    private static final Pattern SHA_256_HEX = Pattern.compile("[0-9a-f]{64}");

    private final String root;
    private final long leafCount;
    private final String previousRoot;
    private final Instant windowStart;
    private final Instant windowEnd;

    AnchorContent(String root, long leafCount, String previousRoot, Instant windowStart, Instant windowEnd) {
        this.root = root;
        this.leafCount = leafCount;
        this.previousRoot = previousRoot;
        this.windowStart = windowStart;
        this.windowEnd = windowEnd;
    }

    /**
     * Validates the transaction arguments. Instants are normalised (as {@link Instant#toString()} writes them) so
     * that a replay spelling the same instant differently is still the same anchor.
     *
     * @param previousRoot empty for the first anchor of a chain
     */
    static AnchorContent fromArguments(
            String root, long leafCount, String previousRoot, String windowStart, String windowEnd) {
        requireRoot(root);
        if (leafCount < 1) {
            throw AnchorError.INVALID_ANCHOR.exception("leafCount must be at least 1, got " + leafCount);
        }
        String previous = previousRoot == null || previousRoot.isEmpty() ? null : previousRoot;
        if (previous != null && !SHA_256_HEX.matcher(previous).matches()) {
            throw AnchorError.INVALID_ANCHOR.exception(
                    "previousRoot must be empty or 64 lower-case hex characters, got " + previousRoot);
        }
        if (root.equals(previous)) {
            throw AnchorError.INVALID_ANCHOR.exception("previousRoot must differ from root " + root);
        }
        Instant start = instant("windowStart", windowStart);
        Instant end = instant("windowEnd", windowEnd);
        if (end.isBefore(start)) {
            throw AnchorError.INVALID_ANCHOR.exception(
                    "windowEnd " + windowEnd + " is before windowStart " + windowStart);
        }
        return new AnchorContent(root, leafCount, previous, start, end);
    }

    /** Refuses anything but 64 lower-case hex characters, the one spelling of a root on the ledger. */
    static String requireRoot(String root) {
        if (root == null || !SHA_256_HEX.matcher(root).matches()) {
            throw AnchorError.INVALID_ANCHOR.exception("root must be 64 lower-case hex characters, got " + root);
        }
        return root;
    }

    private static Instant instant(String name, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException | NullPointerException e) {
            throw AnchorError.INVALID_ANCHOR.exception(
                    name + " must be an ISO-8601 instant such as 2024-05-01T08:00:00Z, got " + value);
        }
    }

    String root() {
        return root;
    }

    long leafCount() {
        return leafCount;
    }

    /** {@code null} for the first anchor of a chain. */
    String previousRoot() {
        return previousRoot;
    }

    Instant windowStart() {
        return windowStart;
    }

    Instant windowEnd() {
        return windowEnd;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof AnchorContent)) {
            return false;
        }
        AnchorContent that = (AnchorContent) other;
        return leafCount == that.leafCount
                && root.equals(that.root)
                && Objects.equals(previousRoot, that.previousRoot)
                && windowStart.equals(that.windowStart)
                && windowEnd.equals(that.windowEnd);
    }

    @Override
    public int hashCode() {
        return Objects.hash(root, leafCount, previousRoot, windowStart, windowEnd);
    }

    @Override
    public String toString() {
        return "AnchorContent[root=" + root + ", leafCount=" + leafCount + ", previousRoot=" + previousRoot
                + ", windowStart=" + windowStart + ", windowEnd=" + windowEnd + "]";
    }
}
