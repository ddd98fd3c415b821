package org.suyuan.anchoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.suyuan.ApiClient;
import org.suyuan.TestAccounts;
import org.suyuan.account.AccountService;
import org.suyuan.db.account.UserAccountRepository;
import org.suyuan.ledger.fabric.TestCredentials;

/**
 * What operators, probes and Prometheus get from an instance whose Fabric network cannot be reached: the ledger is
 * reported DEGRADED without failing the aggregate health (HTTP 200) or readiness, and the metrics open to the
 * scrape token or an administrator only.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "suyuan.anchoring.enabled=false",
            "suyuan.monitoring.scrape-token=" + OperationsEndpointsTests.SCRAPE_TOKEN,
            "spring.datasource.url=jdbc:h2:mem:operations;MODE=MySQL;DATABASE_TO_LOWER=TRUE;NON_KEYWORDS=VALUE;"
                    + "DB_CLOSE_DELAY=-1"
        })
@ActiveProfiles("test")
@DirtiesContext
class OperationsEndpointsTests {

    static final String SCRAPE_TOKEN = "0123456789abcdef0123456789abcdef-scrape";

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    @Autowired
    UserAccountRepository users;

    /** Fabric settings that name a loopback port nobody listens on: an unreachable network. */
    @DynamicPropertySource
    static void unreachableFabric(DynamicPropertyRegistry registry) throws IOException {
        TestCredentials credentials = TestCredentials.generate(Files.createTempDirectory("suyuan-operations"));
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        registry.add("suyuan.ledger.type", () -> "fabric");
        registry.add("suyuan.ledger.fabric.endpoint", () -> "127.0.0.1:" + closedPort);
        registry.add("suyuan.ledger.fabric.msp-id", credentials::mspId);
        registry.add(
                "suyuan.ledger.fabric.certificate",
                () -> credentials.identityCertificate().toString());
        registry.add(
                "suyuan.ledger.fabric.private-key", () -> credentials.keystore().toString());
        registry.add("suyuan.ledger.fabric.tls.enabled", () -> "false");
        registry.add("suyuan.ledger.fabric.deadlines.evaluate", () -> "1s");
    }

    @Test
    void anUnreachableLedgerIsReportedDegradedWithoutTakingTheInstanceOutOfService() {
        ApiClient anonymous = ApiClient.anonymous(port);

        ApiClient.Response health = anonymous.get("/actuator/health");
        ApiClient.Response readiness = anonymous.get("/actuator/health/readiness");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().path("status").asString()).isEqualTo("DEGRADED");
        assertThat(health.json().has("components"))
                .as("components are for administrators")
                .isFalse();
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.json().path("status").asString()).isEqualTo("UP");
    }

    @Test
    void administratorsSeeThatTheLedgerIsDegradedAndWhy() {
        ApiClient admin = TestAccounts.administrator(port, accounts, users);

        ApiClient.Response health = admin.get("/actuator/health");
        ApiClient.Response readiness = admin.get("/actuator/health/readiness");

        assertThat(health.json()
                        .path("components")
                        .path("ledger")
                        .path("status")
                        .asString())
                .isEqualTo("DEGRADED");
        assertThat(health.json()
                        .path("components")
                        .path("ledger")
                        .path("details")
                        .path("kind")
                        .asString())
                .isEqualTo("fabric");
        assertThat(health.json()
                        .path("components")
                        .path("ledger")
                        .path("details")
                        .path("error")
                        .asString())
                .isNotBlank();
        assertThat(readiness.json().path("components").has("ledger"))
                .as("readiness leaves the ledger out")
                .isFalse();
        assertThat(readiness.json().path("components").has("db")).isTrue();
    }

    @Test
    void metricsAreOpenToTheScrapeTokenAndToAdministratorsOnly() {
        ApiClient anonymous = ApiClient.anonymous(port);

        ApiClient.Response withoutCredentials = anonymous.get("/actuator/prometheus");
        ApiClient.Response wrongToken = anonymous.withToken(SCRAPE_TOKEN + "x").get("/actuator/prometheus");
        ApiClient.Response scraper = anonymous.withToken(SCRAPE_TOKEN).get("/actuator/prometheus");
        ApiClient.Response admin =
                TestAccounts.administrator(port, accounts, users).get("/actuator/prometheus");

        assertThat(withoutCredentials.status()).isEqualTo(401);
        assertThat(withoutCredentials.header("Content-Type")).startsWith("application/problem+json");
        assertThat(wrongToken.status()).isEqualTo(401);
        assertThat(scraper.status()).isEqualTo(200);
        assertThat(scraper.body()).contains("suyuan_anchoring_pending_leaves", "suyuan_anchoring_ledger_replays_total");
        assertThat(scraper.headers()).doesNotContainKey("set-cookie");
        assertThat(admin.status()).isEqualTo(200);
    }

    @Test
    void theScrapeTokenOpensNothingElse() {
        ApiClient scraper = ApiClient.anonymous(port).withToken(SCRAPE_TOKEN);

        assertThat(scraper.get("/api/v1/organizations").status()).isEqualTo(401);
        assertThat(scraper.get("/actuator/info").status()).isIn(302, 401);
    }
}
