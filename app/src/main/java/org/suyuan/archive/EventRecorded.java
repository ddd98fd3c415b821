package org.suyuan.archive;

import org.suyuan.db.archive.EventType;

/**
 * Published inside the transaction that stored an event, so listeners (the anchoring outbox) write in the same
 * transaction: either both the event and its pending anchor are stored, or neither.
 */
public record EventRecorded(
        Long organizationId, Long batchId, Long eventId, int sequenceNumber, EventType type, String eventHash) {}
