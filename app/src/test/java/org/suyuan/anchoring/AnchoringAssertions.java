package org.suyuan.anchoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.awaitility.Awaitility;
import org.springframework.jdbc.core.JdbcTemplate;
import org.suyuan.ledger.AnchorReceipt;
import org.suyuan.ledger.Ledger;
import org.suyuan.ledger.RecordHash;
import org.suyuan.ledger.proof.InclusionProof;
import org.suyuan.ledger.proof.MerkleTree;

/** What "everything is anchored, once, and provably" means, checked against the database and the ledger. */
final class AnchoringAssertions {

    private AnchoringAssertions() {}

    /** Waits until no leaf waits for the ledger any more. */
    static void awaitEverythingAnchored(JdbcTemplate jdbc, Duration timeout) {
        Awaitility.await()
                .atMost(timeout)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> unanchoredLeaves(jdbc) == 0);
    }

    static long unanchoredLeaves(JdbcTemplate jdbc) {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM anchor_leaf l LEFT JOIN anchor a ON a.id = l.anchor_id"
                        + " WHERE a.id IS NULL OR a.state <> 'ANCHORED'",
                Long.class);
    }

    private record AnchorRow(
            long id, long sequenceNumber, String root, long leafCount, String previousRoot, String transactionId) {}

    private record LeafRow(long eventId, String eventHash, long anchorId, long leafIndex) {}

    /**
     * Every event recorded through the API is a leaf of exactly one anchor; the anchors form one chain; the ledger
     * returns every anchor's root with the same leaf count and previous root; leaves take the places 0, 1, 2, … of
     * their anchor; and each leaf's proof, rebuilt from its subtree's leaves and the anchor's stored subtree roots,
     * leads to that root in a tree of the size the ledger records.
     *
     * @return the number of anchors
     */
    static int assertAnchoredOnceWithProofs(JdbcTemplate jdbc, Ledger ledger, List<ArchiveTraffic.Recorded> recorded) {
        List<AnchorRow> anchors = jdbc.query(
                "SELECT id, sequence_number, root, leaf_count, previous_root, transaction_id, state FROM anchor"
                        + " ORDER BY sequence_number",
                (row, number) -> {
                    assertThat(row.getString("state")).isEqualTo("ANCHORED");
                    return new AnchorRow(
                            row.getLong("id"),
                            row.getLong("sequence_number"),
                            row.getString("root"),
                            row.getLong("leaf_count"),
                            row.getString("previous_root"),
                            row.getString("transaction_id"));
                });
        assertThat(anchors).isNotEmpty();
        Map<Long, AnchorReceipt> receipts = new HashMap<>();
        Map<Long, AnchorRow> anchorsById = new HashMap<>();
        String previousRoot = null;
        for (int index = 0; index < anchors.size(); index++) {
            AnchorRow anchor = anchors.get(index);
            assertThat(anchor.sequenceNumber()).isEqualTo(index + 1);
            assertThat(anchor.previousRoot()).isEqualTo(previousRoot);
            previousRoot = anchor.root();
            AnchorReceipt onLedger = ledger.find(new RecordHash(anchor.root())).orElseThrow();
            assertThat(onLedger.request().leafCount()).isEqualTo(anchor.leafCount());
            assertThat(onLedger.request().previousRoot().map(RecordHash::hex).orElse(null))
                    .isEqualTo(anchor.previousRoot());
            assertThat(onLedger.transactionId()).isEqualTo(anchor.transactionId());
            receipts.put(anchor.id(), onLedger);
            anchorsById.put(anchor.id(), anchor);
        }

        List<LeafRow> leaves = jdbc.query(
                "SELECT event_id, event_hash, anchor_id, leaf_index FROM anchor_leaf ORDER BY anchor_id, leaf_index",
                (row, number) -> new LeafRow(
                        row.getLong("event_id"),
                        row.getString("event_hash"),
                        row.getLong("anchor_id"),
                        row.getLong("leaf_index")));
        Map<Long, List<RecordHash>> subtreeRoots = new HashMap<>();
        jdbc.query("SELECT anchor_id, subtree_size, subtree_roots FROM anchor_tree", row -> {
            assertThat(row.getInt("subtree_size")).isEqualTo(AnchorPlan.SUBTREE_SIZE);
            subtreeRoots.put(row.getLong("anchor_id"), ProofPaths.decode(row.getString("subtree_roots")));
        });
        Map<Long, List<RecordHash>> hashesByAnchor = new HashMap<>();
        for (LeafRow leaf : leaves) {
            List<RecordHash> hashes = hashesByAnchor.computeIfAbsent(leaf.anchorId(), id -> new ArrayList<>());
            assertThat(leaf.leafIndex()).as("place of event %d", leaf.eventId()).isEqualTo(hashes.size());
            hashes.add(new RecordHash(leaf.eventHash()));
        }
        Map<Long, List<RecordHash>> snapshots = new HashMap<>();
        jdbc.query("SELECT anchor_id, leaf_hashes FROM anchor_subtree ORDER BY anchor_id, subtree_index", row -> {
            snapshots
                    .computeIfAbsent(row.getLong("anchor_id"), id -> new ArrayList<>())
                    .addAll(ProofPaths.decode(row.getString("leaf_hashes")));
        });
        assertThat(snapshots)
                .as("each anchor's subtrees hold its leaves as anchored")
                .isEqualTo(hashesByAnchor);
        Map<Long, LeafRow> leavesByEvent = new HashMap<>();
        Map<Long, Long> leavesPerAnchor = new HashMap<>();
        for (LeafRow leaf : leaves) {
            assertThat(leavesByEvent.put(leaf.eventId(), leaf)).isNull();
            leavesPerAnchor.merge(leaf.anchorId(), 1L, Long::sum);
            AnchorReceipt onLedger = receipts.get(leaf.anchorId());
            List<RecordHash> hashes = hashesByAnchor.get(leaf.anchorId());
            int size = AnchorPlan.SUBTREE_SIZE;
            int first = (int) leaf.leafIndex() / size * size;
            InclusionProof proof = MerkleTree.proof(
                    leaf.leafIndex(),
                    onLedger.request().leafCount(),
                    size,
                    hashes.subList(first, Math.min(hashes.size(), first + size)),
                    MerkleTree.ofSubtreeRoots(subtreeRoots.get(leaf.anchorId())));
            assertThat(proof.verifies(new RecordHash(leaf.eventHash()), onLedger.root()))
                    .as("proof of event %d", leaf.eventId())
                    .isTrue();
        }
        anchorsById.forEach((id, anchor) -> assertThat(leavesPerAnchor.get(id))
                .as("leaves of anchor %d", id)
                .isEqualTo(anchor.leafCount()));
        for (ArchiveTraffic.Recorded event : recorded) {
            LeafRow leaf = leavesByEvent.get(event.eventId());
            assertThat(leaf).as("leaf of event %d", event.eventId()).isNotNull();
            assertThat(leaf.eventHash()).isEqualTo(event.eventHash());
        }
        return anchors.size();
    }

    /**
     * The anchors the ledger stored from block {@code sinceBlock} on, as read from the ledger itself, hold every
     * anchor the database recorded in those blocks exactly once, with its transaction and block, and nothing else
     * chained onto the database's chain: no window was anchored twice under another root, no anchor forked the chain.
     */
    static void assertLedgerHoldsTheChainOnce(JdbcTemplate jdbc, List<AnchorReceipt> onLedger, long sinceBlock) {
        List<AnchorRow> recorded = jdbc.query(
                "SELECT id, sequence_number, root, leaf_count, previous_root, transaction_id, block_number FROM anchor"
                        + " WHERE state = 'ANCHORED' ORDER BY sequence_number",
                (row, number) -> new AnchorRow(
                        row.getLong("id"),
                        row.getLong("sequence_number"),
                        row.getString("root"),
                        row.getLong("leaf_count"),
                        row.getString("previous_root"),
                        row.getString("transaction_id")));
        Set<String> chain = new HashSet<>();
        recorded.forEach(anchor -> chain.add(anchor.root()));
        Map<String, AnchorReceipt> stored = new HashMap<>();
        for (AnchorReceipt receipt : onLedger) {
            assertThat(stored.put(receipt.root().hex(), receipt))
                    .as("root %s stored twice", receipt.root())
                    .isNull();
            receipt.request()
                    .previousRoot()
                    .filter(previous -> chain.contains(previous.hex()))
                    .ifPresent(previous -> assertThat(chain)
                            .as("ledger anchor %s chained after %s is not in the database", receipt.root(), previous)
                            .contains(receipt.root().hex()));
        }
        List<Long> blocks = jdbc.queryForList("SELECT block_number FROM anchor WHERE state = 'ANCHORED'", Long.class);
        long inRange = blocks.stream().filter(block -> block >= sinceBlock).count();
        assertThat(onLedger.stream()
                        .filter(receipt -> chain.contains(receipt.root().hex())))
                .as("anchors of the database's chain on the ledger since block %d", sinceBlock)
                .hasSize((int) inRange)
                .allSatisfy(receipt -> {
                    AnchorRow row = recorded.stream()
                            .filter(anchor ->
                                    anchor.root().equals(receipt.root().hex()))
                            .findFirst()
                            .orElseThrow();
                    assertThat(receipt.transactionId()).isEqualTo(row.transactionId());
                    assertThat(receipt.request().leafCount()).isEqualTo(row.leafCount());
                });
    }
}
