package org.suyuan.anchoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.suyuan.anchoring.AnchoringWorker.Step;
import org.suyuan.db.anchoring.Anchor;
import org.suyuan.db.anchoring.AnchorOutbox;
import org.suyuan.db.anchoring.AnchorRepository;
import org.suyuan.db.anchoring.AnchoringLease;
import org.suyuan.ledger.AnchorReceipt;
import org.suyuan.ledger.Ledger;
import org.suyuan.ledger.RecordHash;
import org.suyuan.ledger.embedded.EmbeddedLedger;

/**
 * Several instances' workers against one database while events keep arriving: each leaf is anchored once, and
 * the anchors stay one linear chain, on the database and on the (embedded) ledger. The first test takes the lease
 * out of the picture, so the workers really race for the same windows and only the database keys keep order.
 */
@SpringBootTest(
        properties = {
            "suyuan.anchoring.enabled=false",
            "spring.datasource.url=jdbc:h2:mem:anchoring-concurrent;MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
                    + "NON_KEYWORDS=VALUE;DB_CLOSE_DELAY=-1"
        })
@ActiveProfiles("test")
@DirtiesContext
class ConcurrentAnchoringTests {

    private static final int WORKERS = 3;
    private static final Duration WRITING = Duration.ofSeconds(3);

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AnchorOutbox outbox;

    @Autowired
    AnchoringLease lease;

    @Autowired
    AnchorRepository anchors;

    @Autowired
    Ledger ledger;

    @Autowired
    PlatformTransactionManager transactionManager;

    long batch;

    @BeforeEach
    void emptyOutbox() {
        OutboxFixtures.clear(jdbc);
        batch = OutboxFixtures.newBatch(jdbc);
    }

    @Test
    void workersRacingWithoutALeaseAnchorEveryLeafOnceInOneChain() throws Exception {
        AnchoringLease everyoneLeads = mock(AnchoringLease.class);
        when(everyoneLeads.tryAcquire(any(), any(), any())).thenReturn(true);
        List<AnchoringWorker> workers = new ArrayList<>();
        for (int index = 0; index < WORKERS; index++) {
            workers.add(worker("racer-" + index, everyoneLeads));
        }

        Map<Step, AtomicInteger> steps = runWhileWriting(workers);

        assertEveryLeafAnchoredOnceInOneChain();
        assertThat(steps.get(Step.ANCHORED).get()).isGreaterThan(1);
    }

    @Test
    void withTheLeaseOneWorkerAnchorsWhileTheOthersWait() throws Exception {
        List<AnchoringWorker> workers = new ArrayList<>();
        for (int index = 0; index < WORKERS; index++) {
            workers.add(worker("instance-" + index, lease));
        }

        Map<Step, AtomicInteger> steps = runWhileWriting(workers);

        assertEveryLeafAnchoredOnceInOneChain();
        assertThat(steps.get(Step.NOT_LEADER).get()).isPositive();
        assertThat(steps.getOrDefault(Step.LOST_RACE, new AtomicInteger()).get())
                .isZero();
    }

    /** Writes events for a while and lets every worker run concurrently until nothing is left. */
    private Map<Step, AtomicInteger> runWhileWriting(List<AnchoringWorker> workers) throws InterruptedException {
        AtomicBoolean writing = new AtomicBoolean(true);
        Map<Step, AtomicInteger> steps = new ConcurrentHashMap<>();
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        threads.add(new Thread(() -> {
            Instant end = Instant.now().plus(WRITING);
            try {
                while (Instant.now().isBefore(end)) {
                    OutboxFixtures.recordEvents(jdbc, outbox, batch, 7, Instant.now());
                }
            } catch (Throwable e) {
                failures.add(e);
            } finally {
                writing.set(false);
            }
        }));
        for (AnchoringWorker worker : workers) {
            threads.add(new Thread(() -> {
                try {
                    while (writing.get() || AnchoringAssertions.unanchoredLeaves(jdbc) > 0) {
                        steps.computeIfAbsent(worker.runOnce(), step -> new AtomicInteger())
                                .incrementAndGet();
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join(Duration.ofMinutes(2).toMillis());
        }
        assertThat(failures).isEmpty();
        return steps;
    }

    private void assertEveryLeafAnchoredOnceInOneChain() {
        assertThat(AnchoringAssertions.unanchoredLeaves(jdbc)).isZero();
        List<Anchor> chain = anchors.findAllByOrderBySequenceNumber();
        String previousRoot = null;
        long leaves = 0;
        for (int index = 0; index < chain.size(); index++) {
            Anchor anchor = chain.get(index);
            assertThat(anchor.getSequenceNumber()).isEqualTo(index + 1);
            assertThat(anchor.getPreviousRoot()).isEqualTo(previousRoot);
            AnchorReceipt onLedger =
                    ledger.find(new RecordHash(anchor.getRoot())).orElseThrow();
            assertThat(onLedger.request()).isEqualTo(AnchoringWorker.requestOf(anchor));
            assertThat(jdbc.queryForObject(
                            "SELECT COUNT(*) FROM anchor_leaf WHERE anchor_id = ?", Long.class, anchor.getId()))
                    .isEqualTo(anchor.getLeafCount());
            previousRoot = anchor.getRoot();
            leaves += anchor.getLeafCount();
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM anchor_leaf", Long.class))
                .isEqualTo(leaves);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ledger_anchor", Long.class))
                .isEqualTo(chain.size());
        assertThat(((EmbeddedLedger) ledger).verifyLog().intact()).isTrue();
    }

    private AnchoringWorker worker(String holder, AnchoringLease workerLease) {
        AnchoringProperties properties = new AnchoringProperties(
                false,
                25,
                Duration.ZERO,
                3,
                Duration.ofMillis(10),
                Duration.ofSeconds(60),
                new AnchoringProperties.Retry(Duration.ofMillis(10), Duration.ofMillis(100), Duration.ofMillis(50)));
        return new AnchoringWorker(
                anchors,
                outbox,
                workerLease,
                ledger,
                transactionManager,
                properties,
                new AnchoringMetrics(new SimpleMeterRegistry(), outbox),
                Clock.systemUTC(),
                holder,
                // Real threads: several anchors of each worker are on their way at once while the others race.
                java.util.concurrent.Executors.newFixedThreadPool(3));
    }
}
