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
 * Behind a configured proxy (here the test's own loopback address plays the load balancer) the scan log counts
 * the client the proxy names, read from the right of {@code X-Forwarded-For}: entries a client wrote itself, to the
 * left of what the proxy appended, are not believed. Six real networks make a serial SUSPICIOUS.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "suyuan.security.trusted-proxies=127.0.0.1, ::1",
            "spring.datasource.url=jdbc:h2:mem:verification-proxies;MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
                    + "NON_KEYWORDS=VALUE;DB_CLOSE_DELAY=-1"
        })
@ActiveProfiles("test")
class TrustedProxyForwardedForTests {

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
    void forwardedForFromAConfiguredProxyIsHonoured() {
        ApiClient farmer = VerificationFixtures.newProducer(TestAccounts.administrator(port, accounts, users), port);
        TracedBatch batch = VerificationFixtures.harvestedBatch(farmer);
        String serial = ProxyScans.serial(farmer, batch);

        String status = null;
        for (int town = 1; town <= 6; town++) {
            // The client claims 198.51.100.1 each time; the proxy appends where the request really came from.
            ApiClient.Response scan = ApiClient.anonymous(port)
                    .get("/api/v1/trace/" + serial, Map.of("X-Forwarded-For", "198.51.100.1, 203.0." + town + ".7"));
            assertThat(scan.status()).as(scan.body()).isEqualTo(200);
            status = scan.json().path("status").asText();
            if (town < 6) {
                assertThat(status).as("scan %d", town).isNotEqualTo("SUSPICIOUS");
            }
        }

        assertThat(status).isEqualTo("SUSPICIOUS");
        assertThat(ProxyScans.networks(scanLog, jdbc, serial)).isEqualTo(6);
        assertThat(jdbc.queryForObject("SELECT networks FROM scan_alert WHERE code = ?", Integer.class, serial))
                .isEqualTo(6);
    }
}
