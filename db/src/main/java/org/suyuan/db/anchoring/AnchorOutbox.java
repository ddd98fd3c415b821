package org.suyuan.db.anchoring;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.suyuan.db.SqlTimes;

/**
 * The anchoring outbox in SQL: pending leaves are inserted by the transaction that records their event, read in id
 * order by the worker and claimed for an anchor a run of consecutive ids at a time.
 *
 * <p>Plain JDBC rather than JPA for two reasons. The insert sits on the hot path of every write and the
 * claim touches thousands of rows at once, which JPA would load, dirty-check and update one by one. And
 * times are bound as text, as {@code EmbeddedLedger} does, so that MariaDB keeps their microseconds (MySQL
 * Connector/J drops fractions of a second when the server is MariaDB). Statements run in the caller's
 * transaction when there is one (Spring's JPA transaction manager shares its connection).
 */
@Repository
public class AnchorOutbox {

    private final JdbcTemplate jdbc;

    AnchorOutbox(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A leaf waiting for an anchor. */
    public record PendingLeaf(long id, long eventId, String eventHash, Instant createdAt) {}

    /**
     * Leaves with consecutive ids that take consecutive places in an anchor's tree: leaf {@code firstLeafId + k} is
     * leaf {@code firstLeafIndex + k}.
     */
    public record Run(long firstLeafId, long lastLeafId, long firstLeafIndex) {

        public Run {
            if (lastLeafId < firstLeafId || firstLeafIndex < 0) {
                throw new IllegalArgumentException(
                        "Not a run of leaves: " + firstLeafId + ".." + lastLeafId + " from " + firstLeafIndex);
            }
        }
    }

    /** Adds an event's hash to the outbox; call it in the transaction that records the event. */
    public void addPending(long eventId, long batchId, String eventHash, Instant createdAt) {
        jdbc.update(
                "INSERT INTO anchor_leaf (event_id, batch_id, event_hash, created_at) VALUES (?, ?, ?, ?)",
                eventId,
                batchId,
                eventHash,
                SqlTimes.text(createdAt));
    }

    /** A leaf to add: a recorded event's hash, and when it was written. */
    public record NewLeaf(long eventId, long batchId, String eventHash, Instant createdAt) {}

    /**
     * Adds many events' hashes in one JDBC batch (multi-row inserts on MySQL with {@code rewriteBatchedStatements}), in
     * the order given; call it in the transaction that records the events.
     */
    public void addPendingAll(List<NewLeaf> leaves) {
        jdbc.batchUpdate(
                "INSERT INTO anchor_leaf (event_id, batch_id, event_hash, created_at) VALUES (?, ?, ?, ?)",
                leaves,
                leaves.size(),
                (PreparedStatement statement, NewLeaf leaf) -> {
                    statement.setLong(1, leaf.eventId());
                    statement.setLong(2, leaf.batchId());
                    statement.setString(3, leaf.eventHash());
                    statement.setString(4, SqlTimes.text(leaf.createdAt()));
                });
    }

    /** The oldest pending leaves in id order (the order they are anchored in), at most {@code limit}. */
    public List<PendingLeaf> findPending(int limit) {
        return jdbc.query(
                "SELECT id, event_id, event_hash, created_at FROM anchor_leaf WHERE anchor_id IS NULL ORDER BY id"
                        + " LIMIT ?",
                (row, number) -> new PendingLeaf(
                        row.getLong("id"),
                        row.getLong("event_id"),
                        row.getString("event_hash"),
                        SqlTimes.instant(row, "created_at")),
                limit);
    }

    /** When the first pending leaf (in id order) was written, or {@code null} when none is pending. */
    public Instant firstPendingCreatedAt() {
        List<Instant> first = jdbc.query(
                "SELECT created_at FROM anchor_leaf WHERE anchor_id IS NULL ORDER BY id LIMIT 1",
                (row, number) -> SqlTimes.instant(row, "created_at"));
        return first.isEmpty() ? null : first.get(0);
    }

    /** Whether at least {@code count} leaves are pending, without counting them all. */
    public boolean hasPendingAtLeast(int count) {
        return !jdbc.queryForList(
                        "SELECT id FROM anchor_leaf WHERE anchor_id IS NULL ORDER BY id LIMIT 1 OFFSET ?",
                        Long.class,
                        count - 1)
                .isEmpty();
    }

    /**
     * Claims leaves for an anchor, one statement per run: every leaf of a run gets the anchor and its place, if it is
     * still pending. Every id of a run must be a leaf the caller read as pending, so that a run never reaches a leaf
     * written (or still being written) after the window was read.
     *
     * @return how many leaves were claimed; fewer than the runs hold means another worker took some, and the caller
     *     must roll back
     */
    public long claim(long anchorId, List<Run> runs) {
        Objects.requireNonNull(runs, "runs");
        int[][] counts = jdbc.batchUpdate(
                "UPDATE anchor_leaf SET anchor_id = ?, leaf_index = id - ? WHERE anchor_id IS NULL AND id BETWEEN ?"
                        + " AND ?",
                runs,
                1000,
                (PreparedStatement statement, Run run) -> {
                    statement.setLong(1, anchorId);
                    statement.setLong(2, run.firstLeafId() - run.firstLeafIndex());
                    statement.setLong(3, run.firstLeafId());
                    statement.setLong(4, run.lastLeafId());
                });
        long claimed = 0;
        for (int[] chunk : counts) {
            for (int count : chunk) {
                if (count == PreparedStatement.SUCCESS_NO_INFO) {
                    // The driver could not tell how many rows a statement changed: count what the anchor holds.
                    return jdbc.queryForObject(
                            "SELECT COUNT(*) FROM anchor_leaf WHERE anchor_id = ?", Long.class, anchorId);
                }
                claimed += count;
            }
        }
        return claimed;
    }

    /**
     * Stores an anchor's tree, cut into aligned subtrees: their roots, and each subtree's leaf hashes as anchored, from
     * which a leaf's inclusion proof is rebuilt. Call it in the transaction that prepares the anchor.
     *
     * @param subtreeRoots the roots' hex, 64 characters each, concatenated, left to right
     * @param subtreeLeaves each subtree's leaf hashes in the same form, subtree by subtree
     */
    public void addTree(long anchorId, int subtreeSize, String subtreeRoots, List<String> subtreeLeaves) {
        jdbc.update(
                "INSERT INTO anchor_tree (anchor_id, subtree_size, subtree_roots) VALUES (?, ?, ?)",
                anchorId,
                subtreeSize,
                subtreeRoots);
        List<Object[]> rows = new ArrayList<>(subtreeLeaves.size());
        for (int index = 0; index < subtreeLeaves.size(); index++) {
            rows.add(new Object[] {anchorId, index, subtreeLeaves.get(index)});
        }
        jdbc.batchUpdate("INSERT INTO anchor_subtree (anchor_id, subtree_index, leaf_hashes) VALUES (?, ?, ?)", rows);
    }

    /** An anchor's subtree roots as {@link #addTree} stored them. */
    public record Tree(int subtreeSize, String subtreeRoots) {}

    /** The subtree roots of the anchor of this root; empty for anchors that stored a proof per leaf. */
    public Optional<Tree> treeOf(String root) {
        return jdbc
                .query(
                        "SELECT t.subtree_size, t.subtree_roots FROM anchor_tree t JOIN anchor a ON a.id = t.anchor_id"
                                + " WHERE a.root = ?",
                        (row, number) -> new Tree(row.getInt("subtree_size"), row.getString("subtree_roots")),
                        root)
                .stream()
                .findFirst();
    }

    /** The leaf hashes of one subtree of the anchor of this root, as {@link #addTree} stored them. */
    public Optional<String> subtreeLeaves(String root, int subtreeIndex) {
        return jdbc
                .queryForList(
                        "SELECT s.leaf_hashes FROM anchor_subtree s JOIN anchor a ON a.id = s.anchor_id WHERE a.root = ?"
                                + " AND s.subtree_index = ?",
                        String.class,
                        root,
                        subtreeIndex)
                .stream()
                .findFirst();
    }

    /** Every subtree's leaf hashes of an anchor, in order, as {@link #addTree} stored them (none before issue 13). */
    public List<String> subtreeLeavesOf(long anchorId) {
        return jdbc.queryForList(
                "SELECT leaf_hashes FROM anchor_subtree WHERE anchor_id = ? ORDER BY subtree_index",
                String.class,
                anchorId);
    }

    /** When each leaf of an anchor was written. */
    public List<Instant> createdTimesOf(long anchorId) {
        return jdbc.query(
                "SELECT created_at FROM anchor_leaf WHERE anchor_id = ?",
                (row, number) -> SqlTimes.instant(row, "created_at"),
                anchorId);
    }

    /** Leaves not anchored yet: pending ones and those in anchors still on their way to the ledger. */
    public Backlog backlog() {
        Backlog pending = jdbc.queryForObject(
                "SELECT COUNT(*) AS leaves, MIN(created_at) AS oldest FROM anchor_leaf WHERE anchor_id IS NULL",
                (row, number) -> backlogOf(row));
        Backlog submitting = jdbc.queryForObject(
                "SELECT COUNT(*) AS leaves, MIN(l.created_at) AS oldest FROM anchor_leaf l JOIN anchor a ON a.id ="
                        + " l.anchor_id WHERE a.state <> 'ANCHORED'",
                (row, number) -> backlogOf(row));
        return pending.plus(submitting);
    }

    private static Backlog backlogOf(ResultSet row) throws SQLException {
        long leaves = row.getLong("leaves");
        return leaves == 0 ? Backlog.EMPTY : new Backlog(leaves, SqlTimes.instant(row, "oldest"));
    }
}
