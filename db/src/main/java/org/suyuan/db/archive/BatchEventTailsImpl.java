package org.suyuan.db.archive;

import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The tail in one indexed row of two columns, through the transaction's own connection: a derived query for the
 * last {@link BatchEvent} made Hibernate build and hydrate a whole entity, details and all, on every append, only
 * to read its sequence number and hash.
 */
class BatchEventTailsImpl implements BatchEventTails {

    private final JdbcTemplate jdbc;

    BatchEventTailsImpl(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Tail> tailOf(Long batchId) {
        return jdbc
                .query(
                        "SELECT sequence_number, event_hash FROM batch_event WHERE batch_id = ?"
                                + " ORDER BY sequence_number DESC LIMIT 1",
                        (row, index) -> new Tail(row.getInt("sequence_number"), row.getString("event_hash")),
                        batchId)
                .stream()
                .findFirst();
    }
}
