package org.suyuan.anchoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.suyuan.ApiClient;
import org.suyuan.TestClock;
import org.suyuan.TestClockConfiguration;
import org.suyuan.account.AccountService;
import org.suyuan.db.MySqlConfigured;
import org.suyuan.db.TestDatabases;
import org.suyuan.db.account.UserAccountRepository;
import org.suyuan.ledger.Ledger;
import org.suyuan.ledger.fabric.FabricLedger;
import org.suyuan.ledger.fabric.FabricNetwork;
import org.suyuan.ledger.fabric.FabricNetwork.Component;
import org.suyuan.ledger.fabric.FabricNetworkAvailable;
import org.suyuan.verification.OfflineVerifierProcess;

/**
 * The application on MariaDB against a real Fabric network ({@link FabricNetwork}: the operator's and the bureau's
 * peers, each organisation's copy of the contract, endorsement AND(operator, bureau)), configured only through the
 * network's {@code suyuan.ledger.*} file and otherwise with production settings. Records are anchored, scans verify,
 * the bureau's copy of the ledger confirms every anchor, and outages during writes (the gateway peer; the bureau's
 * contract, without which nothing can be endorsed) lose nothing, anchor nothing twice, show the ledger DEGRADED, and
 * are caught up within seconds of recovery.
 */
@Import(TestClockConfiguration.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@DirtiesContext
@ExtendWith({MySqlConfigured.class, FabricNetworkAvailable.class})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RealFabricAnchoringTests {

    private static final String ADMIN = "fabric-admin";
    private static final String ADMIN_PASSWORD = "fabric-admin-password";
    private static final Duration WRITE_INTERVAL = Duration.ofMillis(100);
    private static final Duration OUTAGE = Duration.ofSeconds(20);

    private static FabricNetwork network;

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    @Autowired
    UserAccountRepository users;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Ledger ledger;

    @Autowired
    LedgerHealthIndicator health;

    @Autowired
    MeterRegistry registry;

    @DynamicPropertySource
    static void mariaDbAndFabric(DynamicPropertyRegistry registry) {
        String url = TestDatabases.freshMySql("suyuan_real_fabric");
        registry.add("spring.datasource.url", () -> url);
        FabricNetwork.shared().applicationSettings().forEach((name, value) -> registry.add(name, () -> value));
    }

    @BeforeAll
    static void networkIsWhole() {
        network = FabricNetwork.shared();
        network.awaitEndorsements();
    }

    @Test
    @Order(1)
    void recordsAreAnchoredVerifiedOnScanAndConfirmedByTheBureausCopy(@TempDir Path folder) throws Exception {
        long startBlock = network.blockHeight();
        ArchiveTraffic traffic = traffic();
        List<ArchiveTraffic.Target> targets = traffic.targets(ADMIN, ADMIN_PASSWORD, 2, 3, 2);

        List<ArchiveTraffic.Recorded> recorded = traffic.recordEvents(targets, 40, 6);

        AnchoringAssertions.awaitEverythingAnchored(jdbc, Duration.ofMinutes(2));
        AnchoringAssertions.assertAnchoredOnceWithProofs(jdbc, ledger, recorded);
        AnchoringAssertions.assertLedgerHoldsTheChainOnce(jdbc, network.anchorsStoredSince(startBlock), startBlock);
        try (FabricLedger bureau = FabricLedger.connect(network.bureauSettings())) {
            jdbc.queryForList("SELECT root FROM anchor", String.class)
                    .forEach(root -> assertThat(bureau.find(new org.suyuan.ledger.RecordHash(root)))
                            .as("root %s on the bureau's peer", root)
                            .hasValueSatisfying(
                                    receipt -> assertThat(receipt.submitter()).isEqualTo(FabricNetwork.OPERATOR_MSP)));
        }

        String code = traceCodeOf(targets.get(0));
        ApiClient consumer = ApiClient.anonymous(port).accepting("application/json");
        assertThat(consumer.get("/api/v1/trace/" + code).json().path("status").asString())
                .isEqualTo("VERIFIED");
        Path bundle = Files.writeString(
                folder.resolve(code + "-proof.json"),
                consumer.get("/api/v1/trace/" + code + "/proof").body());
        OfflineVerifierProcess.Verdict verdict = OfflineVerifierProcess.verify(
                bundle, "--fabric", network.bureauVerifierProperties().toString());
        assertThat(verdict.exitCode()).as(verdict.output()).isZero();
        assertThat(verdict.output()).contains("confirmed on the Fabric ledger", "VERIFIED:");
    }

    @Test
    @Order(2)
    void aStoppedGatewayPeerDelaysAnchoringLosesNothingAndIsCaughtUpSoonAfter() {
        outageDuringWrites(List.of(Component.OPERATOR_PEER));
    }

    @Test
    @Order(3)
    void theBureausStoppedContractIsAnOutageNotARefusalAndLosesNothing() {
        double refusedBefore = failures("REJECTED");

        outageDuringWrites(List.of(Component.BUREAU_CONTRACT));

        assertThat(failures("UNAVAILABLE")).isPositive();
        assertThat(failures("REJECTED")).isEqualTo(refusedBefore);
    }

    /**
     * Stops the components while events keep being recorded, starts them again, and checks that the events recorded
     * until then are anchored within two block times and ten seconds, and that afterwards everything is anchored
     * once, in one chain, which the ledger holds exactly.
     */
    private void outageDuringWrites(List<Component> components) {
        long startBlock = network.blockHeight();
        ArchiveTraffic traffic = traffic();
        List<ArchiveTraffic.Target> targets = traffic.targets(ADMIN, ADMIN_PASSWORD, 1, 4, 1);
        SteadyTraffic writes = SteadyTraffic.start(traffic, targets, WRITE_INTERVAL);
        Duration catchUp;
        try {
            sleep(Duration.ofSeconds(3));
            components.forEach(network::stop);
            sleep(OUTAGE.dividedBy(2));
            assertThat(health.health(true).getStatus())
                    .as("the ledger during the outage")
                    .isEqualTo(new Status(LedgerHealthIndicator.DEGRADED));
            sleep(OUTAGE.dividedBy(2));
            for (int index = components.size() - 1; index >= 0; index--) {
                network.start(components.get(index));
            }
            Instant recovered = Instant.now();
            long recordedUntilRecovery = writes.lastEventId();
            Duration bound = network.batchTimeout().multipliedBy(2).plusSeconds(10);
            Awaitility.await()
                    .atMost(bound)
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> unanchoredUpTo(recordedUntilRecovery) == 0);
            catchUp = Duration.between(recovered, Instant.now());
            sleep(Duration.ofSeconds(3));
        } finally {
            writes.close();
            network.awaitEndorsements();
        }
        System.out.printf(
                "Outage of %s: %d events recorded during the test, caught up %d ms after recovery%n",
                components, writes.recorded().size(), catchUp.toMillis());

        assertThat(writes.failures()).as("writes never wait for the ledger").isEmpty();
        AnchoringAssertions.awaitEverythingAnchored(jdbc, Duration.ofMinutes(2));
        AnchoringAssertions.assertAnchoredOnceWithProofs(jdbc, ledger, writes.recorded());
        AnchoringAssertions.assertLedgerHoldsTheChainOnce(jdbc, network.anchorsStoredSince(startBlock), startBlock);
    }

    private long unanchoredUpTo(long eventId) {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM anchor_leaf l LEFT JOIN anchor a ON a.id = l.anchor_id"
                        + " WHERE l.event_id <= ? AND (a.id IS NULL OR a.state <> 'ANCHORED')",
                Long.class,
                eventId);
    }

    private double failures(String reason) {
        Counter counter =
                registry.find("suyuan.anchoring.failures").tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    private String traceCodeOf(ArchiveTraffic.Target target) {
        return ApiClient.anonymous(port)
                .withToken(target.token())
                .get("/api/v1/batches/" + target.batchId() + "/codes")
                .json()
                .path("content")
                .get(0)
                .path("code")
                .asString();
    }

    private ArchiveTraffic traffic() {
        if (!users.existsByUsername(ADMIN)) {
            accounts.createAdministrator(ADMIN, ADMIN_PASSWORD, "管理员");
        }
        return new ArchiveTraffic("http://localhost:" + port, TestClock.TODAY);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
