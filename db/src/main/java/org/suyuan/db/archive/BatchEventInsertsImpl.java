package org.suyuan.db.archive;

import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.suyuan.db.SqlTimes;

/**
 * Events inserted through the transaction's own connection, as one JDBC batch instead of one Hibernate
 * {@code persist} per event: an {@code IDENTITY} id makes Hibernate insert each entity on its own, a statement and
 * a round trip per event, all of them under the batch's row lock.
 *
 * <p>The ids of a multi-row insert are read back by {@code (batch_id, sequence_number)}, which is unique and which
 * the caller's batch lock keeps stable, rather than derived from the first generated key: MySQL 8's default
 * {@code innodb_autoinc_lock_mode=2} does not promise consecutive ids within one statement. Times are bound as text,
 * as the anchoring outbox binds them, so that MariaDB keeps their fractions of a second.
 */
class BatchEventInsertsImpl implements BatchEventInserts {

    private static final String INSERT = "INSERT INTO batch_event (batch_id, sequence_number, type, occurred_on,"
            + " recorded_at, recorded_by, supersedes_event_id, details, previous_hash, event_hash)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final JdbcTemplate jdbc;

    BatchEventInsertsImpl(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Long> insertAll(List<BatchEvent> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        if (events.size() == 1) {
            // One row: its generated key is exact, and saves the read-back query.
            GeneratedKeyHolder key = new GeneratedKeyHolder();
            jdbc.update(
                    connection -> {
                        PreparedStatement statement =
                                connection.prepareStatement(INSERT, Statement.RETURN_GENERATED_KEYS);
                        bind(statement, events.get(0));
                        return statement;
                    },
                    key);
            return List.of(key.getKeyAs(Number.class).longValue());
        }
        jdbc.batchUpdate(INSERT, events, events.size(), this::bind);
        Map<Long, IntSummaryStatistics> sequences = events.stream()
                .collect(Collectors.groupingBy(
                        BatchEvent::getBatchId, Collectors.summarizingInt(BatchEvent::getSequenceNumber)));
        Map<String, Long> ids = new HashMap<>();
        sequences.forEach((batchId, range) -> jdbc.query(
                "SELECT id, sequence_number FROM batch_event WHERE batch_id = ? AND sequence_number BETWEEN ? AND ?",
                row -> {
                    ids.put(batchId + "/" + row.getInt("sequence_number"), row.getLong("id"));
                },
                batchId,
                range.getMin(),
                range.getMax()));
        List<Long> inOrder = new ArrayList<>(events.size());
        for (BatchEvent event : events) {
            inOrder.add(ids.get(event.getBatchId() + "/" + event.getSequenceNumber()));
        }
        return inOrder;
    }

    private void bind(PreparedStatement statement, BatchEvent event) throws java.sql.SQLException {
        statement.setLong(1, event.getBatchId());
        statement.setInt(2, event.getSequenceNumber());
        statement.setString(3, event.getType().name());
        statement.setObject(4, event.getOccurredOn());
        statement.setString(5, SqlTimes.text(event.getRecordedAt()));
        statement.setString(6, event.getRecordedBy());
        statement.setObject(7, event.getSupersedesEventId(), java.sql.Types.BIGINT);
        statement.setString(8, event.getDetails());
        statement.setString(9, event.getPreviousHash());
        statement.setString(10, event.getEventHash());
    }
}
