package org.suyuan.anchoring;

import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
 * Moves pending leaves from the outbox onto the ledger, a window per call of {@link #runOnce()}, with up to {@code
 * max-in-flight} anchors on their way to the ledger at once.
 *
 * <p>Each anchor goes through three steps, each its own transaction or call, so that a crash between any two
 * leaves a state the next run continues from:
 *
 * <ol>
 *   <li><b>prepare</b> (one database transaction): the window's leaves in id order become a Merkle tree; the anchor
 *       row (root, leaf count, previous root, window; state {@code PREPARED}) is inserted with its tree cut into
 *       subtrees (their roots and leaf hashes, from which any leaf's inclusion proof is rebuilt on demand), and
 *       every leaf is claimed for
 *       it with its index, one statement per run of consecutive ids. Everything the ledger will be asked is now
 *       fixed.
 *   <li><b>submit</b>: {@link Ledger#anchor} with exactly the stored request, on a thread of its own outside any
 *       transaction (writers never wait for the ledger, and no lock is held during the call).
 *   <li><b>record</b> (one transaction): the receipt's transaction id, block number and time; state {@code ANCHORED}.
 * </ol>
 *
 * <p><b>Pipelining.</b> A ledger round trip lasts a block (two seconds on Fabric), so waiting for each anchor before
 * preparing the next would cap anchoring at one window per block and make every event wait up to two blocks. The
 * worker therefore prepares the next window while earlier ones are still being committed: each names the root
 * prepared before it (known as soon as it is prepared), the anchors are committed in any order, and they still form
 * one chain. The transaction holds only the root, so a window may hold many thousand leaves.
 *
 * <p><b>Failures.</b> A {@code PREPARED} anchor that is not on its way (a crash, a lost answer, a failure) is finished
 * before any new window is prepared. The ledger is asked first whether it already holds the root (an earlier
 * submission got through, but its answer was lost to a crash or a deadline): then the anchor is recorded without a
 * second transaction. Otherwise it is resubmitted with the same request, and the ledger's replay semantics return
 * the receipt of the first commit if that one lands meanwhile, so a crash never yields a second anchor and never puts
 * the same leaves under two roots. Failures that may pass (unreachable ledger or part of it, deadlines, read
 * conflicts) are retried with exponential back-off, stored on the anchor so that another instance honours it too;
 * while backing off, the worker still asks the ledger every {@code retry.probe-interval} with a cheap lookup, and
 * submits at once when the ledger answers, so that anchoring resumes within seconds of an outage's end rather than
 * after the longest back-off. No new window is prepared while an anchor backs off. A {@code CONFLICT} (the ledger
 * holds this root with different content) marks the anchor {@code FAILED}, is logged as an error and counted, and
 * stops anchoring until an operator has looked: chaining further anchors onto an anchor the ledger disowns would
 * hide the problem.
 *
 * <p><b>Several instances.</b> The anchors form one chain (each names the previous root), so one active worker per
 * database is enough. Which one is decided by a lease row ({@link AnchoringLease}) taken with a conditional update
 * at the start of every run; others find it held and idle, and take over when its holder stops renewing it; the
 * holder renews it from a heartbeat while it waits for the ledger ({@link #renewLease()}), so the lease can be much
 * shorter than a ledger call and an instance that dies is replaced within one lease. This was chosen over {@code
 * SELECT … FOR UPDATE SKIP LOCKED} on the leaves because H2 has no {@code SKIP LOCKED}, because splitting one window
 * between instances would not make a linear chain any faster, and because a row lock held across a ledger call
 * would pin a connection and a transaction for up to a minute. Safety does not rest on the lease: a leaf is claimed
 * only while its {@code anchor_id} is still null (a worker that claims fewer leaves than it planned rolls back), a
 * window is prepared only after anchors this worker itself has on their way, and the unique sequence number and root
 * of {@code anchor} refuse a second anchor after the same head, so two workers that both believe they hold the lease
 * still anchor each leaf once, in one linear chain.
 *
 * <p>{@link #runOnce()} is called by one thread at a time (the loop's); the ledger calls run on the executor given,
 * which tests make synchronous.
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
        /** As many anchors as allowed are on their way to the ledger; the next window waits for one to come back. */
        WAITING_FOR_LEDGER,
        /** A window was prepared and is on its way to the ledger. */
        SUBMITTED,
        /** An anchor was confirmed by the ledger and recorded. */
        ANCHORED,
        /** The ledger failed in a way that may pass; the anchor will be submitted again. */
        RETRY_LATER,
        /** An anchor is FAILED: anchoring waits for an operator. */
        HALTED,
        /** The ledger holds the root with different content; the anchor is now FAILED. */
        CONFLICT;

        /** Which of two steps of one run says more about it (the later in this list): what the loop and tests see. */
        Step and(Step other) {
            return other != null && other.ordinal() > ordinal() ? other : this;
        }
    }

    /** An anchor on its way to the ledger, and when its call started. */
    private record Submission(Anchor anchor, CompletableFuture<AnchorReceipt> result) {}

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
    private final Executor ledgerCalls;
    private final Map<Long, Submission> inFlight = new LinkedHashMap<>();
    private final Map<Long, Instant> lastProbes = new HashMap<>();
    private volatile Consumer<AnchorReceipt> afterSubmit = receipt -> {};
    private volatile Runnable whenLedgerAnswers = () -> {};
    private volatile Long reportedHalt;

    AnchoringWorker(
            AnchorRepository anchors,
            AnchorOutbox outbox,
            AnchoringLease lease,
            Ledger ledger,
            PlatformTransactionManager transactionManager,
            AnchoringProperties properties,
            AnchoringMetrics metrics,
            Clock clock,
            String holder,
            Executor ledgerCalls) {
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
        this.ledgerCalls = Objects.requireNonNull(ledgerCalls, "ledgerCalls");
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

    /** Runs whenever a ledger call ends, on the thread that made it: the loop wakes up to record the answer. */
    void whenLedgerAnswers(Runnable callback) {
        this.whenLedgerAnswers = Objects.requireNonNull(callback, "callback");
    }

    /** Waits for the anchors on their way to the ledger and records their answers (on shutdown). */
    void finishInFlight(Duration patience) {
        CompletableFuture<?>[] results =
                inFlight.values().stream().map(Submission::result).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(results).get(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // Failures are recorded below; what is still out is finished by whichever instance runs next.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        collectAnswers();
    }

    /** Stops the threads that call the ledger, if this worker owns them. */
    void close() {
        if (ledgerCalls instanceof ExecutorService owned) {
            owned.shutdownNow();
        }
    }

    /** Gives the lease up so that another instance takes over at once (on shutdown). */
    void releaseLease() {
        lease.release(holder);
    }

    /** Extends the lease if this worker holds it; the heartbeat calls it while a run may be waiting for the ledger. */
    void renewLease() {
        lease.renew(holder, clock.instant(), properties.leaseDuration());
    }

    /**
     * Does the next piece of work, if this worker holds the lease: records what the ledger answered, finishes anchors
     * left unfinished, and prepares and submits the next window when it is due and the pipeline has room.
     */
    Step runOnce() {
        Instant now = clock.instant();
        if (!lease.tryAcquire(holder, now, properties.leaseDuration())) {
            return Step.NOT_LEADER;
        }
        Step done = collectAnswers();
        if (anchors.countByState(AnchorState.FAILED) > 0) {
            reportHalt();
            return Step.HALTED.and(done);
        }
        for (Anchor unfinished : anchors.findAllByStateOrderBySequenceNumber(AnchorState.PREPARED)) {
            if (!inFlight.containsKey(unfinished.getId())) {
                Step finished = finish(unfinished, now);
                if (finished != Step.ANCHORED && finished != Step.SUBMITTED) {
                    // An anchor that could not be sent waits for the ledger: no new window until it is through.
                    return finished.and(done);
                }
                done = finished.and(done);
            }
        }
        if (inFlight.size() >= properties.maxInFlight()) {
            return Step.WAITING_FOR_LEDGER.and(done);
        }
        Instant firstPending = outbox.firstPendingCreatedAt();
        if (firstPending == null) {
            return Step.IDLE.and(done);
        }
        boolean full = outbox.hasPendingAtLeast(properties.maxLeaves());
        boolean old = !now.isBefore(firstPending.plus(properties.maxWindow()));
        if (!full && !old) {
            return Step.WAITING_FOR_WINDOW.and(done);
        }
        Timer.Sample preparing = Timer.start();
        List<PendingLeaf> window = outbox.findPending(properties.maxLeaves());
        if (window.isEmpty()) {
            return Step.IDLE.and(done);
        }
        Anchor prepared;
        try {
            prepared = transactions.execute(status -> prepare(window, now));
        } catch (LostRace | DataIntegrityViolationException | ConcurrencyFailureException race) {
            log.debug("Another worker anchors these leaves: {}", race.getMessage());
            return Step.LOST_RACE.and(done);
        }
        preparing.stop(metrics.prepares());
        submit(prepared);
        return Step.SUBMITTED.and(collectAnswers()).and(done);
    }

    private void reportHalt() {
        anchors.findFirstByStateOrderBySequenceNumberDesc(AnchorState.FAILED).ifPresent(failed -> {
            if (!failed.getId().equals(reportedHalt)) {
                reportedHalt = failed.getId();
                log.error(
                        "Anchoring is halted: anchor {} (root {}) conflicts with the ledger ({}). Pending events keep"
                                + " waiting until an operator resolves it.",
                        failed.getSequenceNumber(),
                        failed.getRoot(),
                        failed.getLastError());
            }
        });
    }

    /**
     * Finishes an anchor that is prepared but not on its way: records it if the ledger already holds it, submits it
     * if the ledger answers without it, and otherwise lets it back off.
     */
    private Step finish(Anchor unfinished, Instant now) {
        boolean attemptDue = !now.isBefore(unfinished.getNextAttemptAt());
        Instant lastProbe = lastProbes.getOrDefault(unfinished.getId(), Instant.MIN);
        if (!attemptDue && now.isBefore(lastProbe.plus(properties.retry().probeInterval()))) {
            return Step.BACKING_OFF;
        }
        lastProbes.put(unfinished.getId(), now);
        AnchorRequest request = requestOf(unfinished);
        Optional<AnchorReceipt> stored;
        try {
            stored = ledger.find(request.root());
        } catch (LedgerException unreachable) {
            return attemptDue ? failed(unfinished, unreachable) : Step.BACKING_OFF;
        }
        if (stored.isEmpty()) {
            submit(unfinished);
            return Step.SUBMITTED.and(collectAnswers());
        }
        if (!stored.get().request().equals(request)) {
            return failed(
                    unfinished,
                    LedgerException.conflict(
                            request.root(),
                            "the ledger holds " + stored.get().request(),
                            stored.get().transactionId()));
        }
        log.info(
                "The ledger already holds anchor {} (root {}, transaction {}); recording it without submitting again",
                unfinished.getSequenceNumber(),
                unfinished.getRoot(),
                stored.get().transactionId());
        return recordAnchored(unfinished, stored.get());
    }

    private Anchor prepare(List<PendingLeaf> window, Instant now) {
        Optional<Anchor> head = anchors.findFirstByOrderBySequenceNumberDesc();
        if (head.isPresent()
                && head.get().getState() != AnchorState.ANCHORED
                && !inFlight.containsKey(head.get().getId())) {
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
        outbox.addTree(
                anchor.getId(),
                AnchorPlan.SUBTREE_SIZE,
                ProofPaths.encode(plan.subtreeRoots()),
                plan.subtreeLeaves().stream().map(ProofPaths::encode).toList());
        long claimed = outbox.claim(anchor.getId(), plan.runs());
        if (claimed != plan.leafCount()) {
            throw new LostRace("claimed " + claimed + " of " + plan.leafCount() + " leaves");
        }
        return anchor;
    }

    /** Sends an anchor to the ledger on the executor; {@link #collectAnswers()} records what comes back. */
    private void submit(Anchor anchor) {
        AnchorRequest request = requestOf(anchor);
        CompletableFuture<AnchorReceipt> result = new CompletableFuture<>();
        inFlight.put(anchor.getId(), new Submission(anchor, result));
        lastProbes.remove(anchor.getId());
        try {
            ledgerCalls.execute(() -> {
                Timer.Sample call = Timer.start();
                try {
                    AnchorReceipt receipt = ledger.anchor(request);
                    if (!receipt.request().equals(request)) {
                        throw LedgerException.conflict(
                                request.root(),
                                "the ledger answered with " + receipt.request(),
                                receipt.transactionId());
                    }
                    result.complete(receipt);
                } catch (RuntimeException failure) {
                    result.completeExceptionally(failure);
                } finally {
                    call.stop(metrics.ledgerCalls());
                    whenLedgerAnswers.run();
                }
            });
        } catch (RejectedExecutionException shuttingDown) {
            result.completeExceptionally(
                    LedgerException.unavailable("the worker is shutting down", null, shuttingDown));
        }
    }

    /** Records every answer the ledger has given since the last run, in the order the anchors were sent. */
    private Step collectAnswers() {
        Step done = null;
        Iterator<Submission> submissions = inFlight.values().iterator();
        while (submissions.hasNext()) {
            Submission submission = submissions.next();
            if (!submission.result().isDone()) {
                continue;
            }
            submissions.remove();
            AnchorReceipt receipt;
            try {
                receipt = submission.result().join();
            } catch (CompletionException e) {
                Step failure = e.getCause() instanceof LedgerException ledgerFailure
                        ? failed(submission.anchor(), ledgerFailure)
                        : failed(
                                submission.anchor(),
                                LedgerException.unavailable(String.valueOf(e.getCause()), null, e.getCause()));
                done = failure.and(done);
                continue;
            }
            afterSubmit.accept(receipt);
            done = recordAnchored(submission.anchor(), receipt).and(done);
        }
        return done;
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
        lastProbes.remove(anchor.getId());
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
        // The failure was the latest word from the ledger: the next probe comes one probe interval later.
        lastProbes.put(anchor.getId(), clock.instant());
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
