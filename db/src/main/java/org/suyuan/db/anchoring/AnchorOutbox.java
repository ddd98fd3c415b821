package org.suyuan.db.anchoring;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The anchoring outbox in SQL: pending leaves are inserted by the transaction that records their event, read in id
 * order by the worker and assigned to an anchor in bulk.
 *
 * <p>Plain JDBC rather than JPA for two reasons. The insert sits on the hot path of every write and the
 * assignment touches thousands of rows at once, which JPA would load, dirty-check and update one by one. And
 * times are bound as text, as {@code EmbeddedLedger} does, so that MariaDB keeps their microseconds (MySQL
 * Connector/J drops fractions of a second when the server is MariaDB). Statements run in the caller's
 * transaction when there is one (Spring's JPA transaction manager shares its connection).
 */
@Repository
public class AnchorOutbox {

    private static final DateTimeFormatter SQL_DATETIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS");

    private final JdbcTemplate jdbc;

    AnchorOutbox(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A leaf waiting for an anchor. */
    public record PendingLeaf(long id, long eventId, String eventHash, Instant createdAt) {}

    /**
     * Where the worker puts a leaf.
     *
     * @param proofPath the audit path's sibling hashes, 64 hex characters each, concatenated
     */
    public record Assignment(long leafId, long leafIndex, String proofPath) {}

    /** Adds an event's hash to the outbox; call it in the transaction that records the event. */
    public void addPending(long eventId, long batchId, String eventHash, Instant createdAt) {
        jdbc.update(
                "INSERT INTO anchor_leaf (event_id, batch_id, event_hash, created_at) VALUES (?, ?, ?, ?)",
                eventId,
                batchId,
                eventHash,
                sqlText(createdAt));
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
                    statement.setString(4, sqlText(leaf.createdAt()));
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
                        instant(row, "created_at")),
                limit);
    }

    /** When the first pending leaf (in id order) was written, or {@code null} when none is pending. */
    public Instant firstPendingCreatedAt() {
        List<Instant> first = jdbc.query(
                "SELECT created_at FROM anchor_leaf WHERE anchor_id IS NULL ORDER BY id LIMIT 1",
                (row, number) -> instant(row, "created_at"));
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
     * Claims leaves for an anchor: each row is updated only if it is still pending.
     *
     * @return how many leaves were claimed; fewer than given means another worker took some, and the caller must
     *     roll back
     */
    public int assign(long anchorId, List<Assignment> assignments) {
        Objects.requireNonNull(assignments, "assignments");
        int[][] counts = jdbc.batchUpdate(
                "UPDATE anchor_leaf SET anchor_id = ?, leaf_index = ?, proof_path = ? WHERE id = ? AND anchor_id"
                        + " IS NULL",
                assignments,
                1000,
                (PreparedStatement statement, Assignment assignment) -> {
                    statement.setLong(1, anchorId);
                    statement.setLong(2, assignment.leafIndex());
                    statement.setString(3, assignment.proofPath());
                    statement.setLong(4, assignment.leafId());
                });
        int claimed = 0;
        for (int[] chunk : counts) {
            for (int count : chunk) {
                // Drivers that cannot tell report SUCCESS_NO_INFO (-2); MySQL and H2 report row counts.
                claimed += count == PreparedStatement.SUCCESS_NO_INFO ? 1 : count;
            }
        }
        return claimed;
    }

    /** When each leaf of an anchor was written. */
    public List<Instant> createdTimesOf(long anchorId) {
        return jdbc.query(
                "SELECT created_at FROM anchor_leaf WHERE anchor_id = ?",
                (row, number) -> instant(row, "created_at"),
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
        return leaves == 0 ? Backlog.EMPTY : new Backlog(leaves, instant(row, "oldest"));
    }

    static String sqlText(Instant instant) {
        return SQL_DATETIME.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    static Instant instant(ResultSet row, String column) throws SQLException {
        LocalDateTime value = row.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }
}
