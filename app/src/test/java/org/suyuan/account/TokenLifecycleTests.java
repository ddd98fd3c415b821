package org.suyuan.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.suyuan.ApiClient;
import org.suyuan.TestAccounts;
import org.suyuan.db.account.UserAccountRepository;
import org.suyuan.web.PageClient;
import tools.jackson.databind.JsonNode;

/**
 * Bearer tokens can be listed and revoked, stop working when their owner changes the password, live at most the
 * maximum lifetime, and cannot mint their own successors; passwords are held to the policy wherever they are set.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TokenLifecycleTests {

    private static final String PASSWORD = "token-test-password";

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    @Autowired
    UserAccountRepository users;

    @Test
    void aBearerTokenCannotIssueTokens() {
        ApiClient withPassword = newUser();
        String token = issue(withPassword, "手机").path("secret").asText();

        ApiClient.Response minted =
                ApiClient.anonymous(port).withToken(token).post("/api/v1/tokens", Map.of("name", "复制品"));

        assertThat(minted.status()).isEqualTo(403);
        assertThat(minted.json().path("type").asText()).isEqualTo("/problems/password-required");
        assertThat(ApiClient.anonymous(port).withToken(token).get("/api/v1/me").status())
                .as("the token still works for what it may do")
                .isEqualTo(200);
    }

    @Test
    void tokensLiveThirtyDaysByDefaultAndNeverMoreThanNinety() {
        ApiClient user = newUser();

        Instant expiry = Instant.parse(issue(user, "默认").path("expiresAt").asText());
        assertThat(Duration.between(Instant.now(), expiry)).isBetween(Duration.ofDays(29), Duration.ofDays(30));

        ApiClient.Response tooLong = user.post("/api/v1/tokens", Map.of("name", "一年", "validDays", 365));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().path("type").asText()).isEqualTo("/problems/validation-failed");
        assertThat(tooLong.body()).contains("90");
    }

    @Test
    void aRevokedTokenStopsWorkingAtOnce() {
        ApiClient user = newUser();
        JsonNode issued = issue(user, "超市系统");
        ApiClient bearer =
                ApiClient.anonymous(port).withToken(issued.path("secret").asText());
        assertThat(bearer.get("/api/v1/me").status()).isEqualTo(200);

        ApiClient.Response revoked =
                user.delete("/api/v1/tokens/" + issued.path("id").asLong());

        assertThat(revoked.status()).isEqualTo(204);
        assertThat(bearer.get("/api/v1/me").status()).isEqualTo(401);
        JsonNode listed = user.get("/api/v1/tokens").json().get(0);
        assertThat(listed.path("state").asText()).isEqualTo("REVOKED");
        assertThat(listed.has("secret")).isFalse();
        assertThat(newUser()
                        .delete("/api/v1/tokens/" + issued.path("id").asLong())
                        .status())
                .as("another user's token is not found")
                .isEqualTo(404);
    }

    @Test
    void changingThePasswordRevokesEveryTokenOfTheUser() {
        String username = "tokens-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.createRegulator(username, PASSWORD, "湾沚区局", "340210");
        ApiClient user = ApiClient.anonymous(port).as(username, PASSWORD);
        ApiClient phone = ApiClient.anonymous(port)
                .withToken(issue(user, "手机").path("secret").asText());
        ApiClient office = ApiClient.anonymous(port)
                .withToken(issue(user, "办公室").path("secret").asText());
        assertThat(phone.get("/api/v1/me").status()).isEqualTo(200);

        ApiClient.Response changed = user.post(
                "/api/v1/me/password", Map.of("currentPassword", PASSWORD, "newPassword", "a-new-long-password"));

        assertThat(changed.status()).isEqualTo(204);
        assertThat(phone.get("/api/v1/me").status()).isEqualTo(401);
        assertThat(office.get("/api/v1/me").status()).isEqualTo(401);
        assertThat(ApiClient.anonymous(port)
                        .as(username, "a-new-long-password")
                        .get("/api/v1/me")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void weakPasswordsAreRefusedWhereverAPasswordIsSet() {
        ApiClient user = newUser();

        ApiClient.Response digits =
                user.post("/api/v1/me/password", Map.of("currentPassword", PASSWORD, "newPassword", "1234567890"));
        assertThat(digits.status()).isEqualTo(400);
        assertThat(digits.json().path("type").asText()).isEqualTo("/problems/weak-password");
        assertThat(digits.json().path("detail").asText()).contains("数字");

        ApiClient admin = TestAccounts.administrator(port, accounts, users);
        ApiClient.Response regulator = admin.post(
                "/api/v1/regulators",
                Map.of(
                        "username", "weak-" + UUID.randomUUID().toString().substring(0, 6),
                        "password", "qwertyuiop",
                        "displayName", "监管员",
                        "jurisdictionCode", "340210"));
        assertThat(regulator.status()).isEqualTo(400);
        assertThat(regulator.json().path("type").asText()).isEqualTo("/problems/weak-password");
    }

    @Test
    void theTokensPageIssuesShowsTheSecretOnceAndRevokes() {
        String username = "tokens-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.createRegulator(username, PASSWORD, "湾沚区局", "340210");
        PageClient page = PageClient.signIn(port, username, PASSWORD);
        String form = page.get("/account/tokens").body();

        PageClient.Response issued = page.postForm(
                "/account/tokens",
                Map.of(
                        "name",
                        "王的手机",
                        "days",
                        "30",
                        "idempotencyKey",
                        PageClient.formToken(form).orElseThrow()));

        assertThat(issued.status()).isEqualTo(302);
        String shown = page.get("/account/tokens").body();
        Matcher secret = Pattern.compile("id=\"secret\">(sy_[A-Za-z0-9_-]+)<").matcher(shown);
        assertThat(secret.find()).as("the secret is shown after issuing").isTrue();
        ApiClient bearer = ApiClient.anonymous(port).withToken(secret.group(1));
        assertThat(bearer.get("/api/v1/me").status()).isEqualTo(200);
        String again = page.get("/account/tokens").body();
        assertThat(again).as("and only once").doesNotContain(secret.group(1));

        Matcher revoke =
                Pattern.compile("action=\"(/account/tokens/\\d+/revoke)\"").matcher(again);
        assertThat(revoke.find()).isTrue();
        PageClient.Response revoked = page.postForm(
                revoke.group(1), Map.of("idempotencyKey", UUID.randomUUID().toString()));
        assertThat(revoked.status()).isEqualTo(302);
        assertThat(bearer.get("/api/v1/me").status()).isEqualTo(401);
        assertThat(page.get("/account/tokens").body()).contains("data-state=\"REVOKED\"");
    }

    private ApiClient newUser() {
        String username = "tokens-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.createRegulator(username, PASSWORD, "湾沚区局", "340210");
        return ApiClient.anonymous(port).as(username, PASSWORD);
    }

    private static JsonNode issue(ApiClient user, String name) {
        ApiClient.Response issued = user.post("/api/v1/tokens", Map.of("name", name));
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        return issued.json();
    }
}
