package org.suyuan.db.archive;

import java.util.Optional;

/** Reads the end of a batch's hash chain: all that appending to it needs of the events already stored. */
public interface BatchEventTails {

    /** The last stored event of a batch: its sequence number and the hash the next event chains to. */
    record Tail(int sequenceNumber, String eventHash) {}

    /**
     * The batch's last event, or empty for a batch without events. Call it while holding the batch's row lock, so
     * that the tail cannot move before the next event is stored.
     */
    Optional<Tail> tailOf(Long batchId);
}
