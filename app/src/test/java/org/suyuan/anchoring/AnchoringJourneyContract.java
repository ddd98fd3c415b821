package org.suyuan.anchoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.suyuan.TestClock;
import org.suyuan.TestClockConfiguration;
import org.suyuan.account.AccountService;
import org.suyuan.db.account.UserAccountRepository;
import org.suyuan.ledger.Ledger;

/**
 * The "done when" of anchoring: 10,000 events recorded through the API by concurrent clients are all anchored,
 * once, in one chain, each with a proof that verifies against a root the ledger returns. Subclasses choose the
 * ledger (through the real {@code suyuan.ledger.*} configuration) and the database.
 */
@Import(TestClockConfiguration.class)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"suyuan.anchoring.max-window=1s", "suyuan.anchoring.poll-interval=100ms"})
@ActiveProfiles("test")
@DirtiesContext
abstract class AnchoringJourneyContract {

    private static final String ADMIN = "anchoring-admin";
    private static final String ADMIN_PASSWORD = "anchoring-admin-password";

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
    AnchoringService anchoring;

    @Autowired
    LedgerHealthIndicator health;

    @Autowired
    MeterRegistry registry;

    /** How many anchors the ledger itself holds. */
    abstract long anchorsOnLedger();

    /** How many events the journey records: the 10,000 unless a slower database runs fewer. */
    int events() {
        return 10_000;
    }

    @Test
    void eventsRecordedThroughTheApiAreAllAnchoredOnceWithProofsTheLedgerConfirms() {
        ArchiveTraffic traffic = traffic();
        List<ArchiveTraffic.Target> targets = traffic.targets(ADMIN, ADMIN_PASSWORD, 4, 50, 4);

        List<ArchiveTraffic.Recorded> recorded = traffic.recordEvents(targets, events() / targets.size(), 16);

        assertThat(recorded).hasSize(events());
        AnchoringAssertions.awaitEverythingAnchored(jdbc, Duration.ofMinutes(2));
        int anchors = AnchoringAssertions.assertAnchoredOnceWithProofs(jdbc, ledger, recorded);
        assertThat(anchorsOnLedger()).isEqualTo(anchors);
        assertThat(registry.get("suyuan.anchoring.anchor.leaves").summary().max())
                .isGreaterThan(1);

        ArchiveTraffic.Recorded sample = recorded.get(recorded.size() / 2);
        EventAnchoring.Anchored anchored = anchoring.proven((EventAnchoring.Anchored)
                anchoring.anchoringOf(sample.eventId()).orElseThrow());
        assertThat(anchored.eventHash().hex()).isEqualTo(sample.eventHash());
        assertThat(anchored.isConfirmedBy(
                        anchoring.findOnLedger(anchored.root()).orElseThrow()))
                .isTrue();
    }

    @Test
    void anEventIsPendingUntilItsWindowIsAnchoredAndHealthShowsTheLedger() {
        ArchiveTraffic traffic = traffic();
        ArchiveTraffic.Target target =
                traffic.targets(ADMIN, ADMIN_PASSWORD, 1, 1, 1).get(0);

        ArchiveTraffic.Recorded recorded = traffic.recordEvent(target);

        assertThat(anchoring.anchoringOf(recorded.eventId())).isPresent();
        AnchoringAssertions.awaitEverythingAnchored(jdbc, Duration.ofSeconds(30));
        assertThat(anchoring.anchoringOf(recorded.eventId()).orElseThrow()).isInstanceOf(EventAnchoring.Anchored.class);
        assertThat(anchoring.anchoringOf(Long.MAX_VALUE)).isEmpty();
        Health ledgerHealth = health.health(true);
        assertThat(ledgerHealth.getStatus()).isEqualTo(Status.UP);
        assertThat(ledgerHealth.getDetails())
                .containsEntry("kind", ledger.kind())
                .containsKey("pendingLeaves");
    }

    /** The pages say which ledger holds the hashes, and promise checking without trusting Suyuan only on Fabric. */
    @Test
    void theLandingPageNamesTheLedgerThatRunsAndPromisesOnlyWhatItGives() {
        String landing = org.suyuan.ApiClient.anonymous(port)
                .accepting("text/html")
                .get("/")
                .body();
        if (ledger.kind().equals("fabric")) {
            assertThat(landing).contains("Hyperledger Fabric 联盟链上").contains("无需信任本平台");
        } else {
            assertThat(landing).contains("内置存证账本").doesNotContain("无需信任本平台").doesNotContain("锚定在 Hyperledger Fabric");
        }
    }

    private ArchiveTraffic traffic() {
        if (!users.existsByUsername(ADMIN)) {
            accounts.createAdministrator(ADMIN, ADMIN_PASSWORD, "管理员");
        }
        return new ArchiveTraffic("http://localhost:" + port, TestClock.TODAY);
    }
}
