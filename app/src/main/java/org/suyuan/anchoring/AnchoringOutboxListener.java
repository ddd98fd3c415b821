package org.suyuan.anchoring;

import java.time.Clock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.suyuan.archive.EventRecorded;
import org.suyuan.db.anchoring.AnchorOutbox;

/**
 * The transactional outbox: every recorded event's hash becomes a pending leaf in the same database transaction
 * as the event, so either both are stored or neither, and the write never waits for the ledger.
 */
@Component
class AnchoringOutboxListener {

    private final AnchorOutbox outbox;
    private final Clock clock;

    @Autowired
    AnchoringOutboxListener(AnchorOutbox outbox) {
        // Sub-second time of its own: a leaf's creation time measures anchoring lag and is never hashed.
        this(outbox, Clock.systemUTC());
    }

    AnchoringOutboxListener(AnchorOutbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @EventListener
    void on(EventRecorded recorded) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("EventRecorded must be published inside the transaction that stores the"
                    + " event, or its leaf could be lost or anchored without it");
        }
        outbox.addPending(recorded.eventId(), recorded.batchId(), recorded.eventHash(), clock.instant());
    }
}
