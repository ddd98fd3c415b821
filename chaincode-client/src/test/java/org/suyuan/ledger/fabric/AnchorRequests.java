package org.suyuan.ledger.fabric;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.suyuan.ledger.AnchorRequest;
import org.suyuan.ledger.RecordHash;

/** Anchor requests for tests, each root derived from a readable seed. */
final class AnchorRequests {

    static final Instant WINDOW_START = Instant.parse("2024-05-01T08:00:00Z");
    static final Instant WINDOW_END = Instant.parse("2024-05-01T08:00:05.123Z");

    private AnchorRequests() {}

    static RecordHash rootOf(String seed) {
        return RecordHash.sha256(seed.getBytes(StandardCharsets.UTF_8));
    }

    /** The first anchor of a chain, over three leaves. */
    static AnchorRequest firstAnchor(String seed) {
        return new AnchorRequest(rootOf(seed), 3, Optional.empty(), WINDOW_START, WINDOW_END);
    }

    /** An anchor chained to the one of {@code previousSeed}. */
    static AnchorRequest chainedAnchor(String seed, String previousSeed) {
        return new AnchorRequest(rootOf(seed), 1000, Optional.of(rootOf(previousSeed)), WINDOW_START, WINDOW_END);
    }

    /** The same root as {@link #firstAnchor(String)} with different content. */
    static AnchorRequest conflictingAnchor(String seed) {
        return new AnchorRequest(rootOf(seed), 4, Optional.empty(), WINDOW_START, WINDOW_END);
    }
}
