package org.suyuan.anchoring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.suyuan.ApiClient;
import org.suyuan.TestAccounts;
import org.suyuan.TestClockConfiguration;
import org.suyuan.account.AccountService;
import org.suyuan.db.account.UserAccountRepository;
import tools.jackson.databind.JsonNode;

/** {@code /actuator/health} as the README describes it: a status for anyone, the details for administrators. */
@Import(TestClockConfiguration.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class HealthDetailsTests {

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    @Autowired
    UserAccountRepository users;

    @Test
    void anyoneSeesTheStatusAndOnlyAnAdministratorSeesTheLedgersBacklog() {
        ApiClient.Response anonymous = ApiClient.anonymous(port).get("/actuator/health");
        assertThat(anonymous.status()).isEqualTo(200);
        assertThat(anonymous.json().path("status").asText()).isEqualTo("UP");
        assertThat(anonymous.json().has("components")).isFalse();

        JsonNode health = TestAccounts.administrator(port, accounts, users)
                .get("/actuator/health")
                .json();
        JsonNode ledger = health.path("components").path("ledger");
        assertThat(ledger.path("status").asText()).isEqualTo("UP");
        assertThat(ledger.path("details").has("pendingLeaves")).isTrue();
        assertThat(ledger.path("details").path("kind").asText()).isEqualTo("embedded");
        assertThat(health.path("components").has("db")).isTrue();
    }
}
