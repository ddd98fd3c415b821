package org.suyuan.verification;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.suyuan.archive.PersonalDataProtection;
import org.suyuan.db.code.CodeKind;
import org.suyuan.db.code.IssuedCode;
import org.suyuan.db.verification.ScanAlert;
import org.suyuan.db.verification.ScanAlertRepository;
import org.suyuan.web.ClientNetworks;

/**
 * Records scans and tells a copied label from an item. Only a keyed pseudonym of the client's coarse network is
 * stored (个人信息保护法: the address itself is never written); it is enough to count "how many places".
 *
 * <p>Scans are written off the request thread: a scan joins a bounded queue that a flusher writes in batches, one
 * transaction per batch, every {@code suyuan.verification.scan-log-flush-interval}; stopping the application writes
 * what is still queued. Counting a code's scans adds what is queued for it to what the table holds, so the page's
 * count and the copied-label check see every scan, written or not. A write (insert, commit, and forgetting the
 * scans as queued) is bracketed by a counter that is odd while it runs, and names the codes it writes. A count of a
 * code that a running write holds waits for it; a count that saw another write start, or one holding its code end,
 * while it read the table and the queue is taken again. So a scan is never counted twice (in the table and in the
 * queue) nor missed between the two, and counting a code waits only for a write of that code. When the queue is full (the database
 * cannot keep up) a scan is written on the request thread instead, never dropped, and counted in
 * {@code suyuan.scans.log.overflow}.
 */
@Component
class ScanLog implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ScanLog.class);
    private static final String INSERT = "INSERT INTO scan (code, batch_id, scanned_at, network) VALUES (?, ?, ?, ?)";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate inserts;
    private final ScanAlertRepository alerts;
    private final PersonalDataProtection protection;
    private final VerificationProperties properties;
    private final Clock clock;
    private final BlockingQueue<Queued> queue;
    /** Scans queued or being written, by code; each list is replaced whole, never changed in place. */
    private final Map<String, List<Queued>> unwritten = new ConcurrentHashMap<>();

    /** Held by whoever writes scans; a count that keeps overlapping writes takes it to read between two. */
    private final ReentrantLock writing = new ReentrantLock();
    /** Incremented as a write starts and as it ends: odd while one runs. */
    private final AtomicLong writes = new AtomicLong();
    /** The codes of the write that runs (set before {@link #writes} turns odd), or of the last one. */
    private volatile Set<String> codesBeingWritten = Set.of();
    /** Scans a failed flush took from the queue, written first next time; touched only under {@code this}. */
    private final List<Queued> retry = new ArrayList<>();

    private final Counter overflowed;
    private final Counter written;
    private ScheduledExecutorService flusher;
    private volatile boolean running;

    ScanLog(
            JdbcTemplate jdbc,
            PlatformTransactionManager transactions,
            ScanAlertRepository alerts,
            PersonalDataProtection protection,
            VerificationProperties properties,
            Clock clock,
            MeterRegistry registry) {
        this.jdbc = jdbc;
        this.inserts = new TransactionTemplate(transactions);
        this.alerts = alerts;
        this.protection = protection;
        this.properties = properties;
        this.clock = clock;
        this.queue = new ArrayBlockingQueue<>(properties.scanLogCapacity());
        this.overflowed = Counter.builder("suyuan.scans.log.overflow")
                .description("Scans written on the request thread because the scan log's queue was full")
                .register(registry);
        this.written = Counter.builder("suyuan.scans.log.written")
                .description("Scans the scan log wrote to the database")
                .register(registry);
        Gauge.builder("suyuan.scans.log.queued", queue, BlockingQueue::size)
                .description("Scans waiting to be written")
                .register(registry);
    }

    /** One scan not written yet. */
    private record Queued(String code, long batchId, Instant scannedAt, String network) {}

    /** What the log says about a code after this scan. */
    record Logged(Trace.Scans scans, Trace.Suspicious suspicious) {}

    /**
     * Logs one scan of a code and judges it. Only per-item serials can be SUSPICIOUS: a batch code is printed
     * on every box of the batch and is rightly scanned everywhere. The first scan over a threshold in a window
     * raises an alert for inspectors.
     *
     * @param clientAddress the client's IP address as the servlet container settled it (the socket's peer, or the
     *     client a trusted proxy named)
     */
    Logged log(IssuedCode code, String clientAddress) {
        Instant now = clock.instant();
        Queued scan = new Queued(
                code.getCode(), code.getBatchId(), now, protection.networkPseudonym(ClientNetworks.of(clientAddress)));
        boolean item = code.getKind() == CodeKind.ITEM;
        Instant windowStart = now.minus(properties.suspiciousWindow());
        Seen seen = seen(code.getCode(), item ? windowStart : null);
        enqueue(scan);

        Seen after = seen.with(scan);
        Trace.Scans counted = after.scans();
        if (!item) {
            return new Logged(counted, null);
        }
        Map<String, Long> window = after.windowNetworks();
        long windowScans = window.values().stream().mapToLong(Long::longValue).sum();
        boolean tooMany = windowScans > properties.suspiciousScans();
        boolean tooSpread = window.size() > properties.suspiciousNetworks();
        if (!tooMany && !tooSpread) {
            return new Logged(counted, null);
        }
        if (!alerts.existsByCodeAndRaisedAtGreaterThanEqual(code.getCode(), windowStart)) {
            alerts.save(new ScanAlert(
                    code.getCode(),
                    code.getBatchId(),
                    code.getOrganizationId(),
                    now,
                    windowStart,
                    (int) windowScans,
                    window.size(),
                    reason(windowScans, window.size(), tooMany)));
        }
        return new Logged(
                counted,
                new Trace.Suspicious(
                        windowScans,
                        window.size(),
                        properties.suspiciousWindow().toString()));
    }

    /**
     * A code's scans so far, written and queued.
     *
     * @param windowNetworks scans in the window by network pseudonym; empty when the window was not asked for
     */
    private record Seen(Trace.Scans scans, Map<String, Long> windowNetworks, Instant windowStart) {

        Seen with(Queued scan) {
            Map<String, Long> networks = new HashMap<>(windowNetworks);
            if (windowStart != null && !scan.scannedAt().isBefore(windowStart)) {
                networks.merge(scan.network(), 1L, Long::sum);
            }
            Instant first = scans.firstScannedAt() == null || scan.scannedAt().isBefore(scans.firstScannedAt())
                    ? scan.scannedAt()
                    : scans.firstScannedAt();
            return new Seen(new Trace.Scans(scans.count() + 1, first), networks, windowStart);
        }
    }

    /** @param windowStart where the copied-label window starts, or null when it does not matter (a batch code) */
    private Seen seen(String code, Instant windowStart) {
        for (int attempt = 0; attempt < 3; attempt++) {
            long before = writes.get();
            // Only a write of this code's scans can make the table and the queue disagree about them.
            boolean busy = before % 2 == 1 && codesBeingWritten.contains(code);
            if (busy) {
                break;
            }
            Seen seen = count(code, windowStart);
            long after = writes.get();
            if (after == before || (before % 2 == 1 && after == before + 1)) {
                return seen;
            }
        }
        writing.lock();
        try {
            return count(code, windowStart);
        } finally {
            writing.unlock();
        }
    }

    /** Counts the table and the queue; right only if no write started or ended meanwhile. */
    private Seen count(String code, Instant windowStart) {
        long count = 0;
        Instant first = null;
        Map<String, Long> networks = new HashMap<>();
        for (Queued queued : unwritten.getOrDefault(code, List.of())) {
            count++;
            first = first == null || queued.scannedAt().isBefore(first) ? queued.scannedAt() : first;
            if (windowStart != null && !queued.scannedAt().isBefore(windowStart)) {
                networks.merge(queued.network(), 1L, Long::sum);
            }
        }
        Trace.Scans stored = jdbc.queryForObject(
                "SELECT COUNT(*), MIN(scanned_at) FROM scan WHERE code = ?",
                (row, number) -> new Trace.Scans(row.getLong(1), instant(row.getObject(2, LocalDateTime.class))),
                code);
        count += stored.count();
        if (stored.firstScannedAt() != null
                && (first == null || stored.firstScannedAt().isBefore(first))) {
            first = stored.firstScannedAt();
        }
        if (windowStart != null) {
            jdbc.query(
                    "SELECT network, COUNT(*) FROM scan WHERE code = ? AND scanned_at >= ? GROUP BY network",
                    row -> {
                        networks.merge(row.getString(1), row.getLong(2), Long::sum);
                    },
                    code,
                    utc(windowStart));
        }
        return new Seen(new Trace.Scans(count, first), networks, windowStart);
    }

    private void enqueue(Queued scan) {
        unwritten.compute(scan.code(), (code, queued) -> appended(queued, scan));
        if (running) {
            if (queue.offer(scan)) {
                return;
            }
            overflowed.increment();
        }
        // The queue is full, or the flusher is not running (before start, after stop): written here, never lost.
        write(List.of(scan));
    }

    /**
     * Writes what is queued, in batches of at most {@code suyuan.verification.scan-log-batch-size}, until the
     * queue is empty; what fails stays for the next flush.
     *
     * @return how many scans were written
     */
    synchronized int flush() {
        int total = 0;
        while (true) {
            List<Queued> batch = new ArrayList<>(retry);
            retry.clear();
            queue.drainTo(batch, Math.max(0, properties.scanLogBatchSize() - batch.size()));
            if (batch.isEmpty()) {
                return total;
            }
            try {
                write(batch);
            } catch (RuntimeException e) {
                retry.addAll(batch);
                log.warn("Could not write {} scans; trying again at the next flush", batch.size(), e);
                return total;
            }
            total += batch.size();
        }
    }

    /** Inserts scans in one transaction, then forgets them as queued, between two steps of {@link #writes}. */
    private void write(List<Queued> scans) {
        writing.lock();
        codesBeingWritten = scans.stream().map(Queued::code).collect(Collectors.toUnmodifiableSet());
        writes.incrementAndGet();
        try {
            inserts.executeWithoutResult(status -> jdbc.batchUpdate(INSERT, scans, scans.size(), (statement, scan) -> {
                statement.setString(1, scan.code());
                statement.setLong(2, scan.batchId());
                statement.setObject(3, utc(scan.scannedAt()));
                statement.setString(4, scan.network());
            }));
            scans.forEach(scan -> unwritten.computeIfPresent(scan.code(), (code, queued) -> removed(queued, scan)));
        } finally {
            writes.incrementAndGet();
            writing.unlock();
        }
        written.increment(scans.size());
    }

    private static List<Queued> appended(List<Queued> queued, Queued scan) {
        if (queued == null) {
            return List.of(scan);
        }
        List<Queued> longer = new ArrayList<>(queued.size() + 1);
        longer.addAll(queued);
        longer.add(scan);
        return List.copyOf(longer);
    }

    /** The list without one occurrence of the scan; null (the code forgotten) when none is left. */
    private static List<Queued> removed(List<Queued> queued, Queued scan) {
        List<Queued> shorter = new ArrayList<>(queued);
        shorter.remove(scan);
        return shorter.isEmpty() ? null : List.copyOf(shorter);
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        flusher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "scan-log-flusher");
            thread.setDaemon(true);
            return thread;
        });
        long interval = properties.scanLogFlushInterval().toMillis();
        flusher.scheduleWithFixedDelay(this::flushQuietly, interval, interval, TimeUnit.MILLISECONDS);
        running = true;
    }

    /** Stops taking scans into the queue and writes everything still in it before the database goes away. */
    @Override
    public void stop() {
        ScheduledExecutorService stopping;
        synchronized (this) {
            if (!running) {
                return;
            }
            running = false;
            stopping = flusher;
        }
        stopping.shutdown();
        try {
            stopping.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        int left = flush();
        if (!retry.isEmpty()) {
            log.error("{} scans could not be written before shutdown and are lost", retry.size());
        } else if (left > 0) {
            log.info("Wrote {} queued scans on shutdown", left);
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * Starts before the web server takes requests and stops after it stopped taking them (its lifecycle's phase is
     * {@code DEFAULT_PHASE - 2048}; lower phases stop later), before the connection pool closes.
     */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            log.warn("Scan log flush failed", e);
        }
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(LocalDateTime utc) {
        return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
    }

    private String reason(long scans, long networks, boolean tooMany) {
        String span = properties.suspiciousWindow().toHours() + " 小时内";
        return tooMany
                ? span + "被扫描 " + scans + " 次（上限 " + properties.suspiciousScans() + " 次）：标签可能被复制。"
                : span + "在 " + networks + " 个不同网络被扫描（上限 " + properties.suspiciousNetworks() + " 个）：标签可能被复制。";
    }
}
