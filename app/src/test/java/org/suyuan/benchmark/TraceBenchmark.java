package org.suyuan.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.suyuan.SuyuanApplication;
import org.suyuan.account.AccountService;
import org.suyuan.account.CurrentUser;

/**
 * Load generator for the regulator's trace (issue 7): a generated supply graph of about a million events, then
 * backward + forward traces of random linked batches through {@code GET /api/v1/batches/{id}/trace} over HTTP, as a
 * city regulator with a bearer token, from several concurrent clients. Prints p50/p95/p99 latency and throughput,
 * and the export throughput of the whole jurisdiction.
 *
 * <pre>
 * ./mvnw -B -q -pl app -am -Pbenchmark -DskipTests integration-test -Dbenchmark.main=org.suyuan.benchmark.TraceBenchmark \
 *     -Dbenchmark.args="--events 1000000 --requests 3000 --clients 8"
 * </pre>
 *
 * <p>{@code --database jdbc:mysql://…/suyuan_trace_benchmark?…&amp;rewriteBatchedStatements=true} runs on MySQL (the
 * database is dropped and recreated); by default an H2 file database under {@code target/trace-benchmark}.
 */
public final class TraceBenchmark {

    private TraceBenchmark() {}

    public static void main(String[] args) throws Exception {
        BenchmarkOptions options = BenchmarkOptions.parse(args);
        long events = options.number("events", 1_000_000);
        int requests = options.integer("requests", 3000);
        int clients = options.integer("clients", 8);
        String url = BenchmarkDatabase.fresh(options.text("database", ""), Path.of("target", "trace-benchmark"));
        DataSource database = BenchmarkDatabase.migrated(url);
        long started = System.nanoTime();
        SupplyGraphGenerator.Generated generated = SupplyGraphGenerator.generate(database, events, 7);
        System.out.printf(
                "[trace] generated %,d events, %,d batches, %,d links in %.0f s%n",
                generated.events(), generated.batches(), generated.links(), (System.nanoTime() - started) / 1e9);

        try (ConfigurableApplicationContext app = SpringApplication.run(
                SuyuanApplication.class,
                "--spring.profiles.active=benchmark",
                "--server.port=0",
                "--spring.datasource.url=" + url,
                "--spring.datasource.hikari.maximum-pool-size=" + (clients + 4),
                "--suyuan.demo.enabled=false",
                "--suyuan.security.personal-data-key=YmVuY2htYXJrLW9ubHkta2V5LW5vdC1mb3ItcHJvZHVjdGlvbg==",
                "--logging.level.root=WARN")) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            AccountService accounts = app.getBean(AccountService.class);
            CurrentUser regulator = accounts.createRegulator("bench-city", "bench-password-1", "市局", "340200");
            String token = accounts.issueToken(regulator, "benchmark", Duration.ofDays(1))
                    .secret();
            List<Long> linked = new JdbcTemplate(database)
                    .queryForList(
                            "select distinct source_batch_id from batch_link union select distinct target_batch_id"
                                    + " from batch_link where target_batch_id is not null",
                            Long.class);
            Collections.shuffle(linked, new Random(1));

            ExecutorService httpThreads = Executors.newFixedThreadPool(clients);
            try {
                HttpClient http = HttpClient.newBuilder().executor(httpThreads).build();
                measure(http, port, token, linked, Math.min(300, requests), clients, "warm-up");
                measure(http, port, token, linked, requests, clients, "measured");
                exportThroughput(http, port, token);
            } finally {
                // Its threads are not daemons: left running, they would keep the JVM from exiting.
                httpThreads.shutdownNow();
            }
        }
    }

    private static void measure(
            HttpClient http, int port, String token, List<Long> batches, int requests, int clients, String label)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<Long>> latencies = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < requests; i++) {
            long batch = batches.get(i % batches.size());
            latencies.add(pool.submit(() -> {
                long begin = System.nanoTime();
                HttpResponse<String> response = http.send(
                        HttpRequest.newBuilder(
                                        URI.create("http://localhost:" + port + "/api/v1/batches/" + batch + "/trace"))
                                .header("Authorization", "Bearer " + token)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
                }
                return System.nanoTime() - begin;
            }));
        }
        List<Long> nanos = new ArrayList<>();
        for (Future<Long> latency : latencies) {
            nanos.add(latency.get());
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        Collections.sort(nanos);
        System.out.printf(
                "[trace] %s: %d traces, %d clients: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, %.0f traces/s%n",
                label,
                requests,
                clients,
                percentile(nanos, 50),
                percentile(nanos, 95),
                percentile(nanos, 99),
                requests / seconds);
    }

    private static void exportThroughput(HttpClient http, int port, String token) throws Exception {
        long started = System.nanoTime();
        HttpResponse<java.io.InputStream> response = http.send(
                HttpRequest.newBuilder(
                                URI.create("http://localhost:" + port + "/api/v1/supervision/exports/events.csv"))
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        long lines = 0;
        try (java.io.InputStream in = response.body()) {
            byte[] buffer = new byte[1 << 16];
            for (int read; (read = in.read(buffer)) > 0; ) {
                for (int i = 0; i < read; i++) {
                    lines += buffer[i] == '\n' ? 1 : 0;
                }
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(
                "[export] %,d rows over HTTP in %.1f s: %,.0f rows/s%n", lines - 1, seconds, (lines - 1) / seconds);
    }

    private static double percentile(List<Long> sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1e6;
    }
}
