package org.suyuan.anchoring;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Events recorded at a steady pace in the background, one batch after another, as a cooperative's phones keep
 * writing whatever the ledger does. Every write must succeed: recording never waits for the ledger.
 */
final class SteadyTraffic implements AutoCloseable {

    private final ArchiveTraffic traffic;
    private final List<ArchiveTraffic.Target> targets;
    private final List<ArchiveTraffic.Recorded> recorded = Collections.synchronizedList(new ArrayList<>());
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    private final ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "steady-traffic");
        thread.setDaemon(true);
        return thread;
    });
    private int next;

    private SteadyTraffic(ArchiveTraffic traffic, List<ArchiveTraffic.Target> targets) {
        this.traffic = traffic;
        this.targets = List.copyOf(targets);
    }

    /** Starts writing one event every {@code interval}. */
    static SteadyTraffic start(ArchiveTraffic traffic, List<ArchiveTraffic.Target> targets, Duration interval) {
        SteadyTraffic steady = new SteadyTraffic(traffic, targets);
        steady.writer.scheduleAtFixedRate(steady::writeOne, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        return steady;
    }

    private void writeOne() {
        ArchiveTraffic.Target target = targets.get(next++ % targets.size());
        try {
            recorded.add(traffic.recordEvent(target));
        } catch (RuntimeException e) {
            failures.add(e.getMessage());
        }
    }

    /** The newest event id recorded so far, 0 before the first. */
    long lastEventId() {
        synchronized (recorded) {
            return recorded.stream()
                    .mapToLong(ArchiveTraffic.Recorded::eventId)
                    .max()
                    .orElse(0);
        }
    }

    List<ArchiveTraffic.Recorded> recorded() {
        synchronized (recorded) {
            return List.copyOf(recorded);
        }
    }

    List<String> failures() {
        synchronized (failures) {
            return List.copyOf(failures);
        }
    }

    /** Stops writing and waits for the write in progress. */
    @Override
    public void close() {
        writer.shutdown();
        try {
            writer.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
