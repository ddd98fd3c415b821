package org.suyuan.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.suyuan.TestClock;
import org.suyuan.archive.PersonalDataProtection;
import org.suyuan.db.code.IssuedCode;
import org.suyuan.db.verification.ScanAlert;
import org.suyuan.db.verification.ScanAlertRepository;

/**
 * The scan log writes off the request thread, yet counts every scan exactly once, written or still queued; it writes
 * what is queued when it stops, and writes on the caller's thread (counted) when its queue is full.
 */
class ScanLogTests {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    TestClock clock = new TestClock();
    JdbcTemplate jdbc;
    DataSourceTransactionManager transactions;
    ScanAlertRepository alerts = mock(ScanAlertRepository.class);
    PersonalDataProtection protection = mock(PersonalDataProtection.class);
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    List<ScanLog> started = new ArrayList<>();

    @BeforeEach
    void database() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource("jdbc:h2:mem:scan-log-"
                + DATABASES.incrementAndGet() + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("CREATE TABLE scan (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, code VARCHAR(20) NOT NULL,"
                + " batch_id BIGINT NOT NULL, scanned_at DATETIME(6) NOT NULL, network VARCHAR(32) NOT NULL)");
        transactions = new DataSourceTransactionManager(dataSource);
        when(protection.networkPseudonym(anyString())).thenAnswer(call -> "net-" + call.getArgument(0));
        when(alerts.save(any(ScanAlert.class))).thenAnswer(call -> call.getArgument(0));
    }

    @AfterEach
    void stop() {
        started.forEach(ScanLog::stop);
    }

    @Test
    void countsQueuedScansAndWritesThemLater() {
        ScanLog log = started(properties(10_000, Duration.ofHours(1)));
        IssuedCode code = IssuedCode.forBatch("BATCHCODE1", 1L, 7L, TestClock.START, "farmer");

        for (int scan = 1; scan <= 3; scan++) {
            assertThat(log.log(code, "198.51.100." + scan).scans().count()).isEqualTo(scan);
        }
        assertThat(rows("BATCHCODE1"))
                .as("nothing written on the request thread")
                .isZero();

        assertThat(log.flush()).isEqualTo(3);
        assertThat(rows("BATCHCODE1")).isEqualTo(3);
        ScanLog.Logged fourth = log.log(code, "198.51.100.9");
        assertThat(fourth.scans().count()).as("written and queued, each once").isEqualTo(4);
        assertThat(fourth.scans().firstScannedAt()).isEqualTo(TestClock.START);
        assertThat(registry.get("suyuan.scans.log.overflow").counter().count()).isZero();
    }

    @Test
    void writesWhatIsQueuedWhenItStops() {
        ScanLog log = started(properties(10_000, Duration.ofHours(1)));
        IssuedCode code = IssuedCode.forBatch("BATCHCODE2", 1L, 7L, TestClock.START, "farmer");
        for (int scan = 0; scan < 5; scan++) {
            log.log(code, "203.0.113.1");
        }

        log.stop();

        assertThat(rows("BATCHCODE2")).isEqualTo(5);
        assertThat(log.log(code, "203.0.113.1").scans().count())
                .as("after stopping, a scan is written at once")
                .isEqualTo(6);
        assertThat(rows("BATCHCODE2")).isEqualTo(6);
    }

    @Test
    void writesOnTheRequestThreadWhenTheQueueIsFullAndCountsIt() {
        ScanLog log = started(properties(2, Duration.ofHours(1)));
        IssuedCode code = IssuedCode.forBatch("BATCHCODE3", 1L, 7L, TestClock.START, "farmer");

        for (int scan = 1; scan <= 5; scan++) {
            assertThat(log.log(code, "203.0.113.1").scans().count()).isEqualTo(scan);
        }

        assertThat(rows("BATCHCODE3")).as("the three that did not fit").isEqualTo(3);
        assertThat(registry.get("suyuan.scans.log.overflow").counter().count()).isEqualTo(3);
        log.flush();
        assertThat(rows("BATCHCODE3")).isEqualTo(5);
    }

    @Test
    void aSerialIsJudgedOnWrittenAndQueuedScansTogether() {
        ScanLog log = started(properties(10_000, Duration.ofHours(1)));
        IssuedCode serial = IssuedCode.forItem("SERIALCODE", 1L, 7L, 1, TestClock.START, "farmer");

        log.log(serial, "198.51.1.1");
        log.log(serial, "198.51.2.1");
        log.flush();
        log.log(serial, "198.51.3.1");
        ScanLog.Logged fourth = log.log(serial, "198.51.3.2");

        assertThat(fourth.suspicious())
                .as("four scans, three networks: under both limits")
                .isNull();
        ScanLog.Logged fifth = log.log(serial, "198.51.4.1");
        assertThat(fifth.suspicious()).isNotNull();
        assertThat(fifth.suspicious().scans()).isEqualTo(5);
        assertThat(fifth.suspicious().networks()).isEqualTo(4);
        verify(alerts, times(1)).save(any(ScanAlert.class));
    }

    @Test
    void scansCountedWhileTheFlusherRunsAreNeitherLostNorCountedTwice() throws Exception {
        ScanLog log = started(properties(10_000, Duration.ofMillis(1)));
        IssuedCode code = IssuedCode.forBatch("BATCHCODE4", 1L, 7L, TestClock.START, "farmer");
        int threads = 4;
        int perThread = 250;
        ExecutorService scanners = Executors.newFixedThreadPool(threads);
        List<Future<List<Long>>> counts = new ArrayList<>();
        for (int thread = 0; thread < threads; thread++) {
            counts.add(scanners.submit(() -> {
                List<Long> seen = new ArrayList<>();
                for (int scan = 0; scan < perThread; scan++) {
                    seen.add(log.log(code, "203.0.113.1").scans().count());
                }
                return seen;
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> count : counts) {
            List<Long> seen = count.get();
            for (int index = 1; index < seen.size(); index++) {
                assertThat(seen.get(index)).as("one thread's counts only grow").isGreaterThan(seen.get(index - 1));
            }
            all.addAll(seen);
        }
        scanners.shutdown();

        assertThat(all).allSatisfy(count -> assertThat(count).isBetween(1L, (long) threads * perThread));
        assertThat(log.log(code, "203.0.113.1").scans().count()).isEqualTo((long) threads * perThread + 1);
        log.stop();
        assertThat(rows("BATCHCODE4")).isEqualTo(threads * perThread + 1);
        verify(alerts, never()).save(any(ScanAlert.class));
    }

    private ScanLog started(VerificationProperties properties) {
        ScanLog log = new ScanLog(jdbc, transactions, alerts, protection, properties, clock, registry);
        log.start();
        started.add(log);
        return log;
    }

    /** Four scans of a serial, or four networks, in a day are still one item; the flusher waits {@code flush}. */
    private static VerificationProperties properties(int capacity, Duration flush) {
        return new VerificationProperties(Duration.ofHours(24), 4, 4, "-", capacity, flush, 1000);
    }

    private long rows(String code) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM scan WHERE code = ?", Long.class, code);
    }
}
