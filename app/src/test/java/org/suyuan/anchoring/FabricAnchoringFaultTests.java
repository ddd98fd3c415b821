package org.suyuan.anchoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.suyuan.TestClock;
import org.suyuan.TestClockConfiguration;
import org.suyuan.account.AccountService;
import org.suyuan.db.account.UserAccountRepository;
import org.suyuan.db.anchoring.Anchor;
import org.suyuan.db.anchoring.AnchorOutbox;
import org.suyuan.db.anchoring.AnchorRepository;
import org.suyuan.db.anchoring.AnchorState;
import org.suyuan.ledger.AnchorRequest;
import org.suyuan.ledger.Ledger;
import org.suyuan.ledger.fabric.GatewayEmulator;

/**
 * The faults of issue 4 on the Fabric path (real Gateway SDK over TLS to the gateway emulator, configured through
 * properties), with the worker running as in production: an outage during writes, a connection lost right after
 * submitting, a read conflict, a commit-status deadline, and a conflicting anchor. After each, every event is
 * anchored exactly once, in one chain, and the ledger holds exactly the anchors the database records.
 */
@Import(TestClockConfiguration.class)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "suyuan.anchoring.enabled=false",
            "suyuan.anchoring.max-leaves=64",
            "suyuan.anchoring.max-window=200ms",
            "suyuan.anchoring.poll-interval=50ms",
            "suyuan.anchoring.retry.initial-backoff=200ms",
            "suyuan.anchoring.retry.max-backoff=1s",
            "suyuan.ledger.fabric.deadlines.commit-status=1s",
            "spring.datasource.url=jdbc:h2:mem:anchoring-faults;MODE=MySQL;DATABASE_TO_LOWER=TRUE;NON_KEYWORDS=VALUE;"
                    + "DB_CLOSE_DELAY=-1"
        })
@ActiveProfiles("test")
@DirtiesContext
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(OutputCaptureExtension.class)
class FabricAnchoringFaultTests {

    private static final String ADMIN = "fault-admin";
    private static final String ADMIN_PASSWORD = "fault-admin-password";
    private static final List<ArchiveTraffic.Recorded> RECORDED = new ArrayList<>();

    static GatewayEmulator emulator;

    @DynamicPropertySource
    static void fabric(DynamicPropertyRegistry registry) {
        emulator = FabricEmulators.start(registry);
    }

    @AfterAll
    static void stopEmulator() {
        if (emulator != null) {
            emulator.close();
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    @Autowired
    UserAccountRepository users;

    @Autowired
    AnchoringWorker worker;

    @Autowired
    AnchoringMetrics metrics;

    @Autowired
    AnchoringProperties properties;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Ledger ledger;

    @Autowired
    MeterRegistry registry;

    @Autowired
    AnchorOutbox outbox;

    @Autowired
    AnchorRepository anchors;

    @Autowired
    LedgerHealthIndicator health;

    ArchiveTraffic traffic;
    List<ArchiveTraffic.Target> targets;
    AnchoringLoop loop;

    @BeforeEach
    void startWorker() {
        if (!users.existsByUsername(ADMIN)) {
            accounts.createAdministrator(ADMIN, ADMIN_PASSWORD, "管理员");
        }
        traffic = new ArchiveTraffic("http://localhost:" + port, TestClock.TODAY);
        targets = traffic.targets(ADMIN, ADMIN_PASSWORD, 2, 4, 2);
        loop = new AnchoringLoop(worker, metrics, properties);
        loop.start();
    }

    @AfterEach
    void stopWorker() {
        loop.stop();
        emulator.makeAvailable();
        emulator.clearDelays();
    }

    @Test
    @Order(1)
    void everyWriteSucceedsWhileTheGatewayIsDownAndAllIsAnchoredOnceAfterwards() {
        double failuresBefore = failures("UNAVAILABLE");
        emulator.makeUnavailable();

        record(traffic.recordEvents(targets, 25, 8));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> failures("UNAVAILABLE") > failuresBefore);
        assertThat(AnchoringAssertions.unanchoredLeaves(jdbc)).isGreaterThan(0);

        emulator.makeAvailable();
        record(traffic.recordEvents(targets, 10, 8));

        assertEverythingAnchoredOnce();
    }

    @Test
    @Order(2)
    void aConnectionLostAfterSubmittingIsRecoveredWithoutASecondAnchor() {
        double failuresBefore = failures("UNAVAILABLE");
        int committedBefore = emulator.committedTransactions().size();
        emulator.crashAfterNextSubmit();

        record(traffic.recordEvents(targets, 10, 8));

        assertEverythingAnchoredOnce();
        assertThat(failures("UNAVAILABLE")).isGreaterThan(failuresBefore);
        // The first submission committed although the worker never heard so; the worker's next probe found the root
        // on the ledger and recorded it without a second transaction (a resubmission would be a replay, counted).
        assertThat(emulator.committedTransactions()
                        .subList(
                                committedBefore,
                                emulator.committedTransactions().size()))
                .allSatisfy(transaction -> assertThat(transaction.eventName()).isEqualTo("AnchorRecorded"));
        assertThat(ledger.replays()).isZero();
    }

    @Test
    @Order(3)
    void aReadConflictIsRetriedUntilTheAnchorCommits() {
        double failuresBefore = failures("CONCURRENT_UPDATE");
        emulator.forceMvccReadConflictOnNextCommit();

        record(traffic.recordEvents(targets, 10, 8));

        assertEverythingAnchoredOnce();
        assertThat(failures("CONCURRENT_UPDATE")).isGreaterThan(failuresBefore);
        assertThat(emulator.committedTransactions())
                .anySatisfy(
                        transaction -> assertThat(transaction.validationCode()).isEqualTo("MVCC_READ_CONFLICT"));
    }

    @Test
    @Order(4)
    void aCommitStatusDeadlineIsRetriedAndAnsweredWithTheFirstTransaction(CapturedOutput output) {
        double failuresBefore = failures("UNAVAILABLE");
        emulator.delay(GatewayEmulator.Rpc.COMMIT_STATUS, Duration.ofMillis(1_500));

        record(traffic.recordEvents(targets, 10, 8));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> failures("UNAVAILABLE") > failuresBefore);
        emulator.clearDelays();

        assertEverythingAnchoredOnce();
        assertThat(output.getAll()).contains("DEADLINE_EXCEEDED");
    }

    @Test
    @Order(5)
    void aConflictingAnchorFailsIsCountedAndHaltsAnchoringButNotWriting(CapturedOutput output) {
        loop.stop();
        record(traffic.recordEvents(targets.subList(0, 1), 3, 1));
        AnchorPlan plan = AnchorPlan.of(1, Optional.empty(), outbox.findPending(properties.maxLeaves()));
        ledger.anchor(new AnchorRequest(
                plan.root(),
                plan.leafCount(),
                Optional.empty(),
                plan.windowStart().minusSeconds(3_600),
                plan.windowEnd()));
        Instant windowCloses = outbox.firstPendingCreatedAt().plus(properties.maxWindow());
        Awaitility.await()
                .atMost(Duration.ofSeconds(5))
                .until(() -> Instant.now().isAfter(windowCloses));

        assertThat(worker.runOnce()).isEqualTo(AnchoringWorker.Step.SUBMITTED);
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> worker.runOnce() == AnchoringWorker.Step.CONFLICT);
        assertThat(worker.runOnce()).isEqualTo(AnchoringWorker.Step.HALTED);

        Anchor failed = anchors.findFirstByOrderBySequenceNumberDesc().orElseThrow();
        assertThat(failed.getState()).isEqualTo(AnchorState.FAILED);
        assertThat(failed.getLastError()).contains("ANCHOR_CONFLICT");
        assertThat(registry.get("suyuan.anchoring.conflicts").counter().count()).isEqualTo(1);
        assertThat(output.getAll()).contains("ERROR").contains("anchoring stops until an operator resolves it");
        Health ledgerHealth = health.health(true);
        assertThat(ledgerHealth.getDetails()).containsEntry("failedAnchors", 1L);
        assertThat(traffic.recordEvent(targets.get(0)).eventId()).isPositive();
    }

    private void record(List<ArchiveTraffic.Recorded> recorded) {
        RECORDED.addAll(recorded);
    }

    private double failures(String reason) {
        Counter counter =
                registry.find("suyuan.anchoring.failures").tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    /** All recorded so far is anchored once with verifying proofs; the ledger holds exactly the database's anchors. */
    private void assertEverythingAnchoredOnce() {
        AnchoringAssertions.awaitEverythingAnchored(jdbc, Duration.ofSeconds(60));
        int anchorCount = AnchoringAssertions.assertAnchoredOnceWithProofs(jdbc, ledger, RECORDED);
        assertThat(emulator.worldState()).hasSize(anchorCount);
        Set<String> recordedTransactions =
                new HashSet<>(jdbc.queryForList("SELECT transaction_id FROM anchor", String.class));
        Set<String> anchoringTransactions = new HashSet<>();
        emulator.committedTransactions().stream()
                .filter(transaction -> "AnchorRecorded".equals(transaction.eventName()))
                .forEach(transaction -> anchoringTransactions.add(transaction.transactionId()));
        assertThat(anchoringTransactions).isEqualTo(recordedTransactions).hasSize(anchorCount);
    }
}
