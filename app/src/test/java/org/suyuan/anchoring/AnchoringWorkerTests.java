package org.suyuan.anchoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.suyuan.anchoring.AnchoringWorker.Step;
import org.suyuan.db.anchoring.Anchor;
import org.suyuan.db.anchoring.AnchorLeafRepository;
import org.suyuan.db.anchoring.AnchorOutbox;
import org.suyuan.db.anchoring.AnchorRepository;
import org.suyuan.db.anchoring.AnchorState;
import org.suyuan.db.anchoring.AnchoringLease;
import org.suyuan.ledger.AnchorRequest;
import org.suyuan.ledger.LedgerException;
import org.suyuan.ledger.RecordHash;

/**
 * The worker's decisions, one run at a time, against the real schema (H2) and a ledger in memory: windows, the
 * chain, crash recovery, back-off, conflicts and the lease.
 */
@SpringBootTest(
        properties = {
            "suyuan.anchoring.enabled=false",
            "spring.datasource.url=jdbc:h2:mem:anchoring-worker;MODE=MySQL;DATABASE_TO_LOWER=TRUE;NON_KEYWORDS=VALUE;"
                    + "DB_CLOSE_DELAY=-1"
        })
@ActiveProfiles("test")
class AnchoringWorkerTests {

    private static final Instant START = Instant.parse("2026-06-30T08:00:00Z");

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AnchorOutbox outbox;

    @Autowired
    AnchoringLease lease;

    @Autowired
    AnchorRepository anchors;

    @Autowired
    AnchorLeafRepository leaves;

    @Autowired
    PlatformTransactionManager transactionManager;

    final MutableClock clock = new MutableClock(START);
    final FakeLedger ledger = new FakeLedger();
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    long batch;

    @BeforeEach
    void emptyOutbox() {
        OutboxFixtures.clear(jdbc);
        batch = OutboxFixtures.newBatch(jdbc);
    }

    @Test
    void waitsUntilTheOldestLeafHasWaitedTheWholeWindow() {
        AnchoringWorker worker = worker("a", 100);
        record(3);

        assertThat(worker.runOnce()).isEqualTo(Step.WAITING_FOR_WINDOW);
        clock.advance(Duration.ofMillis(1_999));
        assertThat(worker.runOnce()).isEqualTo(Step.WAITING_FOR_WINDOW);
        clock.advance(Duration.ofMillis(1));
        assertThat(worker.runOnce()).isEqualTo(Step.ANCHORED);

        assertThat(ledger.requests())
                .singleElement()
                .satisfies(request -> assertThat(request.leafCount()).isEqualTo(3));
        assertThat(worker.runOnce()).isEqualTo(Step.IDLE);
    }

    @Test
    void anchorsAFullWindowAtOnceAndLeavesTheRestForTheNext() {
        AnchoringWorker worker = worker("a", 4);
        List<Long> events = record(6);

        assertThat(worker.runOnce()).isEqualTo(Step.ANCHORED);
        assertThat(worker.runOnce()).isEqualTo(Step.WAITING_FOR_WINDOW);

        assertThat(ledger.requests())
                .singleElement()
                .satisfies(request -> assertThat(request.leafCount()).isEqualTo(4));
        assertThat(events.subList(0, 4))
                .allSatisfy(event -> assertThat(
                                leaves.findByEventId(event).orElseThrow().getLeafIndex())
                        .isNotNull());
        assertThat(leaves.findByEventId(events.get(4)).orElseThrow().getAnchorId())
                .isNull();
    }

    @Test
    void chainsEveryAnchorToTheRootBeforeIt() {
        AnchoringWorker worker = worker("a", 2);
        record(6);

        drain(worker);

        List<Anchor> chain = anchors.findAllByOrderBySequenceNumber();
        assertThat(chain).extracting(Anchor::getSequenceNumber).containsExactly(1L, 2L, 3L);
        assertThat(chain.get(0).getPreviousRoot()).isNull();
        assertThat(chain.get(1).getPreviousRoot()).isEqualTo(chain.get(0).getRoot());
        assertThat(chain.get(2).getPreviousRoot()).isEqualTo(chain.get(1).getRoot());
        assertThat(chain).allSatisfy(anchor -> assertThat(anchor.getState()).isEqualTo(AnchorState.ANCHORED));
        assertThat(ledger.requests())
                .extracting(
                        request -> request.previousRoot().map(RecordHash::hex).orElse(null))
                .containsExactly(null, chain.get(0).getRoot(), chain.get(1).getRoot());
    }

    @Test
    void storesForEveryEventAProofThatTheLedgersRootConfirms() {
        AnchoringWorker worker = worker("a", 8);
        List<Long> events = record(13);

        drain(worker);

        AnchoringService service = new AnchoringService(
                leaves,
                anchors,
                outbox,
                new RootConfirmations(ledger),
                new LedgerProperties(LedgerProperties.Type.EMBEDDED, "suyuan", null));
        for (Long event : events) {
            EventAnchoring.Anchored anchored = service.proven(
                    (EventAnchoring.Anchored) service.anchoringOf(event).orElseThrow());
            assertThat(anchored.isConfirmedBy(
                            service.findOnLedger(anchored.root()).orElseThrow()))
                    .isTrue();
            assertThat(anchored.transactionId()).startsWith("tx-");
        }
    }

    @Test
    void recordsAnAnchorTheLedgerAlreadyHoldsWithoutSubmittingItAgainAfterDyingBetweenLedgerAndDatabase() {
        AnchoringWorker dying = worker("a", 10);
        dying.afterSubmit(receipt -> {
            throw new IllegalStateException("the process died here");
        });
        record(10);

        assertThatThrownBy(dying::runOnce).hasMessageContaining("died");
        Anchor prepared = anchors.findFirstByOrderBySequenceNumberDesc().orElseThrow();
        assertThat(prepared.getState()).isEqualTo(AnchorState.PREPARED);
        assertThat(ledger.anchorCount()).isEqualTo(1);

        dying.releaseLease();
        AnchoringWorker restarted = worker("b", 10);
        assertThat(restarted.runOnce()).isEqualTo(Step.ANCHORED);

        assertThat(ledger.requests())
                .as("no second transaction for an anchor the ledger holds")
                .hasSize(1);
        Anchor anchored = anchors.findById(prepared.getId()).orElseThrow();
        assertThat(anchored.getState()).isEqualTo(AnchorState.ANCHORED);
        assertThat(anchored.getTransactionId()).isEqualTo("tx-1");
        assertThat(anchors.count()).isEqualTo(1);
    }

    @Test
    void resubmitsThePreparedAnchorUnchangedWhenTheLedgerNeverGotIt() {
        AnchoringWorker dying = worker("a", 10);
        record(10);
        ledger.failNext(LedgerException.unavailable("connection lost before the orderer had it", null, null));

        assertThat(dying.runOnce()).isEqualTo(Step.RETRY_LATER);
        dying.releaseLease();
        clock.advance(Duration.ofSeconds(1));
        AnchoringWorker restarted = worker("b", 10);
        assertThat(restarted.runOnce()).isEqualTo(Step.ANCHORED);

        assertThat(ledger.requests())
                .hasSize(2)
                .allMatch(request -> request.equals(ledger.requests().get(0)));
        assertThat(ledger.anchorCount()).isEqualTo(1);
    }

    @Test
    void retriesWithAGrowingBackOffWhileTheLedgerIsUnreachable() {
        AnchoringWorker worker = worker("a", 5);
        record(5);
        ledger.goOffline();

        assertThat(worker.runOnce()).isEqualTo(Step.RETRY_LATER);
        assertThat(worker.runOnce()).as("the probe fails too").isEqualTo(Step.BACKING_OFF);
        clock.advance(Duration.ofSeconds(1));
        assertThat(worker.runOnce()).isEqualTo(Step.RETRY_LATER);
        clock.advance(Duration.ofSeconds(1));
        assertThat(worker.runOnce()).as("1 of 2 seconds").isEqualTo(Step.BACKING_OFF);
        clock.advance(Duration.ofSeconds(1));
        assertThat(worker.runOnce()).isEqualTo(Step.RETRY_LATER);

        Anchor anchor = anchors.findFirstByOrderBySequenceNumberDesc().orElseThrow();
        assertThat(anchor.getAttempts()).isEqualTo(3);
        assertThat(anchor.getNextAttemptAt()).isEqualTo(clock.instant().plusSeconds(4));
        assertThat(registry.counter("suyuan.anchoring.failures", "reason", "UNAVAILABLE")
                        .count())
                .isEqualTo(3);
    }

    @Test
    void submitsAsSoonAsAProbeFindsTheLedgerBackInsteadOfWaitingOutTheBackOff() {
        AnchoringWorker worker = worker("a", 5);
        record(5);
        ledger.goOffline();
        for (int failure = 0; failure < 4; failure++) {
            worker.runOnce();
            clock.advance(Duration.ofSeconds(8));
        }
        assertThat(worker.runOnce()).isEqualTo(Step.RETRY_LATER);
        Anchor backingOff = anchors.findFirstByOrderBySequenceNumberDesc().orElseThrow();
        assertThat(backingOff.getNextAttemptAt()).isEqualTo(clock.instant().plusSeconds(8));

        ledger.comeBackOnline();
        clock.advance(Duration.ofMillis(400));
        assertThat(worker.runOnce()).as("the next probe is not due yet").isEqualTo(Step.BACKING_OFF);
        clock.advance(Duration.ofMillis(100));
        assertThat(worker.runOnce()).isEqualTo(Step.ANCHORED);

        assertThat(anchors.findById(backingOff.getId()).orElseThrow().getState())
                .isEqualTo(AnchorState.ANCHORED);
        assertThat(ledger.anchorCount()).isEqualTo(1);
    }

    @Test
    void findsACommitWhoseAnswerWasLostWithoutSendingItAgain() {
        AnchoringWorker worker = worker("a", 5);
        record(5);
        ledger.storeThenFailNext(LedgerException.unavailable("connection lost after submit", "tx-x", null));

        assertThat(worker.runOnce()).isEqualTo(Step.RETRY_LATER);
        clock.advance(Duration.ofMillis(500));
        assertThat(worker.runOnce()).as("the next probe finds it").isEqualTo(Step.ANCHORED);

        assertThat(ledger.requests()).hasSize(1);
        assertThat(anchors.findFirstByOrderBySequenceNumberDesc().orElseThrow().getTransactionId())
                .isEqualTo("tx-1");
    }

    @Test
    void aHeartbeatKeepsTheLeaseWhileARunWaitsAndOnlyTheHolderRenewsIt() {
        AnchoringWorker first = worker("a", 1);
        AnchoringWorker second = worker("b", 1);
        record(1);
        assertThat(first.runOnce()).isEqualTo(Step.ANCHORED);

        clock.advance(Duration.ofSeconds(50));
        first.renewLease();
        second.renewLease();
        clock.advance(Duration.ofSeconds(50));

        assertThat(second.runOnce()).as("the lease was renewed 50 s ago").isEqualTo(Step.NOT_LEADER);
        clock.advance(Duration.ofSeconds(11));
        assertThat(second.runOnce()).isEqualTo(Step.IDLE);
    }

    @Test
    void aConflictingAnchorFailsCountsAndHaltsAnchoring() {
        AnchoringWorker worker = worker("a", 3);
        record(3);
        // Someone anchored the same leaves under the same root with another window.
        AnchorPlan plan = AnchorPlan.of(1, Optional.empty(), outbox.findPending(3));
        ledger.store(new AnchorRequest(
                plan.root(), 3, Optional.empty(), plan.windowStart().minusSeconds(60), plan.windowEnd()));

        assertThat(worker.runOnce()).isEqualTo(Step.CONFLICT);
        record(3);
        clock.advance(Duration.ofMinutes(5));

        assertThat(worker.runOnce()).isEqualTo(Step.HALTED);
        Anchor failed = anchors.findFirstByOrderBySequenceNumberDesc().orElseThrow();
        assertThat(failed.getState()).isEqualTo(AnchorState.FAILED);
        assertThat(failed.getLastError()).contains("CONFLICT");
        assertThat(anchors.count()).isEqualTo(1);
        assertThat(registry.counter("suyuan.anchoring.conflicts").count()).isEqualTo(1);
        assertThat(registry.counter("suyuan.anchoring.failures", "reason", "CONFLICT")
                        .count())
                .isEqualTo(1);
    }

    @Test
    void onlyTheLeaseHolderWorksUntilItLetsGo() {
        AnchoringWorker first = worker("a", 1);
        AnchoringWorker second = worker("b", 1);
        record(2);

        assertThat(first.runOnce()).isEqualTo(Step.ANCHORED);
        assertThat(second.runOnce()).isEqualTo(Step.NOT_LEADER);

        first.releaseLease();
        assertThat(second.runOnce()).isEqualTo(Step.ANCHORED);
        assertThat(first.runOnce()).isEqualTo(Step.NOT_LEADER);
    }

    @Test
    void aLapsedLeaseIsTakenOver() {
        AnchoringWorker first = worker("a", 1);
        AnchoringWorker second = worker("b", 1);
        record(1);

        assertThat(first.runOnce()).isEqualTo(Step.ANCHORED);
        clock.advance(Duration.ofSeconds(61));

        assertThat(second.runOnce()).isEqualTo(Step.IDLE);
        assertThat(first.runOnce()).isEqualTo(Step.NOT_LEADER);
    }

    @Test
    void recordsLagAndLeavesPerTransaction() {
        AnchoringWorker worker = worker("a", 100);
        record(4);
        clock.advance(Duration.ofSeconds(3));

        assertThat(worker.runOnce()).isEqualTo(Step.ANCHORED);

        assertThat(registry.summary("suyuan.anchoring.anchor.leaves").totalAmount())
                .isEqualTo(4);
        assertThat(registry.timer("suyuan.anchoring.leaf.age").count()).isEqualTo(4);
        assertThat(registry.counter("suyuan.anchoring.anchors").count()).isEqualTo(1);
    }

    @Test
    void preparesTheNextWindowsWhileEarlierOnesWaitForTheLedgerChainedInOrder() throws Exception {
        ExecutorService calls = Executors.newFixedThreadPool(4);
        try {
            AnchoringWorker worker = worker("a", 3, calls);
            ledger.holdAnswers();
            record(15);
            clock.advance(Duration.ofMinutes(1));

            assertThat(List.of(worker.runOnce(), worker.runOnce(), worker.runOnce(), worker.runOnce()))
                    .containsOnly(Step.SUBMITTED);
            assertThat(worker.runOnce()).as("four on their way is the most").isEqualTo(Step.WAITING_FOR_LEDGER);
            assertThat(anchors.countByState(AnchorState.PREPARED)).isEqualTo(4);

            ledger.releaseAnswers();
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> ledger.anchorCount() == 4);
            drain(worker);

            List<Anchor> chain = anchors.findAllByOrderBySequenceNumber();
            assertThat(chain)
                    .hasSize(5)
                    .allSatisfy(anchor -> assertThat(anchor.getState()).isEqualTo(AnchorState.ANCHORED));
            for (int index = 1; index < chain.size(); index++) {
                assertThat(chain.get(index).getPreviousRoot())
                        .isEqualTo(chain.get(index - 1).getRoot());
            }
            assertThat(ledger.requests()).hasSize(5);
        } finally {
            ledger.releaseAnswers();
            calls.shutdownNow();
        }
    }

    @Test
    void anAnchorThatFailsAmongOthersOnTheirWayIsRetriedBeforeAnyNewWindow() throws Exception {
        ExecutorService calls = Executors.newFixedThreadPool(4);
        try {
            AnchoringWorker worker = worker("a", 3, calls);
            ledger.holdAnswers();
            record(9);
            clock.advance(Duration.ofMinutes(1));
            for (int window = 0; window < 3; window++) {
                assertThat(worker.runOnce()).isEqualTo(Step.SUBMITTED);
            }
            Anchor second = anchors.findBySequenceNumber(2).orElseThrow();
            ledger.failOnce(new RecordHash(second.getRoot()), LedgerException.unavailable("peer down", null, null));

            ledger.releaseAnswers();
            Awaitility.await()
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> ledger.requests().size() == 3);
            Awaitility.await()
                    .atMost(Duration.ofSeconds(10))
                    .until(() ->
                            worker.runOnce() == Step.RETRY_LATER || anchors.countByState(AnchorState.ANCHORED) == 2);
            record(3);
            clock.advance(Duration.ofMillis(100));
            assertThat(worker.runOnce())
                    .as("no new window while anchor 2 waits")
                    .isEqualTo(Step.BACKING_OFF);
            assertThat(anchors.count()).isEqualTo(3);

            clock.advance(Duration.ofSeconds(1));
            drain(worker);

            List<Anchor> chain = anchors.findAllByOrderBySequenceNumber();
            assertThat(chain)
                    .hasSize(4)
                    .allSatisfy(anchor -> assertThat(anchor.getState()).isEqualTo(AnchorState.ANCHORED));
            assertThat(chain.get(3).getPreviousRoot()).isEqualTo(chain.get(2).getRoot());
            assertThat(anchors.findBySequenceNumber(2).orElseThrow().getAttempts())
                    .isEqualTo(2);
        } finally {
            ledger.releaseAnswers();
            calls.shutdownNow();
        }
    }

    private List<Long> record(int count) {
        return OutboxFixtures.recordEvents(jdbc, outbox, batch, count, clock.instant());
    }

    /** Runs the worker until everything recorded is anchored (a few runs more with real ledger threads). */
    private void drain(AnchoringWorker worker) {
        clock.advance(Duration.ofMinutes(1));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> {
            worker.runOnce();
            return AnchoringAssertions.unanchoredLeaves(jdbc) == 0;
        });
    }

    private AnchoringWorker worker(String holder, int maxLeaves) {
        // Ledger calls on the calling thread: each run's submissions are answered before it returns.
        return worker(holder, maxLeaves, Runnable::run);
    }

    private AnchoringWorker worker(String holder, int maxLeaves, Executor ledgerCalls) {
        AnchoringProperties properties = new AnchoringProperties(
                false,
                maxLeaves,
                Duration.ofSeconds(2),
                4,
                Duration.ofMillis(100),
                Duration.ofSeconds(60),
                new AnchoringProperties.Retry(Duration.ofSeconds(1), Duration.ofSeconds(8), Duration.ofMillis(500)));
        return new AnchoringWorker(
                anchors,
                outbox,
                lease,
                ledger,
                transactionManager,
                properties,
                new AnchoringMetrics(registry, outbox, clock),
                clock,
                holder,
                ledgerCalls);
    }
}
