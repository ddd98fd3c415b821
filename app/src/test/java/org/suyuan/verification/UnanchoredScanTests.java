package org.suyuan.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.suyuan.ApiClient;
import org.suyuan.TestAccounts;
import org.suyuan.TestClockConfiguration;
import org.suyuan.account.AccountService;
import org.suyuan.db.account.UserAccountRepository;
import org.suyuan.verification.VerificationFixtures.TracedBatch;
import tools.jackson.databind.JsonNode;

/**
 * Scans with the anchoring worker switched off, so every record stays pending, and a low threshold for copied
 * labels (more than 3 scans of a serial in the window): a new record is PENDING, a serial scanned past the
 * threshold is SUSPICIOUS with one alert for inspectors however often it is scanned after. In a database of its own,
 * since nothing it writes would ever be anchored.
 */
@Import(TestClockConfiguration.class)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "suyuan.anchoring.enabled=false",
            "suyuan.verification.suspicious-scans=3",
            "spring.datasource.url=jdbc:h2:mem:verification-unanchored;MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
                    + "NON_KEYWORDS=VALUE;DB_CLOSE_DELAY=-1"
        })
@ActiveProfiles("test")
class UnanchoredScanTests {

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    @Autowired
    UserAccountRepository users;

    @Autowired
    JdbcTemplate jdbc;

    ApiClient farmer;

    @BeforeEach
    void producer() {
        farmer = VerificationFixtures.newProducer(TestAccounts.administrator(port, accounts, users), port);
    }

    @Test
    void aFreshlyRecordedEventIsPendingUntilAnchored() {
        TracedBatch batch = VerificationFixtures.openedBatch(farmer);
        VerificationFixtures.record(
                farmer,
                batch,
                "PLANTING",
                VerificationFixtures.TODAY.minusDays(40),
                VerificationFixtures.planting("直播"));

        JsonNode trace = trace(batch.code());

        assertThat(trace.path("status").asText()).isEqualTo("PENDING");
        assertThat(trace.path("verification").path("findings")).isEmpty();
        assertThat(trace.path("verification").path("pendingSince").asText()).isNotBlank();
        assertThat(page(batch.code())).contains("data-status=\"PENDING\"");
    }

    @Test
    void aSerialScannedPastTheThresholdIsSuspiciousWithOneAlert() {
        TracedBatch batch = VerificationFixtures.harvestedBatch(farmer);
        String serial = serial(batch);

        for (int scan = 1; scan <= 3; scan++) {
            assertThat(trace(serial).path("status").asText())
                    .as("scan %d", scan)
                    .isEqualTo("PENDING");
        }
        JsonNode fourth = trace(serial);
        assertThat(fourth.path("status").asText()).isEqualTo("SUSPICIOUS");
        assertThat(fourth.path("verification").path("suspicious").path("scans").asLong())
                .isEqualTo(4);
        for (int scan = 5; scan <= 8; scan++) {
            trace(serial);
        }
        assertThat(page(serial)).contains("data-status=\"SUSPICIOUS\"");

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM scan_alert WHERE code = ?", Long.class, serial))
                .as("one alert per window")
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT scans FROM scan_alert WHERE code = ?", Integer.class, serial))
                .isEqualTo(4);
        assertThat(jdbc.queryForObject("SELECT batch_id FROM scan_alert WHERE code = ?", Long.class, serial))
                .isEqualTo(batch.id());
    }

    @Test
    void aBatchCodeScannedPastTheThresholdIsNotSuspicious() {
        TracedBatch batch = VerificationFixtures.harvestedBatch(farmer);

        JsonNode trace = null;
        for (int scan = 0; scan < 8; scan++) {
            trace = trace(batch.code());
        }

        assertThat(trace.path("status").asText()).isEqualTo("PENDING");
        assertThat(trace.path("scans").path("count").asLong()).isEqualTo(8);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM scan_alert WHERE code = ?", Long.class, batch.code()))
                .isZero();
    }

    private String serial(TracedBatch batch) {
        ApiClient.Response issued = farmer.post("/api/v1/batches/" + batch.id() + "/codes", Map.of("count", 1));
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        return issued.json().path("codes").get(0).path("code").asText();
    }

    private JsonNode trace(String code) {
        ApiClient.Response response = ApiClient.anonymous(port).get("/api/v1/trace/" + code);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private String page(String code) {
        ApiClient.Response response =
                ApiClient.anonymous(port).accepting(MediaType.TEXT_HTML_VALUE).get("/t/" + code);
        assertThat(response.status()).isEqualTo(200);
        return response.body();
    }
}
