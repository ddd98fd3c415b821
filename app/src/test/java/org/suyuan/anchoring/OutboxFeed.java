package org.suyuan.anchoring;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.suyuan.db.SqlTimes;
import org.suyuan.ledger.RecordHash;

/**
 * Events and their pending leaves written straight into the database at a fixed rate, in small JDBC batches every
 * few milliseconds: the load the anchoring worker sees from a recording path that sustains that rate, without the
 * cost of recording through the API. The benchmark uses it to ask whether anchoring keeps up at a given rate.
 */
final class OutboxFeed {

    private static final Duration TICK = Duration.ofMillis(20);

    /** The most rows one transaction writes: a bulk request's worth. */
    private static final int MAX_ROWS = 1_000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final List<Long> batchIds;
    private final Map<Long, Long> nextSequenceNumbers = new HashMap<>();
    private long nextEventId;

    OutboxFeed(DataSource dataSource, List<Long> batchIds) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.batchIds = List.copyOf(batchIds);
        for (long batchId : batchIds) {
            nextSequenceNumbers.put(
                    batchId,
                    jdbc.queryForObject(
                                    "SELECT COALESCE(MAX(sequence_number), 0) FROM batch_event WHERE batch_id = ?",
                                    Long.class,
                                    batchId)
                            + 1);
        }
        nextEventId = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM batch_event", Long.class) + 1;
    }

    /**
     * Writes {@code perSecond} events a second for {@code duration}, spread over the batches.
     *
     * @return how many events were written
     */
    long run(int perSecond, Duration duration) throws InterruptedException {
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        long written = 0;
        while (System.nanoTime() < end) {
            long due = (System.nanoTime() - start) * perSecond / 1_000_000_000L;
            while (due > written) {
                // A feed that fell behind catches up in transactions of at most MAX_ROWS, as many recording
                // transactions would: one huge transaction would stamp its leaves seconds before they could be seen.
                int count = (int) Math.min(MAX_ROWS, due - written);
                write(count);
                written += count;
            }
            Thread.sleep(TICK.toMillis());
        }
        return written;
    }

    private void write(int count) {
        // To the microsecond, as AnchorOutbox binds it (a Timestamp would lose its fraction on MariaDB).
        String now = SqlTimes.text(Instant.now());
        List<Object[]> events = new ArrayList<>(count);
        List<Object[]> leaves = new ArrayList<>(count);
        for (int index = 0; index < count; index++) {
            long batchId = batchIds.get((int) (nextEventId % batchIds.size()));
            long sequenceNumber = nextSequenceNumbers.merge(batchId, 1L, Long::sum) - 1;
            String hash = RecordHash.sha256(
                            UUID.randomUUID().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    .hex();
            events.add(new Object[] {nextEventId, batchId, sequenceNumber, "0".repeat(64), hash});
            leaves.add(new Object[] {nextEventId, batchId, hash, now});
            nextEventId++;
        }
        // One transaction a tick, as the recording path commits an event with its leaf: row by row in autocommit the
        // feed itself would be what cannot keep up.
        transaction.executeWithoutResult(status -> insert(events, leaves));
    }

    private void insert(List<Object[]> events, List<Object[]> leaves) {
        jdbc.batchUpdate(
                "INSERT INTO batch_event (id, batch_id, sequence_number, type, occurred_on, recorded_at, recorded_by,"
                        + " details, previous_hash, event_hash) VALUES (?, ?, ?, 'IRRIGATION', '2026-06-01',"
                        + " '2026-06-01 00:00:00', 'feed', '{}', ?, ?)",
                events);
        jdbc.batchUpdate(
                "INSERT INTO anchor_leaf (event_id, batch_id, event_hash, created_at) VALUES (?, ?, ?, ?)", leaves);
    }
}
