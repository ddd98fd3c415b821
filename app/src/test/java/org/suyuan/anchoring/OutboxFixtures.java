package org.suyuan.anchoring;

import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.suyuan.db.anchoring.AnchorOutbox;
import org.suyuan.ledger.RecordHash;

/**
 * Events and their pending leaves written straight into the database, for tests of the worker that do not need the
 * archive's rules or the API.
 */
final class OutboxFixtures {

    private OutboxFixtures() {}

    /** Empties the anchoring tables and the archive, and frees the lease. */
    static void clear(JdbcTemplate jdbc) {
        jdbc.update("DELETE FROM anchor_leaf");
        jdbc.update("DELETE FROM anchor_subtree");
        jdbc.update("DELETE FROM anchor_tree");
        jdbc.update("DELETE FROM anchor");
        jdbc.update("DELETE FROM ledger_anchor");
        jdbc.update("UPDATE anchoring_lease SET holder = NULL, expires_at = '1970-01-01 00:00:00'");
    }

    /** A batch with its organization, plot and product; returns the batch id. */
    static long newBatch(JdbcTemplate jdbc) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        long organization = insert(
                jdbc,
                "INSERT INTO organization (name, type, region_code, address, contact_name, contact_phone, created_at,"
                        + " version) VALUES (?, 'COOPERATIVE', '340210', '湾沚镇', '张三', '13900000000',"
                        + " '2026-01-01 00:00:00', 0)",
                "合作社" + suffix);
        long plot = insert(
                jdbc,
                "INSERT INTO plot (organization_id, name, region_code, created_at) VALUES (?, ?, '340210',"
                        + " '2026-01-01 00:00:00')",
                organization,
                "大棚" + suffix);
        long product = insert(
                jdbc,
                "INSERT INTO product (organization_id, name, category, variety, created_at) VALUES (?, '番茄',"
                        + " 'VEGETABLE', ?, '2026-01-01 00:00:00')",
                organization,
                "粉冠" + suffix);
        return insert(
                jdbc,
                "INSERT INTO batch (organization_id, product_id, plot_id, batch_number, status, started_on, created_at,"
                        + " version) VALUES (?, ?, ?, ?, 'IN_PRODUCTION', '2026-01-01', '2026-01-01 00:00:00', 0)",
                organization,
                product,
                plot,
                "B-" + suffix);
    }

    /**
     * Events with random hashes, each with its pending leaf, as the recording transaction writes them.
     *
     * @return the event ids in recording order
     */
    static List<Long> recordEvents(JdbcTemplate jdbc, AnchorOutbox outbox, long batchId, int count, Instant createdAt) {
        Integer last = jdbc.queryForObject(
                "SELECT COALESCE(MAX(sequence_number), 0) FROM batch_event WHERE batch_id = ?", Integer.class, batchId);
        List<Long> ids = new ArrayList<>();
        for (int index = 1; index <= count; index++) {
            String hash =
                    RecordHash.sha256(UUID.randomUUID().toString().getBytes()).hex();
            long eventId = insert(
                    jdbc,
                    "INSERT INTO batch_event (batch_id, sequence_number, type, occurred_on, recorded_at, recorded_by,"
                            + " details, previous_hash, event_hash) VALUES (?, ?, 'IRRIGATION', '2026-06-01',"
                            + " '2026-06-01 00:00:00', 'farmer', '{}', ?, ?)",
                    batchId,
                    last + index,
                    "0".repeat(64),
                    hash);
            outbox.addPending(eventId, batchId, hash, createdAt);
            ids.add(eventId);
        }
        return ids;
    }

    private static long insert(JdbcTemplate jdbc, String sql, Object... arguments) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(
                connection -> {
                    PreparedStatement statement = connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS);
                    for (int index = 0; index < arguments.length; index++) {
                        statement.setObject(index + 1, arguments[index]);
                    }
                    return statement;
                },
                keys);
        return keys.getKey().longValue();
    }
}
