package org.suyuan.ledger.embedded;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.suyuan.ledger.AnchorRequest;
import org.suyuan.ledger.RecordHash;

/** Anchor requests for tests, each with its own root. */
final class AnchorFixtures {

    static final Instant WINDOW_START = Instant.parse("2026-03-01T07:59:55Z");
    static final Instant WINDOW_END = Instant.parse("2026-03-01T07:59:59.250Z");

    private AnchorFixtures() {}

    /** A distinct, reproducible root per name. */
    static RecordHash root(String name) {
        return RecordHash.sha256(name.getBytes(StandardCharsets.UTF_8));
    }

    static AnchorRequest firstAnchor(String rootName) {
        return new AnchorRequest(root(rootName), 3, Optional.empty(), WINDOW_START, WINDOW_END);
    }

    static AnchorRequest anchorAfter(String rootName, String previousRootName) {
        return new AnchorRequest(root(rootName), 1_000, Optional.of(root(previousRootName)), WINDOW_START, WINDOW_END);
    }
}
