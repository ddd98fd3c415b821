package org.suyuan.anchoring;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;
import org.suyuan.db.anchoring.AnchorRepository;
import org.suyuan.db.anchoring.AnchorState;
import org.suyuan.db.anchoring.Backlog;
import org.suyuan.ledger.Ledger;
import org.suyuan.ledger.RecordHash;
import org.suyuan.ledger.embedded.EmbeddedLedger;
import org.suyuan.ledger.embedded.LogVerification;

/**
 * {@code /actuator/health} component {@code ledger}: whether the ledger can be used, with the anchoring backlog as
 * details.
 *
 * <p>The status reflects the ledger alone. The embedded ledger is UP while its hash-chained log verifies (re-checked
 * at most once a minute, since it reads the whole log) and DOWN when it does not: the anchors themselves are
 * damaged. Fabric is UP when it answers a cheap query (the lookup of a root nobody anchors) within a few seconds,
 * and {@value #DEGRADED} when it does not, or when the worker's last attempt to anchor failed (part of the network
 * is down: another organisation's peer or contract, the orderer). Either way the service still records and serves
 * everything, new records stay pending and are anchored when the network is back, so {@code DEGRADED} answers HTTP 200 (application.yml) and an
 * outage of the network never makes a load balancer or an orchestrator pull every instance. A backlog or a halted
 * worker never changes the status either; the details and the {@code suyuan.anchoring.*} metrics report them.
 * Readiness ({@code /actuator/health/readiness}) leaves this component out altogether.
 */
@Component
class LedgerHealthIndicator extends AbstractHealthIndicator implements DisposableBean {

    /** The ledger cannot be reached: anchoring waits, everything else works. */
    static final String DEGRADED = "DEGRADED";

    private static final RecordHash PROBE_ROOT =
            RecordHash.sha256("suyuan ledger health probe".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(3);
    private static final Duration LOG_VERIFICATION_VALIDITY = Duration.ofMinutes(1);

    private final Ledger ledger;
    private final AnchorRepository anchors;
    private final AnchoringMetrics metrics;
    private final Clock clock = Clock.systemUTC();
    private final ExecutorService probes = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "ledger-health-probe");
        thread.setDaemon(true);
        return thread;
    });
    private LogVerification lastVerification;
    private Instant lastVerifiedAt = Instant.EPOCH;

    LedgerHealthIndicator(Ledger ledger, AnchorRepository anchors, AnchoringMetrics metrics) {
        super("Ledger health check failed");
        this.ledger = ledger;
        this.anchors = anchors;
        this.metrics = metrics;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        builder.withDetail("kind", ledger.kind());
        if (ledger instanceof EmbeddedLedger embedded) {
            checkLog(embedded, builder);
        } else {
            probe(builder);
        }
        Backlog backlog = metrics.backlog();
        builder.withDetail("pendingLeaves", backlog.leaves());
        builder.withDetail("oldestPendingSeconds", metrics.oldestWait().toSeconds());
        anchors.findFirstByStateOrderBySequenceNumberDesc(AnchorState.ANCHORED).ifPresent(last -> {
            builder.withDetail("lastAnchorSequenceNumber", last.getSequenceNumber());
            builder.withDetail("lastAnchoredAt", last.getAnchoredAt().toString());
        });
        anchors.findFirstByOrderBySequenceNumberDesc()
                .filter(head -> head.getState() == AnchorState.PREPARED && head.getAttempts() > 0)
                .filter(retrying -> !Status.DOWN.equals(builder.build().getStatus()))
                .ifPresent(retrying -> builder.status(DEGRADED)
                        .withDetail(
                                "anchoring",
                                "retrying anchor " + retrying.getSequenceNumber() + " after " + retrying.getAttempts()
                                        + " failed attempts")
                        .withDetail("lastError", String.valueOf(retrying.getLastError())));
        long failed = anchors.countByState(AnchorState.FAILED);
        if (failed > 0) {
            builder.withDetail("failedAnchors", failed);
            builder.withDetail("anchoring", "halted: an anchor conflicts with the ledger; see the anchor table");
        }
    }

    private synchronized void checkLog(EmbeddedLedger embedded, Health.Builder builder) {
        Instant now = clock.instant();
        if (lastVerification == null
                || Duration.between(lastVerifiedAt, now).compareTo(LOG_VERIFICATION_VALIDITY) >= 0) {
            lastVerification = embedded.verifyLog();
            lastVerifiedAt = now;
        }
        builder.withDetail("logEntriesChecked", lastVerification.entriesChecked());
        lastVerification
                .firstBrokenEntry()
                .ifPresentOrElse(
                        broken -> builder.down()
                                .withDetail("brokenEntry", broken.sequenceNumber())
                                .withDetail("problem", broken.problem()),
                        builder::up);
    }

    private void probe(Health.Builder builder) {
        CompletableFuture<?> lookup = CompletableFuture.runAsync(() -> ledger.find(PROBE_ROOT), probes);
        try {
            lookup.get(PROBE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            builder.up();
        } catch (TimeoutException e) {
            lookup.cancel(true);
            builder.status(DEGRADED).withDetail("error", "no answer within " + PROBE_TIMEOUT.toSeconds() + " s");
        } catch (ExecutionException e) {
            builder.status(DEGRADED)
                    .withDetail("error", String.valueOf(e.getCause().getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            builder.status(DEGRADED).withDetail("error", "interrupted");
        }
    }

    @Override
    public void destroy() {
        probes.shutdownNow();
    }
}
