package org.suyuan.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.suyuan.ApiClient;
import org.suyuan.web.PageClient;

/**
 * Failed sign-ins are throttled per account and per client network, at every door (HTTP Basic, the login form,
 * bearer tokens): a burst of parallel guesses costs a bounded number of password hashes, the rest are refused with
 * 429 and {@code Retry-After} before any hash, nothing answers 5xx, and the account's owner signs in again once the
 * window has passed. Time is a clock the test moves; every test starts a window after the last one.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "suyuan.security.login.max-failures-per-account=5",
            "suyuan.security.login.max-failures-per-network=12",
            "suyuan.security.login.window=15m",
            "suyuan.security.login.concurrent-password-checks=2",
            "spring.datasource.url=jdbc:h2:mem:login-throttle;MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
                    + "NON_KEYWORDS=VALUE;DB_CLOSE_DELAY=-1"
        })
@ActiveProfiles("test")
class LoginThrottleTests {

    private static final String PASSWORD = "throttle-test-password";
    private static final Duration AFTER_THE_WINDOW = Duration.ofMinutes(16);

    @TestConfiguration
    static class Time {

        @Bean
        @Primary
        SettableClock settableClock() {
            return new SettableClock();
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    @Autowired
    SettableClock clock;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void aFreshWindow() {
        clock.advance(AFTER_THE_WINDOW);
    }

    @Test
    void parallelBadPasswordsAreThrottledWithoutA5xxAndTheOwnerSignsInAfterTheWindow() throws Exception {
        String username = newRegulator();
        ApiClient guesser = ApiClient.anonymous(port).as(username, "wrong-password-guess");

        List<ApiClient.Response> answers = inParallel(40, () -> guesser.get("/api/v1/me"));

        List<Integer> statuses =
                answers.stream().map(ApiClient.Response::status).toList();
        assertThat(statuses).as("only refusals, never a server error").allMatch(s -> s == 401 || s == 429);
        // Five failures throttle the account; two hashes at a time means at most one more was already checking.
        assertThat(statuses).filteredOn(s -> s == 401).hasSizeBetween(5, 6);
        ApiClient.Response throttled = answers.stream()
                .filter(answer -> answer.status() == 429)
                .findFirst()
                .orElseThrow();
        assertThat(throttled.header("Content-Type")).startsWith("application/problem+json");
        assertThat(throttled.json().path("type").asText()).isEqualTo("/problems/too-many-sign-in-attempts");
        assertThat(Long.parseLong(throttled.header("Retry-After"))).isBetween(1L, 900L);

        ApiClient owner = ApiClient.anonymous(port).as(username, PASSWORD);
        assertThat(owner.get("/api/v1/me").status())
                .as("the right password is refused too while the account is throttled")
                .isEqualTo(429);

        clock.advance(AFTER_THE_WINDOW);
        assertThat(owner.get("/api/v1/me").status()).isEqualTo(200);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM audit_entry WHERE action = 'SIGN_IN_THROTTLED' AND subject = ?",
                        Long.class,
                        username))
                .isPositive();
    }

    @Test
    void theLoginFormAnswers429WithAChineseMessageOnceTheAccountIsThrottled() {
        String username = newRegulator();
        PageClient.Response answer = null;
        for (int attempt = 1; attempt <= 6; attempt++) {
            answer = PageClient.attemptSignIn(port, username, "wrong-password-guess");
            if (attempt <= 5) {
                assertThat(answer.status()).as("attempt %d", attempt).isEqualTo(302);
                assertThat(answer.location()).contains("/login?error");
            }
        }

        assertThat(answer.status()).isEqualTo(429);
        assertThat(answer.header("Retry-After")).isNotBlank();
        assertThat(answer.body()).contains("登录失败次数过多").contains("分钟后再试");

        clock.advance(AFTER_THE_WINDOW);
        PageClient.signIn(port, username, PASSWORD);
    }

    @Test
    void failuresFromOneNetworkThrottleEveryAccountTriedFromIt() {
        String owner = newRegulator();
        String token = ApiClient.anonymous(port)
                .as(owner, PASSWORD)
                .post("/api/v1/tokens", Map.of("name", "集成"))
                .json()
                .path("secret")
                .asText();
        for (int guess = 0; guess < 12; guess++) {
            int status = ApiClient.anonymous(port)
                    .as("nobody-" + UUID.randomUUID(), "wrong-password-guess")
                    .get("/api/v1/me")
                    .status();
            assertThat(status).as("guess %d", guess).isEqualTo(401);
        }

        assertThat(ApiClient.anonymous(port)
                        .as(owner, PASSWORD)
                        .get("/api/v1/me")
                        .status())
                .as("the network is throttled, whichever account it tries")
                .isEqualTo(429);
        assertThat(ApiClient.anonymous(port).withToken(token).get("/api/v1/me").status())
                .as("a valid token is not a guess")
                .isEqualTo(200);

        clock.advance(AFTER_THE_WINDOW);
        assertThat(ApiClient.anonymous(port)
                        .as(owner, PASSWORD)
                        .get("/api/v1/me")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void unknownBearerTokensCountAgainstTheNetwork() {
        List<Integer> statuses = new ArrayList<>();
        for (int guess = 0; guess < 14; guess++) {
            statuses.add(ApiClient.anonymous(port)
                    .withToken("sy_guess" + UUID.randomUUID())
                    .get("/api/v1/me")
                    .status());
        }

        assertThat(statuses.subList(0, 11)).containsOnly(401);
        assertThat(statuses.subList(12, 14)).containsOnly(429);
    }

    private String newRegulator() {
        String username = "throttle-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.createRegulator(username, PASSWORD, "湾沚区局", "340210");
        return username;
    }

    private static <T> List<T> inParallel(int count, Callable<T> task) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(count);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                futures.add(threads.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            threads.shutdownNow();
        }
    }
}
