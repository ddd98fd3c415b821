package org.suyuan.db.archive;

import java.util.List;

/** Stores many new events at once: a bulk request appends up to a thousand to one or several batches. */
public interface BatchEventInserts {

    /**
     * Inserts the events in one JDBC batch in the current transaction (one multi-row {@code INSERT} on MySQL with
     * {@code rewriteBatchedStatements}) and returns their ids, in the order given. Call it while holding the row lock
     * of every batch the events belong to. The events are not attached to the persistence context.
     */
    List<Long> insertAll(List<BatchEvent> events);
}
