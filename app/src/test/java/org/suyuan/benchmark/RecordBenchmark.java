package org.suyuan.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.suyuan.SuyuanApplication;
import org.suyuan.SuyuanProperties;
import org.suyuan.anchoring.ArchiveTraffic;
import org.suyuan.db.anchoring.AnchorOutbox;

/**
 * Issue 13's recording benchmark: events recorded through the API, in bulk requests and one per request, next to a
 * trivial endpoint of the same application measured in the same run.
 *
 * <p>Starts the real application on a free port with the production {@code mysql} profile (its pool and Connector/J
 * settings) on an emptied MariaDB/MySQL database, plus {@link BenchmarkEndpoints}' {@code GET /benchmark/ping}; the
 * anchoring worker runs with its defaults on the embedded ledger. Over HTTP it creates producers with bearer tokens
 * and one batch per client. Then, each phase after a warm-up of the same kind:
 *
 * <ol>
 *   <li>{@code GET /benchmark/ping} from {@code --clients} concurrent clients;
 *   <li>single events: every client posts irrigation events to its own batch, one per request, each with its own
 *       {@code Idempotency-Key} (as a phone on a poor network sends them);
 *   <li>bulk: {@code --bulk-clients} clients post {@code POST /api/v1/events/bulk} with {@code --bulk-size} events for
 *       their own batch, each request with an {@code Idempotency-Key}.
 * </ol>
 *
 * It waits until the worker has anchored everything and checks that every recorded event has exactly one anchored
 * leaf.
 *
 * <pre>
 * ./mvnw -B -q -pl app -am -Pbenchmark -DskipTests integration-test -Dbenchmark.main=org.suyuan.benchmark.RecordBenchmark
 * </pre>
 *
 * Options: {@code --clients} (16), {@code --bulk-clients} (2), {@code --bulk-size} (1000), {@code --warmup} (15s per
 * phase), {@code --duration} (30s per phase), {@code --database <jdbc url>} (default: database
 * {@code suyuan_record_benchmark} at 127.0.0.1:3306 as root without a password, dropped and recreated; an empty value
 * means an H2 file database under {@code target/record-benchmark}).
 */
public final class RecordBenchmark {

    private static final String DEFAULT_DATABASE =
            "jdbc:mysql://127.0.0.1:3306/suyuan_record_benchmark?user=root&password=";
    private static final String ADMIN_PASSWORD = "benchmark-admin-password";
    private static final String IRRIGATION = "{\"type\":\"IRRIGATION\",\"occurredOn\":\"%s\","
            + "\"details\":{\"method\":\"滴灌\",\"waterSource\":\"青弋江\"}}";

    private RecordBenchmark() {}

    /** What one client sends, again and again: the request and how many events it records. */
    private interface Call {
        HttpRequest next();
    }

    /** One measured phase: requests, events recorded, seconds and every request's latency in microseconds. */
    private record Result(String label, long requests, long events, double seconds, long[] latencies) {

        double requestsPerSecond() {
            return requests / seconds;
        }

        double eventsPerSecond() {
            return events / seconds;
        }

        double percentileMillis(double percentile) {
            if (latencies.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(percentile / 100 * latencies.length) - 1;
            return latencies[Math.max(0, Math.min(latencies.length - 1, index))] / 1e3;
        }
    }

    public static void main(String[] args) throws Exception {
        BenchmarkOptions options = BenchmarkOptions.parse(args);
        int clients = options.integer("clients", 16);
        int bulkClients = options.integer("bulk-clients", 2);
        int bulkSize = options.integer("bulk-size", 1000);
        Duration warmup = options.duration("warmup", Duration.ofSeconds(15));
        Duration duration = options.duration("duration", Duration.ofSeconds(30));
        Path work = Path.of("target", "record-benchmark").toAbsolutePath();
        String url = BenchmarkDatabase.fresh(options.text("database", DEFAULT_DATABASE), work.resolve("h2"));
        BenchmarkDatabase.migrated(url);
        BenchmarkMachine.describe("record", url);

        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(
                        SuyuanApplication.class, BenchmarkEndpoints.class)
                .run(
                        "--spring.profiles.active=" + (url.startsWith("jdbc:mysql:") ? "mysql,benchmark" : "benchmark"),
                        "--server.port=0",
                        "--spring.datasource.url=" + url,
                        "--spring.datasource.username=root",
                        "--spring.datasource.password=",
                        "--suyuan.demo.enabled=false",
                        "--suyuan.bootstrap.admin-password=" + ADMIN_PASSWORD,
                        "--suyuan.security.personal-data-key=YmVuY2htYXJrLW9ubHkta2V5LW5vdC1mb3ItcHJvZHVjdGlvbg==",
                        "--logging.level.root=WARN")) {
            String base = "http://127.0.0.1:"
                    + ((WebServerApplicationContext) app).getWebServer().getPort();
            LocalDate today = LocalDate.ofInstant(
                    app.getBean(Clock.class).instant(),
                    app.getBean(SuyuanProperties.class).timeZone());
            ArchiveTraffic traffic = new ArchiveTraffic(base, today);
            // One batch per client: a batch is written by one client at a time, as one phone writes one batch.
            List<ArchiveTraffic.Target> targets =
                    traffic.targets("admin", ADMIN_PASSWORD, Math.max(clients, bulkClients), 1, 4);
            String event = IRRIGATION.formatted(today);
            StringBuilder bulkBody = new StringBuilder("{\"events\":[");
            for (int index = 0; index < bulkSize; index++) {
                bulkBody.append(index == 0 ? "" : ",")
                        .append("{\"batchId\":%1$d,")
                        .append(event.substring(1));
            }
            String bulkTemplate = bulkBody.append("]}").toString();
            HttpClient http = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10))
                    .build();

            List<Call> ping = new ArrayList<>();
            List<Call> single = new ArrayList<>();
            List<Call> bulk = new ArrayList<>();
            for (int client = 0; client < clients; client++) {
                ArchiveTraffic.Target target = targets.get(client);
                ping.add(() -> HttpRequest.newBuilder(URI.create(base + "/benchmark/ping"))
                        .GET()
                        .build());
                single.add(() -> post(base + "/api/v1/batches/" + target.batchId() + "/events", target, event));
            }
            for (int client = 0; client < bulkClients; client++) {
                ArchiveTraffic.Target target = targets.get(client);
                String body = bulkTemplate.replace("%1$d", Long.toString(target.batchId()));
                bulk.add(() -> post(base + "/api/v1/events/bulk", target, body));
            }

            List<Result> results = new ArrayList<>();
            results.add(phase(http, "(a) GET /benchmark/ping", ping, 0, warmup, duration));
            results.add(phase(http, "(b) POST one event", single, 1, warmup, duration));
            results.add(phase(http, "(c) POST bulk x" + bulkSize, bulk, bulkSize, warmup, duration));

            JdbcTemplate jdbc = new JdbcTemplate(app.getBean(DataSource.class));
            long started = System.nanoTime();
            awaitAnchored(app.getBean(AnchorOutbox.class), jdbc);
            long events = jdbc.queryForObject("select count(*) from batch_event", Long.class);
            long missing = jdbc.queryForObject(
                    "select count(*) from batch_event e where not exists"
                            + " (select 1 from anchor_leaf l where l.event_id = e.id and l.anchor_id is not null)",
                    Long.class);
            long twice = jdbc.queryForObject(
                    "select count(*) from (select event_id from anchor_leaf group by event_id having count(*) > 1) d",
                    Long.class);
            System.out.printf(
                    "[record] the worker finished anchoring %.1f s after the last phase: %,d events, %,d without an"
                            + " anchored leaf, %,d with more than one%n",
                    (System.nanoTime() - started) / 1e9, events, missing, twice);
            report(results, clients, bulkClients, duration);
            if (missing != 0 || twice != 0) {
                throw new IllegalStateException("Anchoring did not see every event exactly once");
            }
        }
    }

    private static HttpRequest post(String url, ArchiveTraffic.Target target, String body) {
        return HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + target.token())
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    /** A warm-up round, then a measured round, each client sending its calls one after the other. */
    private static Result phase(
            HttpClient http, String label, List<Call> calls, int eventsPerCall, Duration warmup, Duration duration)
            throws Exception {
        Result warm = run(http, label, calls, eventsPerCall, warmup);
        System.out.printf(
                "[record] warm-up %s: %,.0f requests/s, %,.0f events/s%n",
                label, warm.requestsPerSecond(), warm.eventsPerSecond());
        String before = BenchmarkMachine.loadAverage();
        Result result = run(http, label, calls, eventsPerCall, duration);
        System.out.printf(
                "[record] %s: %,.0f requests/s, %,.0f events/s, p50 %.1f ms, p99 %.1f ms (load average before %s)%n",
                label,
                result.requestsPerSecond(),
                result.eventsPerSecond(),
                result.percentileMillis(50),
                result.percentileMillis(99),
                before);
        return result;
    }

    private static Result run(HttpClient http, String label, List<Call> calls, int eventsPerCall, Duration duration)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        try {
            List<Future<long[]>> clients = new ArrayList<>();
            for (Call call : calls) {
                clients.add(pool.submit(() -> {
                    long[] latencies = new long[1024];
                    int count = 0;
                    while (System.nanoTime() < end) {
                        HttpRequest request = call.next();
                        long sent = System.nanoTime();
                        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        long micros = (System.nanoTime() - sent) / 1000;
                        if (response.statusCode() / 100 != 2) {
                            throw new IllegalStateException(request.method() + " " + request.uri() + " answered "
                                    + response.statusCode() + ": " + response.body());
                        }
                        if (count == latencies.length) {
                            latencies = Arrays.copyOf(latencies, count * 2);
                        }
                        latencies[count++] = micros;
                    }
                    return Arrays.copyOf(latencies, count);
                }));
            }
            List<long[]> all = new ArrayList<>();
            for (Future<long[]> client : clients) {
                all.add(client.get());
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long[] latencies =
                    all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
            return new Result(label, latencies.length, (long) latencies.length * eventsPerCall, seconds, latencies);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void awaitAnchored(AnchorOutbox outbox, JdbcTemplate jdbc) throws InterruptedException {
        while (!jdbc.queryForList("select id from anchor_leaf where anchor_id is null limit 1", Long.class)
                        .isEmpty()
                || outbox.backlog().leaves() > 0) {
            Thread.sleep(500);
        }
    }

    private static void report(List<Result> results, int clients, int bulkClients, Duration duration) {
        System.out.println();
        System.out.printf(
                "[record] %d clients for (a) and (b), %d for (c); %d s measured per phase after a warm-up%n",
                clients, bulkClients, duration.toSeconds());
        System.out.printf(
                "[record] %-28s %10s %10s %10s %9s %9s %9s%n",
                "phase", "requests", "req/s", "events/s", "p50 ms", "p99 ms", "x ping");
        Result ping = results.get(0);
        for (Result result : results) {
            System.out.printf(
                    "[record] %-28s %,10d %,10.0f %,10.0f %9.1f %9.1f %9.2f%n",
                    result.label(),
                    result.requests(),
                    result.requestsPerSecond(),
                    result.eventsPerSecond(),
                    result.percentileMillis(50),
                    result.percentileMillis(99),
                    result.requestsPerSecond() / ping.requestsPerSecond());
        }
        System.out.printf(
                "[record] targets: bulk >= 5,000 events/s (%,.0f); single >= 1,500 events/s with 16 clients (%,.0f)%n",
                results.get(2).eventsPerSecond(), results.get(1).eventsPerSecond());
        System.out.printf("[record] load average after: %s%n", BenchmarkMachine.loadAverage());
    }
}
