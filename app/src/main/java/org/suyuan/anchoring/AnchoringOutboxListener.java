package org.suyuan.anchoring;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.suyuan.archive.EventRecorded;
import org.suyuan.db.anchoring.AnchorOutbox;

/**
 * The transactional outbox: every recorded event's hash becomes a pending leaf in the same database transaction
 * as the event, so either both are stored or neither, and the write never waits for the ledger.
 *
 * <p>The leaves of one transaction are collected and inserted together just before it commits, in one JDBC batch:
 * a bulk request of a thousand events costs one multi-row insert, not a thousand statements. A transaction that
 * rolls back never writes them.
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
        if (!TransactionSynchronizationManager.isActualTransactionActive()
                || !TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("EventRecorded must be published inside the transaction that stores the"
                    + " event, or its leaf could be lost or anchored without it");
        }
        pendingLeaves()
                .leaves
                .add(new AnchorOutbox.NewLeaf(
                        recorded.eventId(), recorded.batchId(), recorded.eventHash(), clock.instant()));
    }

    /**
     * The current transaction's leaves. Found among its synchronizations rather than bound as a resource, so that a
     * transaction suspended by an inner one keeps its own leaves.
     */
    private PendingLeaves pendingLeaves() {
        for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
            if (synchronization instanceof PendingLeaves pending && pending.outbox == outbox) {
                return pending;
            }
        }
        PendingLeaves pending = new PendingLeaves(outbox);
        TransactionSynchronizationManager.registerSynchronization(pending);
        return pending;
    }

    private static final class PendingLeaves implements TransactionSynchronization {

        private final AnchorOutbox outbox;
        private final List<AnchorOutbox.NewLeaf> leaves = new ArrayList<>();

        PendingLeaves(AnchorOutbox outbox) {
            this.outbox = outbox;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            if (!leaves.isEmpty()) {
                outbox.addPendingAll(List.copyOf(leaves));
                leaves.clear();
            }
        }
    }
}
