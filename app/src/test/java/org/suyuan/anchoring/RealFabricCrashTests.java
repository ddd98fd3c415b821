package org.suyuan.anchoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.suyuan.TestClock;
import org.suyuan.db.MySqlConfigured;
import org.suyuan.db.TestDatabases;
import org.suyuan.ledger.fabric.FabricLedger;
import org.suyuan.ledger.fabric.FabricNetwork;
import org.suyuan.ledger.fabric.FabricNetworkAvailable;

/**
 * An instance killed with {@code SIGKILL} while an anchor is on its way to the real Fabric network: a second
 * instance on the same MariaDB database takes the lease over once the dead one's lapses (15 s, renewed by a
 * heartbeat), finishes the interrupted anchor without a second one for the same leaves, and anchors the rest.
 */
@ExtendWith({MySqlConfigured.class, FabricNetworkAvailable.class})
class RealFabricCrashTests {

    private static final String ADMIN_PASSWORD = "crash-admin-password";
    private static final Duration LEASE = Duration.ofSeconds(15);

    @Test
    void anInstanceKilledMidAnchorIsReplacedWithinTheLeaseLosingNothingAndAnchoringNothingTwice() {
        FabricNetwork network = FabricNetwork.shared();
        network.awaitEndorsements();
        String databaseUrl = TestDatabases.freshMySql("suyuan_real_fabric_crash");
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(databaseUrl));
        long startBlock = network.blockHeight();
        List<String> settings = List.of(
                "--spring.profiles.active=test",
                "--spring.datasource.url=" + databaseUrl,
                "--spring.config.additional-location=file:" + network.applicationProperties(),
                "--suyuan.bootstrap.admin-password=" + ADMIN_PASSWORD);
        List<ArchiveTraffic.Recorded> recorded = new ArrayList<>();
        // The child applications run on the system clock, so the events are dated by it; taken before they judge
        // them, this day is never later than theirs, even across midnight.
        LocalDate today = LocalDate.ofInstant(Instant.now(), TestClock.ZONE);

        long interrupted;
        List<ArchiveTraffic.Target> targets;
        try (ChildApplication first = ChildApplication.start("crash-first", settings)) {
            ArchiveTraffic traffic = new ArchiveTraffic(first.baseUrl(), today);
            targets = traffic.targets("admin", ADMIN_PASSWORD, 1, 3, 1);
            SteadyTraffic writes = SteadyTraffic.start(traffic, targets, Duration.ofMillis(50));
            Awaitility.await()
                    .atMost(Duration.ofMinutes(1))
                    .pollInterval(Duration.ofMillis(10))
                    .until(() -> preparedAnchor(jdbc) != null);
            interrupted = preparedAnchor(jdbc);
            writes.close();
            first.kill();
            assertThat(writes.failures()).isEmpty();
            recorded.addAll(writes.recorded());
        }
        assertThat(state(jdbc, interrupted))
                .as("the anchor the killed instance was submitting")
                .isEqualTo("PREPARED");

        try (ChildApplication second = ChildApplication.start("crash-second", settings)) {
            Instant restarted = Instant.now();
            Awaitility.await()
                    .atMost(LEASE.plus(network.batchTimeout().multipliedBy(2)).plusSeconds(10))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> "ANCHORED".equals(state(jdbc, interrupted)));
            System.out.printf(
                    "The interrupted anchor was finished %d ms after the second instance was ready%n",
                    Duration.between(restarted, Instant.now()).toMillis());
            ArchiveTraffic traffic = new ArchiveTraffic(second.baseUrl(), today);
            for (ArchiveTraffic.Target target : targets) {
                recorded.add(traffic.recordEvent(target));
            }
            AnchoringAssertions.awaitEverythingAnchored(jdbc, Duration.ofMinutes(2));
        }

        try (FabricLedger operator = FabricLedger.connect(network.operatorSettings())) {
            AnchoringAssertions.assertAnchoredOnceWithProofs(jdbc, operator, recorded);
        }
        AnchoringAssertions.assertLedgerHoldsTheChainOnce(jdbc, network.anchorsStoredSince(startBlock), startBlock);
    }

    private static Long preparedAnchor(JdbcTemplate jdbc) {
        List<Long> prepared = jdbc.queryForList("SELECT id FROM anchor WHERE state = 'PREPARED'", Long.class);
        return prepared.isEmpty() ? null : prepared.get(0);
    }

    private static String state(JdbcTemplate jdbc, long anchorId) {
        return jdbc.queryForObject("SELECT state FROM anchor WHERE id = ?", String.class, anchorId);
    }
}
