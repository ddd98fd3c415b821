package org.suyuan.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.suyuan.ApiClient;
import org.suyuan.TestAccounts;
import org.suyuan.TestClock;
import org.suyuan.TestClockConfiguration;
import org.suyuan.account.AccountService;
import org.suyuan.archive.ArchiveJourneyTestsAccess;
import org.suyuan.db.account.UserAccountRepository;
import org.suyuan.web.BadInputCorpus.Caller;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Thousands of bad requests, generated from the OpenAPI document across every write endpoint of the API and sent
 * over a real socket to the running server (so Tomcat's own error paths answer too): not one may answer 5xx, every
 * error must be problem+json with a {@code /problems/} type, and the archive written before must be exactly as it
 * was.
 */
@Import(TestClockConfiguration.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class BadInputCorpusTests {

    private static final LocalDate TODAY = TestClock.TODAY;
    private static final String PASSWORD = "corpus-password-2026";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    @Autowired
    UserAccountRepository users;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void thousandsOfBadRequestsGetProblemJsonAndNeverA5xxAndLoseNothing() throws Exception {
        ApiClient admin = TestAccounts.administrator(port, accounts, users);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        long organization = createdId(admin.post(
                "/api/v1/organizations",
                Map.of(
                        "name", "坏输入测试合作社" + suffix,
                        "type", "COOPERATIVE",
                        "creditCode", ArchiveJourneyTestsAccess.randomCreditCode(),
                        "regionCode", "340210",
                        "address", "湾沚镇",
                        "contactName", "张三",
                        "contactPhone", "13955312345")));
        created(admin.post(
                "/api/v1/organizations/" + organization + "/users",
                Map.of("username", "corpus-" + suffix, "password", PASSWORD, "displayName", "农户")));
        accounts.createRegulator("corpus-regulator-" + suffix, PASSWORD, "湾沚区局", "340210");
        ApiClient farmer = ApiClient.anonymous(port).as("corpus-" + suffix, PASSWORD);
        ApiClient regulator = ApiClient.anonymous(port).as("corpus-regulator-" + suffix, PASSWORD);
        Map<Caller, String> tokens = new EnumMap<>(Caller.class);
        tokens.put(Caller.PRODUCER, token(farmer));
        tokens.put(Caller.REGULATOR, token(regulator));
        tokens.put(Caller.ADMIN, token(admin));

        long plot = createdId(farmer.post("/api/v1/plots", Map.of("name", "大棚" + suffix, "regionCode", "340210")));
        long product = createdId(farmer.post(
                "/api/v1/products", Map.of("name", "番茄", "category", "VEGETABLE", "variety", "粉冠" + suffix)));
        long kept = batch(farmer, "KEEP-" + suffix.substring(0, 6), product, plot);
        long target = batch(farmer, "BAD-" + suffix.substring(0, 6), product, plot);
        long attachment = createdId(farmer.postMultipart(
                "/api/v1/batches/" + kept + "/attachments", "报告.pdf", "%PDF-1.4\n%%EOF\n".getBytes()));
        String serial = created(farmer.post("/api/v1/batches/" + target + "/codes", Map.of("count", 1)))
                .path("codes")
                .get(0)
                .path("code")
                .asText();
        String history = farmer.get("/api/v1/batches/" + kept + "/history").body();
        long storedEvents = storedEvents(kept);

        JsonNode openApi =
                JSON.readTree(ApiClient.anonymous(port).get("/v3/api-docs").body());
        Map<String, String> values = Map.of(
                "id", String.valueOf(target),
                "organizationId", String.valueOf(organization),
                "attachmentId", String.valueOf(attachment),
                "code", serial);
        // A token id that is nobody's: the corpus must not revoke the tokens it sends its requests with.
        BadInputCorpus corpus = new BadInputCorpus(
                openApi,
                (path, name) -> path.startsWith("/api/v1/tokens/")
                        ? "987654321"
                        : values.getOrDefault(name, String.valueOf(target)));
        List<BadInputCorpus.Operation> writes = BadInputCorpus.writeOperations(openApi);
        assertThat(writes).as("write endpoints found in the OpenAPI document").hasSizeGreaterThanOrEqualTo(20);
        assertThat(BadInputCorpus.pagedReads(openApi)).as("paged reads").hasSizeGreaterThanOrEqualTo(5);
        List<BadInputCorpus.Case> cases = corpus.cases();
        assertThat(cases.size()).as("requests in the corpus").isGreaterThanOrEqualTo(2000);

        List<String> complaints = Collections.synchronizedList(new ArrayList<>());
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(30))
                .build();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (BadInputCorpus.Case request : cases) {
                sent.add(threads.submit(() -> {
                    Answer answer = send(http, request, tokens.get(request.caller()));
                    statuses.computeIfAbsent(answer.status(), s -> new AtomicInteger())
                            .incrementAndGet();
                    complaint(answer)
                            .ifPresent(problem -> complaints.add(
                                    request.description() + " as " + request.caller() + " → " + problem));
                }));
            }
            for (Future<?> request : sent) {
                request.get();
            }
        } finally {
            threads.shutdownNow();
        }
        for (BadInputCorpus.RawCase raw : BadInputCorpus.rawCases()) {
            RawHttp.Answer answer = RawHttp.send(port, raw.request());
            Answer seen = new Answer(answer.status(), answer.header("content-type"), answer.body());
            statuses.computeIfAbsent(seen.status(), s -> new AtomicInteger()).incrementAndGet();
            complaint(seen).ifPresent(problem -> complaints.add("raw " + raw.description() + " → " + problem));
        }
        System.out.println(
                "[corpus] " + (cases.size() + BadInputCorpus.rawCases().size()) + " requests to " + writes.size()
                        + " write endpoints; answers by status: " + new java.util.TreeMap<>(statuses));

        assertThat(complaints).as("answers that were a 5xx or not problem+json").isEmpty();
        assertThat(farmer.get("/api/v1/batches/" + kept + "/history").body())
                .as("the archive written before the corpus")
                .isEqualTo(history);
        assertThat(storedEvents(kept)).isEqualTo(storedEvents);
        ApiClient.BinaryResponse report = farmer.getBytes("/api/v1/batches/" + kept + "/attachments/" + attachment);
        assertThat(report.status()).isEqualTo(200);
        assertThat(new String(report.body(), StandardCharsets.UTF_8)).isEqualTo("%PDF-1.4\n%%EOF\n");
    }

    /** What came back, or why nothing did. */
    private record Answer(int status, String contentType, String body) {}

    private Answer send(HttpClient http, BadInputCorpus.Case request, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + request.path()))
                .timeout(Duration.ofMinutes(2))
                .header("Authorization", "Bearer " + token)
                .method(
                        request.method(),
                        request.body() == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        if (request.contentType() != null) {
            builder.header("Content-Type", request.contentType());
        }
        request.headers().forEach(builder::header);
        IOException last = null;
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
                return new Answer(
                        response.statusCode(),
                        response.headers().firstValue("Content-Type").orElse(null),
                        response.body());
            } catch (IOException e) {
                last = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return new Answer(-1, null, "no answer: " + last);
    }

    /** Why an answer is not acceptable, if it is not. */
    private static Optional<String> complaint(Answer answer) {
        if (answer.status() < 0 || answer.status() >= 500) {
            return Optional.of(answer.status() + " " + abbreviate(answer.body()));
        }
        if (answer.status() < 400) {
            return Optional.empty();
        }
        if (answer.contentType() == null || !answer.contentType().startsWith("application/problem+json")) {
            return Optional.of(answer.status() + " as " + answer.contentType() + ": " + abbreviate(answer.body()));
        }
        JsonNode problem;
        try {
            problem = JSON.readTree(answer.body());
        } catch (RuntimeException notJson) {
            return Optional.of(answer.status() + " problem+json that does not parse: " + abbreviate(answer.body()));
        }
        if (!problem.path("type").asText().startsWith("/problems/")) {
            return Optional.of(answer.status() + " without a /problems/ type: " + abbreviate(answer.body()));
        }
        if (problem.path("status").asInt() != answer.status()) {
            return Optional.of(answer.status() + " whose problem says " + problem.path("status"));
        }
        return Optional.empty();
    }

    private long batch(ApiClient farmer, String number, long product, long plot) {
        long batch = createdId(farmer.post(
                "/api/v1/batches",
                Map.of(
                        "batchNumber",
                        number,
                        "productId",
                        product,
                        "plotId",
                        plot,
                        "startedOn",
                        TODAY.minusDays(60).toString())));
        created(farmer.post(
                "/api/v1/batches/" + batch + "/events",
                Map.of(
                        "type",
                        "PLANTING",
                        "occurredOn",
                        TODAY.minusDays(50).toString(),
                        "details",
                        Map.of("method", "育苗移栽", "seedVariety", "粉冠一号"))));
        created(farmer.post(
                "/api/v1/batches/" + batch + "/events",
                Map.of(
                        "type",
                        "HARVEST",
                        "occurredOn",
                        TODAY.minusDays(5).toString(),
                        "details",
                        Map.of("quantity", Map.of("amount", "800", "unit", "KG")))));
        return batch;
    }

    private long storedEvents(long batch) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM batch_event WHERE batch_id = ?", Long.class, batch);
    }

    private static String token(ApiClient client) {
        return created(client.post("/api/v1/tokens", Map.of("name", "坏输入测试")))
                .path("secret")
                .asText();
    }

    private static JsonNode created(ApiClient.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    private static long createdId(ApiClient.Response response) {
        return created(response).path("id").asLong();
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }
}
