package org.suyuan.anchoring;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Producers, batches and events created over real HTTP with many concurrent clients, as phones and integrators
 * would: the anchoring journey tests and the anchoring and recording benchmarks drive the service with it. Events
 * are posted with bearer tokens (one indexed lookup per request), not HTTP Basic (an Argon2 hash per request).
 */
public final class ArchiveTraffic {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String CREDIT_CODE_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] CREDIT_CODE_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final String PASSWORD = "anchoring-password";

    private final HttpClient http;
    private final String baseUrl;
    private final LocalDate today;

    /** @param today the day the application under test takes for today: events are dated on it */
    public ArchiveTraffic(String baseUrl, LocalDate today) {
        this.baseUrl = baseUrl;
        this.today = today;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    /** Where a producer writes: its bearer token and one of its batches. */
    public record Target(String token, long batchId) {}

    /** An event the service accepted. */
    record Recorded(long eventId, String eventHash) {}

    /**
     * A new organization with a producer account and a bearer token, created by the administrator.
     *
     * @return the producer's bearer token
     */
    String newProducer(String adminUsername, String adminPassword) {
        String admin = basic(adminUsername, adminPassword);
        String creditCode = randomCreditCode();
        JsonNode organization = send(
                "POST",
                "/api/v1/organizations",
                admin,
                Map.of(
                        "name", "溯源测试合作社" + creditCode.substring(10),
                        "type", "COOPERATIVE",
                        "creditCode", creditCode,
                        "regionCode", "340210",
                        "address", "湾沚镇",
                        "contactName", "张三",
                        "contactPhone", "13900000000"));
        String username = "farmer-" + UUID.randomUUID().toString().substring(0, 8);
        send(
                "POST",
                "/api/v1/organizations/" + organization.path("id").asLong() + "/users",
                admin,
                Map.of("username", username, "password", PASSWORD, "displayName", "农户"));
        return send("POST", "/api/v1/tokens", basic(username, PASSWORD), Map.of("name", "负载测试"))
                .path("secret")
                .asText();
    }

    /** A plot, a product and a batch started 60 days ago; returns the batch id. */
    long newBatch(String token) {
        String bearer = "Bearer " + token;
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        long plot = send("POST", "/api/v1/plots", bearer, Map.of("name", "大棚" + suffix, "regionCode", "340210"))
                .path("id")
                .asLong();
        long product = send(
                        "POST",
                        "/api/v1/products",
                        bearer,
                        Map.of("name", "番茄", "category", "VEGETABLE", "variety", "粉冠" + suffix))
                .path("id")
                .asLong();
        return send(
                        "POST",
                        "/api/v1/batches",
                        bearer,
                        Map.of(
                                "batchNumber",
                                "B-" + suffix,
                                "productId",
                                product,
                                "plotId",
                                plot,
                                "startedOn",
                                today.minusDays(60).toString()))
                .path("id")
                .asLong();
    }

    /** Producers with batches to write to: {@code producers} organizations with {@code batchesEach} batches. */
    public List<Target> targets(
            String adminUsername, String adminPassword, int producers, int batchesEach, int threads) {
        List<Target> targets = Collections.synchronizedList(new ArrayList<>());
        runInParallel(producers, threads, producer -> {
            String token = newProducer(adminUsername, adminPassword);
            for (int batch = 0; batch < batchesEach; batch++) {
                targets.add(new Target(token, newBatch(token)));
            }
        });
        return List.copyOf(targets);
    }

    /** Records one irrigation event. */
    Recorded recordEvent(Target target) {
        JsonNode event = send(
                "POST",
                "/api/v1/batches/" + target.batchId() + "/events",
                "Bearer " + target.token(),
                Map.of(
                        "type",
                        "IRRIGATION",
                        "occurredOn",
                        today.toString(),
                        "details",
                        Map.of("method", "滴灌", "waterSource", "青弋江")));
        return new Recorded(event.path("id").asLong(), event.path("eventHash").asText());
    }

    /**
     * Records {@code eventsPerTarget} events on every target, each target written by one thread at a time (as one
     * phone writes one batch), {@code threads} at once.
     */
    List<Recorded> recordEvents(List<Target> targets, int eventsPerTarget, int threads) {
        return recordEvents(targets, eventsPerTarget, threads, 1);
    }

    /**
     * The same with {@code perRequest} events in each request: {@code POST /api/v1/events/bulk} when it is more
     * than one, as an integrator pushing its records would.
     */
    List<Recorded> recordEvents(List<Target> targets, int eventsPerTarget, int threads, int perRequest) {
        List<Recorded> recorded = Collections.synchronizedList(new ArrayList<>());
        runInParallel(targets.size(), threads, index -> {
            if (perRequest <= 1) {
                for (int event = 0; event < eventsPerTarget; event++) {
                    recorded.add(recordEvent(targets.get(index)));
                }
                return;
            }
            for (int sent = 0; sent < eventsPerTarget; sent += perRequest) {
                recorded.addAll(recordBulk(targets.get(index), Math.min(perRequest, eventsPerTarget - sent)));
            }
        });
        return List.copyOf(recorded);
    }

    List<Recorded> recordBulk(Target target, int count) {
        List<Map<String, Object>> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(Map.of(
                    "batchId", target.batchId(),
                    "type", "IRRIGATION",
                    "occurredOn", today.toString(),
                    "details", Map.of("method", "滴灌", "waterSource", "青弋江")));
        }
        JsonNode answer = send("POST", "/api/v1/events/bulk", "Bearer " + target.token(), Map.of("events", events));
        List<Recorded> recorded = new ArrayList<>();
        answer.forEach(item -> recorded.add(new Recorded(
                item.path("eventId").asLong(), item.path("eventHash").asText())));
        return recorded;
    }

    JsonNode send(String method, String path, String authorization, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", authorization);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(
                        method + " " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    interface Task {
        void run(int index) throws Exception;
    }

    /** Runs {@code count} tasks on {@code threads} threads and rethrows the first failure. */
    static void runInParallel(int count, int threads, Task task) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int index = 0; index < count; index++) {
                int taskIndex = index;
                futures.add(pool.submit(() -> {
                    task.run(taskIndex);
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static String basic(String username, String password) {
        return "Basic "
                + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String randomCreditCode() {
        Random random = new Random();
        StringBuilder code = new StringBuilder("93340210");
        for (int index = 0; index < 9; index++) {
            code.append(CREDIT_CODE_ALPHABET.charAt(random.nextInt(CREDIT_CODE_ALPHABET.length())));
        }
        int sum = 0;
        for (int index = 0; index < 17; index++) {
            sum += CREDIT_CODE_ALPHABET.indexOf(code.charAt(index)) * CREDIT_CODE_WEIGHTS[index];
        }
        return code.append(CREDIT_CODE_ALPHABET.charAt((31 - sum % 31) % 31)).toString();
    }
}
