package org.suyuan.anchoring;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.suyuan.db.anchoring.AnchorOutbox;
import org.suyuan.db.anchoring.Backlog;

/**
 * What operators watch (Prometheus names in brackets):
 *
 * <ul>
 *   <li>{@code suyuan.anchoring.pending.leaves} [{@code suyuan_anchoring_pending_leaves}]: events not anchored yet;
 *   <li>{@code suyuan.anchoring.lag} [{@code suyuan_anchoring_lag_seconds}]: how long the oldest of them has waited;
 *   <li>{@code suyuan.anchoring.leaf.age} [{@code suyuan_anchoring_leaf_age_seconds}]: for every anchored leaf, the
 *       time from its event's recording to the ledger's confirmation (p50, p95 and a histogram);
 *   <li>{@code suyuan.anchoring.anchor.leaves}: leaves per ledger transaction;
 *   <li>{@code suyuan.anchoring.anchors} (anchors confirmed), {@code suyuan.anchoring.failures} by {@code reason}
 *       (a {@code LedgerException.Reason}, or {@code DATABASE}), {@code suyuan.anchoring.conflicts};
 *   <li>{@code suyuan.anchoring.ledger.anchor}: how long one anchoring call to the ledger takes;
 *   <li>{@code suyuan.anchoring.ledger.replays} (registered in {@link AnchoringConfiguration}): anchors submitted
 *       again that the ledger already held, each an extra Fabric transaction that stored nothing.
 * </ul>
 *
 * <p>The backlog gauges read the database at most once a second, on whichever instance is scraped.
 */
@Component
class AnchoringMetrics {

    private static final Duration BACKLOG_REFRESH = Duration.ofSeconds(1);

    private final MeterRegistry registry;
    private final AnchorOutbox outbox;
    private final Clock clock;
    private final Timer leafAge;
    private final DistributionSummary leavesPerAnchor;
    private final Counter anchors;
    private final Counter conflicts;
    private final Timer ledgerCalls;
    private final Timer prepares;
    private Backlog backlog = Backlog.EMPTY;
    private Instant backlogReadAt = Instant.EPOCH;

    @Autowired
    AnchoringMetrics(MeterRegistry registry, AnchorOutbox outbox) {
        this(registry, outbox, Clock.systemUTC());
    }

    AnchoringMetrics(MeterRegistry registry, AnchorOutbox outbox, Clock clock) {
        this.registry = registry;
        this.outbox = outbox;
        this.clock = clock;
        Gauge.builder(
                        "suyuan.anchoring.pending.leaves",
                        this,
                        metrics -> metrics.backlog().leaves())
                .description("Recorded events whose hash is not anchored on the ledger yet")
                .register(registry);
        TimeGauge.builder(
                        "suyuan.anchoring.lag",
                        this,
                        TimeUnit.MILLISECONDS,
                        metrics -> metrics.oldestWait().toMillis())
                .description("How long the oldest event not anchored yet has waited")
                .register(registry);
        this.leafAge = Timer.builder("suyuan.anchoring.leaf.age")
                .description("Time from recording an event to the ledger confirming its anchor")
                .publishPercentiles(0.5, 0.95)
                .publishPercentileHistogram()
                .register(registry);
        this.leavesPerAnchor = DistributionSummary.builder("suyuan.anchoring.anchor.leaves")
                .description("Leaves per ledger transaction")
                .register(registry);
        this.anchors = Counter.builder("suyuan.anchoring.anchors")
                .description("Anchors the ledger confirmed")
                .register(registry);
        this.conflicts = Counter.builder("suyuan.anchoring.conflicts")
                .description("Anchors the ledger holds with different content: an operator must look")
                .register(registry);
        this.ledgerCalls = Timer.builder("suyuan.anchoring.ledger.anchor")
                .description("Duration of one anchoring call to the ledger, failed ones included")
                .register(registry);
        this.prepares = Timer.builder("suyuan.anchoring.prepare")
                .description("Duration of preparing one window: reading its leaves, building the tree, storing the"
                        + " anchor and claiming the leaves")
                .register(registry);
    }

    /** The leaves not anchored yet, read from the database at most once a second. */
    synchronized Backlog backlog() {
        Instant now = clock.instant();
        if (Duration.between(backlogReadAt, now).compareTo(BACKLOG_REFRESH) >= 0) {
            backlog = outbox.backlog();
            backlogReadAt = now;
        }
        return backlog;
    }

    Duration oldestWait() {
        Instant oldest = backlog().oldestCreatedAt();
        if (oldest == null) {
            return Duration.ZERO;
        }
        Duration wait = Duration.between(oldest, clock.instant());
        return wait.isNegative() ? Duration.ZERO : wait;
    }

    void anchored(long leafCount, List<Instant> leafCreatedTimes, Instant confirmedAt) {
        anchors.increment();
        leavesPerAnchor.record(leafCount);
        for (Instant created : leafCreatedTimes) {
            Duration age = Duration.between(created, confirmedAt);
            leafAge.record(age.isNegative() ? Duration.ZERO : age);
        }
    }

    void failed(String reason) {
        registry.counter("suyuan.anchoring.failures", "reason", reason).increment();
    }

    void conflicted() {
        conflicts.increment();
        failed("CONFLICT");
    }

    Timer ledgerCalls() {
        return ledgerCalls;
    }

    Timer prepares() {
        return prepares;
    }
}
