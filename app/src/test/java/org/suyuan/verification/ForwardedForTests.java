package org.suyuan.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.suyuan.ApiClient;
import org.suyuan.TestAccounts;
import org.suyuan.account.AccountService;
import org.suyuan.db.account.UserAccountRepository;
import org.suyuan.verification.VerificationFixtures.TracedBatch;

/**
 * With no trusted proxy configured (the default), the scan log counts the socket's peer, whatever a client writes in
 * {@code X-Forwarded-For} or {@code Forwarded}: one script cannot pose as six towns and brand a genuine label as
 * copied for every consumer who scans it after.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ForwardedForTests {

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    @Autowired
    UserAccountRepository users;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ScanLog scanLog;

    @Test
    void forgedForwardedForFromAnUntrustedClientCannotMakeASerialSuspicious() {
        ApiClient farmer = VerificationFixtures.newProducer(TestAccounts.administrator(port, accounts, users), port);
        TracedBatch batch = VerificationFixtures.harvestedBatch(farmer);
        String serial = ProxyScans.serial(farmer, batch);

        for (int town = 1; town <= 8; town++) {
            ApiClient.Response scan = ApiClient.anonymous(port)
                    .get(
                            "/api/v1/trace/" + serial,
                            Map.of(
                                    "X-Forwarded-For", "203.0." + town + ".7",
                                    "Forwarded", "for=198.51." + town + ".9;proto=https",
                                    "X-Real-IP", "192.0.2." + town));
            assertThat(scan.status()).as(scan.body()).isEqualTo(200);
            assertThat(scan.json().path("status").asText()).as("scan %d", town).isNotEqualTo("SUSPICIOUS");
        }

        assertThat(ProxyScans.networks(scanLog, jdbc, serial))
                .as("networks the scan log counted")
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM scan_alert WHERE code = ?", Long.class, serial))
                .isZero();
    }
}
