package org.suyuan.ledger.proof;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.suyuan.ledger.RecordHash;

/** Bundles built the way the service builds them: chained events, one anchored in a tree with other leaves. */
public final class BundleFixtures {

    private BundleFixtures() {}

    /** A batch of {@code count} events whose event {@code anchoredUpTo} (1-based, 0 for none) is anchored. */
    public static ProofBundle bundle(int count, int anchoredUpTo) {
        List<ProofBundle.Event> events = new ArrayList<>();
        RecordHash previous = new RecordHash("0".repeat(64));
        for (int i = 1; i <= count; i++) {
            String canonical = CanonicalJson.canonicalize(
                    "{\"batch\":7,\"sequence\":" + i + ",\"type\":\"IRRIGATION\",\"details\":{\"method\":\"滴灌\"}}");
            RecordHash hash = HashChain.link(previous, canonical);
            events.add(new ProofBundle.Event(canonical, previous, hash));
            previous = hash;
        }
        if (anchoredUpTo == 0) {
            return new ProofBundle("QYJ-2026-001", events, null);
        }
        List<RecordHash> leaves = new ArrayList<>();
        leaves.add(RecordHash.sha256("another batch".getBytes()));
        leaves.add(events.get(anchoredUpTo - 1).eventHash());
        leaves.add(RecordHash.sha256("a third batch".getBytes()));
        MerkleTree tree = MerkleTree.of(leaves);
        ProofBundle.Anchor anchor = new ProofBundle.Anchor(
                anchoredUpTo - 1,
                tree.proof(1),
                tree.root(),
                new ProofBundle.LedgerReference(
                        "fabric", "f00d", 12, Instant.parse("2026-11-26T08:00:00Z"), leaves.size()));
        return new ProofBundle("QYJ-2026-001", events, anchor);
    }
}
