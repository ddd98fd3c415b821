package org.suyuan.anchoring;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the {@link AnchoringWorker} on a thread of its own while the application runs: one run after another while
 * there is work, a pause of {@code suyuan.anchoring.poll-interval} when there is none.
 *
 * <p>A dedicated thread rather than {@code @Scheduled}, because a run may wait a minute for the ledger and must not
 * hold up other scheduled tasks. A second thread renews the worker's lease every third of its duration, also while
 * a run waits for the ledger, so that the lease stays short and a dead instance is replaced quickly. It starts
 * after everything else and stops first, finishing the run in progress (the ledger's deadlines bound it), then
 * hands the lease to another instance.
 */
class AnchoringLoop implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AnchoringLoop.class);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final AnchoringWorker worker;
    private final AnchoringMetrics metrics;
    private final Duration pollInterval;
    private final Duration errorPause;
    private final Duration heartbeat;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wakeUp = lock.newCondition();
    private volatile boolean running;
    private boolean woken;
    private Thread thread;
    private ScheduledExecutorService heartbeats;

    AnchoringLoop(AnchoringWorker worker, AnchoringMetrics metrics, AnchoringProperties properties) {
        this.worker = worker;
        this.metrics = metrics;
        this.pollInterval = properties.pollInterval();
        this.errorPause = properties.retry().initialBackoff();
        this.heartbeat = properties.leaseDuration().dividedBy(3);
        worker.whenLedgerAnswers(this::wake);
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::loop, "anchoring-worker");
        thread.setDaemon(true);
        thread.start();
        heartbeats = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread heartbeatThread = new Thread(runnable, "anchoring-lease-heartbeat");
            heartbeatThread.setDaemon(true);
            return heartbeatThread;
        });
        heartbeats.scheduleWithFixedDelay(
                this::renewLease, heartbeat.toMillis(), heartbeat.toMillis(), TimeUnit.MILLISECONDS);
        log.info("Anchoring worker {} started", worker.holder());
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        heartbeats.shutdownNow();
        wake();
        try {
            thread.join(STOP_GRACE.toMillis());
            if (thread.isAlive()) {
                thread.interrupt();
                thread.join(STOP_GRACE.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            worker.finishInFlight(STOP_GRACE);
            worker.releaseLease();
        } catch (RuntimeException e) {
            log.warn("Could not release the anchoring lease; another instance takes over when it lapses", e);
        }
        log.info("Anchoring worker {} stopped", worker.holder());
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void loop() {
        while (running) {
            Duration pause;
            try {
                AnchoringWorker.Step step = worker.runOnce();
                // After an anchor or a submission, more may wait at once (a backlog drains window after window); an
                // answer from the ledger wakes the loop early.
                pause = step == AnchoringWorker.Step.ANCHORED || step == AnchoringWorker.Step.SUBMITTED
                        ? Duration.ZERO
                        : pollInterval;
            } catch (RuntimeException e) {
                // The database failed or is unreachable; the outbox keeps everything, so just try again later.
                metrics.failed("DATABASE");
                log.warn("Anchoring run failed; retrying in {}", errorPause, e);
                pause = errorPause;
            }
            if (!pause.isZero()) {
                sleep(pause);
            }
        }
    }

    private void renewLease() {
        try {
            worker.renewLease();
        } catch (RuntimeException e) {
            // The database is unreachable; the next run (or the next heartbeat) tries again.
            log.debug("Could not renew the anchoring lease", e);
        }
    }

    private void sleep(Duration pause) {
        lock.lock();
        try {
            // A wake-up that came while the loop was busy (a ledger answer) is not lost: the loop runs again at once.
            if (running && !woken) {
                wakeUp.await(pause.toNanos(), TimeUnit.NANOSECONDS);
            }
            woken = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        } finally {
            lock.unlock();
        }
    }

    private void wake() {
        lock.lock();
        try {
            woken = true;
            wakeUp.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
