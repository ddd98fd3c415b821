package org.suyuan.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
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
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.suyuan.ApiClient;
import org.suyuan.TestAccounts;
import org.suyuan.TestClockConfiguration;
import org.suyuan.account.AccountService;
import org.suyuan.archive.SupplyChainFixtures.Member;
import org.suyuan.db.account.UserAccountRepository;

/**
 * Many refused writes at one batch at once, with a pool of five connections: each refusal is found while the batch's
 * row lock is held, and must be stored without that request asking the pool for a second connection (with every
 * connection held by requests queued on the lock, it would wait for ever). Every request gets its answer, none a
 * 5xx, and inspectors find every refused attempt. Half of the requests carry an Idempotency-Key, whose filter holds
 * one transaction around the whole request.
 */
@Import(TestClockConfiguration.class)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.hikari.maximum-pool-size=5",
            "spring.datasource.url=jdbc:h2:mem:concurrent-refusals;MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
                    + "NON_KEYWORDS=VALUE;DB_CLOSE_DELAY=-1"
        })
@ActiveProfiles("test")
class ConcurrentRefusalTests {

    private static final int REFUSED_EVENTS = 40;
    private static final int ACCEPTED_EVENTS = 10;
    private static final int SERIAL_REQUESTS = 150;

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    @Autowired
    UserAccountRepository users;

    @Autowired
    JdbcTemplate jdbc;

    Member farm;
    ApiClient phone;

    @BeforeEach
    void farmWithAToken() {
        ApiClient admin = TestAccounts.administrator(port, accounts, users);
        farm = SupplyChainFixtures.member(admin, port, "湾沚区青弋江家庭农场", "FAMILY_FARM", "340210");
        ApiClient.Response token = farm.client().post("/api/v1/tokens", Map.of("name", "手机"));
        assertThat(token.status()).as(token.body()).isEqualTo(201);
        // A bearer token, so that forty requests do not spend their time hashing a password each.
        phone = ApiClient.anonymous(port).withToken(token.json().path("secret").asText());
    }

    @Test
    void refusedEventsAtOneBatchAreAllAnsweredAndAllKeptWithASmallPool() throws Exception {
        long batch = SupplyChainFixtures.harvestedBatch(farm, "番茄", "粉冠一号", "青弋江1号大棚", "3200");
        SupplyChainFixtures.record(
                farm,
                batch,
                "PESTICIDE_USE",
                SupplyChainFixtures.TODAY.minusDays(1),
                Map.of(
                        "productName", "10%苯醚甲环唑水分散粒剂",
                        "registrationNumber", "PD20070155",
                        "activeIngredient", "苯醚甲环唑",
                        "dose", "60",
                        "doseUnit", "克/亩",
                        "method", "喷雾",
                        "safetyIntervalDays", 7));
        List<Callable<ApiClient.Response>> requests = new ArrayList<>();
        for (int i = 0; i < REFUSED_EVENTS; i++) {
            Map<String, Object> harvest = event("HARVEST", Map.of("quantity", Map.of("amount", "100", "unit", "KG")));
            requests.add(post("/api/v1/batches/" + batch + "/events", harvest, i % 2 == 0));
        }
        for (int i = 0; i < ACCEPTED_EVENTS; i++) {
            Map<String, Object> irrigation = event("IRRIGATION", Map.of("method", "滴灌"));
            requests.add(post("/api/v1/batches/" + batch + "/events", irrigation, i % 2 == 0));
        }

        List<ApiClient.Response> answers = all(requests);

        assertThat(answers)
                .allSatisfy(
                        answer -> assertThat(answer.status()).as(answer.body()).isLessThan(500));
        List<ApiClient.Response> refused = answers.subList(0, REFUSED_EVENTS);
        assertThat(refused).allSatisfy(answer -> {
            assertThat(answer.status()).as(answer.body()).isEqualTo(422);
            assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
            assertThat(answer.json().path("type").asText()).isEqualTo("/problems/harvest-inside-safety-interval");
        });
        assertThat(answers.subList(REFUSED_EVENTS, answers.size()))
                .allSatisfy(
                        answer -> assertThat(answer.status()).as(answer.body()).isEqualTo(201));
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM refused_attempt WHERE batch_id = ? AND rule = ?",
                        Long.class,
                        batch,
                        "harvest-inside-safety-interval"))
                .isEqualTo(REFUSED_EVENTS);
        // The accepted ones still form one unbroken chain: opened, planted, harvested, tested, sprayed, ten waterings.
        assertThat(jdbc.queryForList(
                        "SELECT sequence_number FROM batch_event WHERE batch_id = ? ORDER BY sequence_number",
                        Integer.class,
                        batch))
                .isEqualTo(java.util.stream.IntStream.rangeClosed(1, 5 + ACCEPTED_EVENTS)
                        .boxed()
                        .toList());
    }

    @Test
    void serialRequestsNearTheCapAreAllAnsweredAndEveryRefusalKeptWithASmallPool() throws Exception {
        long batch = SupplyChainFixtures.harvestedBatch(farm, "番茄", "粉冠一号", "青弋江2号大棚", "100");
        ApiClient.Response first = phone.post("/api/v1/batches/" + batch + "/codes", Map.of("count", 50));
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        List<Callable<ApiClient.Response>> requests = new ArrayList<>();
        for (int i = 0; i < SERIAL_REQUESTS; i++) {
            requests.add(post("/api/v1/batches/" + batch + "/codes", Map.of("count", 1), i % 2 == 0));
        }

        List<ApiClient.Response> answers = all(requests);

        assertThat(answers)
                .allSatisfy(
                        answer -> assertThat(answer.status()).as(answer.body()).isIn(201, 409));
        assertThat(answers).filteredOn(answer -> answer.status() == 201).hasSize(50);
        assertThat(answers)
                .filteredOn(answer -> answer.status() == 409)
                .hasSize(SERIAL_REQUESTS - 50)
                .allSatisfy(answer -> {
                    assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
                    assertThat(answer.json().path("type").asText()).isEqualTo("/problems/serials-exceed-harvest");
                });
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM refused_attempt WHERE batch_id = ? AND rule = ?",
                        Long.class,
                        batch,
                        "serials-exceed-harvest"))
                .isEqualTo(SERIAL_REQUESTS - 50);
        assertThat(jdbc.queryForObject(
                        "SELECT MAX(item_number) FROM issued_code WHERE batch_id = ?", Integer.class, batch))
                .isEqualTo(100);
    }

    private static Map<String, Object> event(String type, Map<String, Object> details) {
        return Map.of("type", type, "occurredOn", SupplyChainFixtures.TODAY.toString(), "details", details);
    }

    private Callable<ApiClient.Response> post(String path, Object body, boolean idempotent) {
        Map<String, String> headers = new HashMap<>();
        if (idempotent) {
            headers.put("Idempotency-Key", UUID.randomUUID().toString());
        }
        return () -> phone.post(path, body, headers);
    }

    /** Sends every request at once, each from its own thread, and returns the answers in request order. */
    private static List<ApiClient.Response> all(List<Callable<ApiClient.Response>> requests) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(requests.size());
        try {
            List<Future<ApiClient.Response>> futures = new ArrayList<>();
            for (Callable<ApiClient.Response> request : requests) {
                futures.add(threads.submit(() -> {
                    start.await();
                    return request.call();
                }));
            }
            start.countDown();
            List<ApiClient.Response> answers = new ArrayList<>();
            for (Future<ApiClient.Response> future : futures) {
                answers.add(future.get());
            }
            return answers;
        } finally {
            threads.shutdownNow();
        }
    }
}
