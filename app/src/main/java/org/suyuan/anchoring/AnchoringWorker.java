package org.suyuan.anchoring;

import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.suyuan.db.anchoring.Anchor;
import org.suyuan.db.anchoring.AnchorOutbox;
import org.suyuan.db.anchoring.AnchorOutbox.PendingLeaf;
import org.suyuan.db.anchoring.AnchorRepository;
import org.suyuan.db.anchoring.AnchorState;
import org.suyuan.db.anchoring.AnchoringLease;
import org.suyuan.ledger.AnchorReceipt;
import org.suyuan.ledger.AnchorRequest;
import org.suyuan.ledger.Ledger;
import org.suyuan.ledger.LedgerException;
import org.suyuan.ledger.RecordHash;

/**
 * Moves pending leaves from the outbox onto the ledger, one anchor per call of {@link #runOnce()}.
 *
 * <p>Each anchor goes through three steps, each its own transaction or call, so that a crash between any two
 * leaves a state the next run continues from:
 *
 * <ol>
 *   <li><b>prepare</b> (one database transaction): the window's leaves in id order become a Merkle tree; the anchor
 *       row (root, leaf count, previous root, window; state {@code PREPARED}) is inserted and every leaf is claimed
 *       for it with its index and inclusion proof. Everything the ledger will be asked is now fixed.
 *   <li><b>submit</b>: {@link Ledger#anchor} with exactly the stored request, outside any transaction (writers never
 *       wait for the ledger, and no lock is held during the call).
 *   <li><b>record</b> (one transaction): the receipt's transaction id, block number and time; state {@code ANCHORED}.
 * </ol>
 *
 * <p>A {@code PREPARED} anchor at the head of the chain is always finished before a new window is prepared. The
 * ledger is asked first whether it already holds the root (an earlier submission got through, but its answer was
 * lost to a crash or a deadline): then the anchor is recorded without a second transaction. Otherwise it is
 * resubmitted with the same request, and the ledger's replay semantics return the receipt of the first commit if
 * that one lands meanwhile, so a crash never yields a second anchor and never puts the same leaves under two roots.
 * Failures that may pass (unreachable ledger or part of it, deadlines, read conflicts) are retried with exponential
 * back-off, stored on the anchor so that another instance honours it too; while backing off, the worker still asks
 * the ledger every {@code retry.probe-interval} with a cheap lookup, and submits at once when the ledger answers, so
 * that anchoring resumes within seconds of an outage's end rather than after the longest back-off. A {@code
 * CONFLICT} (the ledger holds this root with different content) marks the anchor {@code FAILED}, is logged as an
 * error and counted, and stops anchoring until an operator has looked: chaining further anchors onto an anchor the
 * ledger disowns would hide the problem.
 *
 * <p><b>Several instances.</b> The anchors form one chain (each names the previous root), so anchoring is
 * sequential by nature and one active worker per database is enough. Which one is decided by a lease row
 * ({@link AnchoringLease}) taken with a conditional update at the start of every run; others find it held and
 * idle, and take over when its holder stops renewing it. This was chosen over {@code SELECT … FOR UPDATE SKIP
 * LOCKED} on the leaves because H2 has no {@code SKIP LOCKED}, because splitting one window between instances
 * would not make a linear chain any faster, and because a row lock held across a ledger call would pin a
 * connection and a transaction for up to a minute. Safety does not rest on the lease: a leaf is claimed only
 * while its {@code anchor_id} is still null (a worker that claims fewer leaves than it planned rolls back), and
 * the unique sequence number and root of {@code anchor} refuse a second anchor after the same head, so two workers
 * that both believe they hold the lease still anchor each leaf once, in one linear chain.
 */
class AnchoringWorker {

    /** What one run did. */
    enum Step {
        /** Another instance holds the lease. */
        NOT_LEADER,
        /** Nothing waits. */
        IDLE,
        /** Leaves wait, but their window is neither full nor old enough. */
        WAITING_FOR_WINDOW,
        /** The head anchor failed recently and waits for its next attempt. */
        BACKING_OFF,
        /** Another worker prepared or claimed the same leaves first; nothing was changed. */
        LOST_RACE,
        /** An anchor was confirmed by the ledger and recorded. */
        ANCHORED,
        /** The ledger failed in a way that may pass; the anchor will be submitted again. */
        RETRY_LATER,
        /** The ledger holds the root with different content; the anchor is now FAILED. */
        CONFLICT,
        /** The head anchor is FAILED: anchoring waits for an operator. */
        HALTED
    }

    private static final Logger log = LoggerFactory.getLogger(AnchoringWorker.class);

    private final AnchorRepository anchors;
    private final AnchorOutbox outbox;
    private final AnchoringLease lease;
    private final Ledger ledger;
    private final TransactionTemplate transactions;
    private final AnchoringProperties properties;
    private final AnchoringMetrics metrics;
    private final Clock clock;
    private final String holder;
    private final RetryBackoff backoff;
    private volatile Consumer<AnchorReceipt> afterSubmit = receipt -> {};
    private volatile Long reportedHalt;
    private Instant lastProbe = Instant.MIN;

    AnchoringWorker(
            AnchorRepository anchors,
            AnchorOutbox outbox,
            AnchoringLease lease,
            Ledger ledger,
            PlatformTransactionManager transactionManager,
            AnchoringProperties properties,
            AnchoringMetrics metrics,
            Clock clock,
            String holder) {
        this.anchors = anchors;
        this.outbox = outbox;
        this.lease = lease;
        this.ledger = ledger;
        this.transactions = new TransactionTemplate(transactionManager);
        this.properties = properties;
        this.metrics = metrics;
        this.clock = clock;
        this.holder = Objects.requireNonNull(holder, "holder");
        this.backoff = new RetryBackoff(
                properties.retry().initialBackoff(), properties.retry().maxBackoff());
    }

    /** The name this worker holds the lease under. */
    String holder() {
        return holder;
    }

    /**
     * Runs between the ledger's answer and the database update; a test that throws here stands for a worker that
     * dies at the worst moment.
     */
    void afterSubmit(Consumer<AnchorReceipt> hook) {
        this.afterSubmit = Objects.requireNonNull(hook, "hook");
    }

    /** Gives the lease up so that another instance takes over at once (on shutdown). */
    void releaseLease() {
        lease.release(holder);
    }

    /** Extends the lease if this worker holds it; the heartbeat calls it while a run may be waiting for the ledger. */
    void renewLease() {
        lease.renew(holder, clock.instant(), properties.leaseDuration());
    }

    /** Does the next piece of work, if this worker holds the lease: finishes the head anchor or anchors a window. */
    Step runOnce() {
        Instant now = clock.instant();
        if (!lease.tryAcquire(holder, now, properties.leaseDuration())) {
            return Step.NOT_LEADER;
        }
        Optional<Anchor> head = anchors.findFirstByOrderBySequenceNumberDesc();
        if (head.isPresent() && head.get().getState() != AnchorState.ANCHORED) {
            return finish(head.get(), now);
        }
        Instant firstPending = outbox.firstPendingCreatedAt();
        if (firstPending == null) {
            return Step.IDLE;
        }
        boolean full = outbox.hasPendingAtLeast(properties.maxLeaves());
        boolean old = !now.isBefore(firstPending.plus(properties.maxWindow()));
        if (!full && !old) {
            return Step.WAITING_FOR_WINDOW;
        }
        List<PendingLeaf> window = outbox.findPending(properties.maxLeaves());
        if (window.isEmpty()) {
            return Step.IDLE;
        }
        Anchor prepared;
        try {
            prepared = transactions.execute(status -> prepare(window, now));
        } catch (LostRace | DataIntegrityViolationException | ConcurrencyFailureException race) {
            log.debug("Another worker anchors these leaves: {}", race.getMessage());
            return Step.LOST_RACE;
        }
        return submit(prepared);
    }

    private Step finish(Anchor head, Instant now) {
        if (head.getState() == AnchorState.FAILED) {
            if (!head.getId().equals(reportedHalt)) {
                reportedHalt = head.getId();
                log.error(
                        "Anchoring is halted: anchor {} (root {}) conflicts with the ledger ({}). Pending events keep"
                                + " waiting until an operator resolves it.",
                        head.getSequenceNumber(),
                        head.getRoot(),
                        head.getLastError());
            }
            return Step.HALTED;
        }
        boolean attemptDue = !now.isBefore(head.getNextAttemptAt());
        if (!attemptDue && now.isBefore(lastProbe.plus(properties.retry().probeInterval()))) {
            return Step.BACKING_OFF;
        }
        lastProbe = now;
        AnchorRequest request = requestOf(head);
        Optional<AnchorReceipt> stored;
        try {
            stored = ledger.find(request.root());
        } catch (LedgerException unreachable) {
            return attemptDue ? failed(head, unreachable) : Step.BACKING_OFF;
        }
        if (stored.isEmpty()) {
            return submit(head);
        }
        if (!stored.get().request().equals(request)) {
            return failed(
                    head,
                    LedgerException.conflict(
                            request.root(),
                            "the ledger holds " + stored.get().request(),
                            stored.get().transactionId()));
        }
        log.info(
                "The ledger already holds anchor {} (root {}, transaction {}); recording it without submitting again",
                head.getSequenceNumber(),
                head.getRoot(),
                stored.get().transactionId());
        return recordAnchored(head, stored.get());
    }

    private Anchor prepare(List<PendingLeaf> window, Instant now) {
        Optional<Anchor> head = anchors.findFirstByOrderBySequenceNumberDesc();
        if (head.isPresent() && head.get().getState() != AnchorState.ANCHORED) {
            throw new LostRace("anchor " + head.get().getSequenceNumber() + " was prepared meanwhile");
        }
        long sequenceNumber = head.map(Anchor::getSequenceNumber).orElse(0L) + 1;
        Optional<RecordHash> previousRoot = head.map(anchor -> new RecordHash(anchor.getRoot()));
        AnchorPlan plan = AnchorPlan.of(sequenceNumber, previousRoot, window);
        Anchor anchor = anchors.saveAndFlush(new Anchor(
                plan.sequenceNumber(),
                plan.root().hex(),
                plan.leafCount(),
                plan.previousRoot().map(RecordHash::hex).orElse(null),
                plan.windowStart(),
                plan.windowEnd(),
                now));
        int claimed = outbox.assign(anchor.getId(), plan.assignments());
        if (claimed != plan.assignments().size()) {
            throw new LostRace(
                    "claimed " + claimed + " of " + plan.assignments().size() + " leaves");
        }
        return anchor;
    }

    private Step submit(Anchor anchor) {
        AnchorRequest request = requestOf(anchor);
        AnchorReceipt receipt;
        Timer.Sample call = Timer.start();
        try {
            receipt = ledger.anchor(request);
            if (!receipt.request().equals(request)) {
                throw LedgerException.conflict(
                        request.root(), "the ledger answered with " + receipt.request(), receipt.transactionId());
            }
        } catch (LedgerException failure) {
            return failed(anchor, failure);
        } finally {
            call.stop(metrics.ledgerCalls());
        }
        afterSubmit.accept(receipt);
        return recordAnchored(anchor, receipt);
    }

    private Step recordAnchored(Anchor anchor, AnchorReceipt receipt) {
        boolean recordedNow;
        try {
            recordedNow = Boolean.TRUE.equals(transactions.execute(status -> anchors.findById(anchor.getId())
                    .orElseThrow()
                    .anchored(receipt.transactionId(), receipt.blockNumber(), receipt.anchoredAt())));
        } catch (ConcurrencyFailureException recordedByAnother) {
            return Step.ANCHORED;
        }
        if (recordedNow) {
            metrics.anchored(anchor.getLeafCount(), outbox.createdTimesOf(anchor.getId()), clock.instant());
            log.info(
                    "Anchored {} leaves under root {} (anchor {}, transaction {}, block {})",
                    anchor.getLeafCount(),
                    anchor.getRoot(),
                    anchor.getSequenceNumber(),
                    receipt.transactionId(),
                    receipt.blockNumber());
        }
        return Step.ANCHORED;
    }

    private Step failed(Anchor anchor, LedgerException failure) {
        String error = failure.reason() + ": " + failure.getMessage()
                + failure.transactionId().map(id -> " (transaction " + id + ")").orElse("");
        if (failure.reason() == LedgerException.Reason.CONFLICT) {
            metrics.conflicted();
            log.error(
                    "The ledger holds root {} of anchor {} with different content; the anchor is FAILED and anchoring"
                            + " stops until an operator resolves it: {}",
                    anchor.getRoot(),
                    anchor.getSequenceNumber(),
                    error);
            recordQuietly(anchor, current -> current.conflicted(error));
            return Step.CONFLICT;
        }
        metrics.failed(failure.reason().name());
        Duration wait = backoff.after(anchor.getAttempts() + 1);
        if (failure.retryable()) {
            log.warn(
                    "Anchor {} (root {}) not confirmed, attempt {}; retrying in {}: {}",
                    anchor.getSequenceNumber(),
                    anchor.getRoot(),
                    anchor.getAttempts() + 1,
                    wait,
                    error);
        } else {
            log.error(
                    "The ledger refused anchor {} (root {}), attempt {}; retrying in {} in case the configuration"
                            + " is fixed: {}",
                    anchor.getSequenceNumber(),
                    anchor.getRoot(),
                    anchor.getAttempts() + 1,
                    wait,
                    error);
        }
        Instant retryAt = clock.instant().plus(wait);
        recordQuietly(anchor, current -> current.submissionFailed(error, retryAt));
        return Step.RETRY_LATER;
    }

    /** Applies a transition to the stored anchor unless another worker has moved it on meanwhile. */
    private void recordQuietly(Anchor anchor, Consumer<Anchor> transition) {
        try {
            transactions.executeWithoutResult(status -> anchors.findById(anchor.getId())
                    .filter(current -> current.getState() == AnchorState.PREPARED)
                    .ifPresent(transition));
        } catch (ConcurrencyFailureException movedOn) {
            log.debug("Anchor {} was updated by another worker", anchor.getSequenceNumber());
        }
    }

    static AnchorRequest requestOf(Anchor anchor) {
        return new AnchorRequest(
                new RecordHash(anchor.getRoot()),
                anchor.getLeafCount(),
                Optional.ofNullable(anchor.getPreviousRoot()).map(RecordHash::new),
                anchor.getWindowStart(),
                anchor.getWindowEnd());
    }

    /** Another worker got to the same leaves or the same place in the chain first. */
    private static final class LostRace extends RuntimeException {
        LostRace(String message) {
            super(message, null, false, false);
        }
    }
}
