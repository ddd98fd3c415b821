package org.suyuan.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.sql.DataSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.suyuan.SuyuanApplication;
import org.suyuan.archive.EventDocument;
import org.suyuan.archive.EventDocumentAccess;
import org.suyuan.db.anchoring.AnchorOutbox;
import org.suyuan.db.archive.Batch;
import org.suyuan.db.archive.BatchEvent;
import org.suyuan.db.archive.BatchEventRepository;
import org.suyuan.db.archive.BatchRepository;
import org.suyuan.db.code.IssuedCodeRepository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 5's benchmark: consumers scanning trace codes, {@code GET /t/{code}}, against an archive of 100,000 batches,
 * next to a trivial endpoint of the same application in the same run.
 *
 * <p>Generates the archive ({@link ScanArchiveGenerator}: real hash chains, a trace code per batch, pending anchor
 * leaves), starts the real application on a free port with {@link BenchmarkEndpoints}' {@code GET /benchmark/ping},
 * waits until the application's anchoring worker has anchored every event (embedded ledger), recomputes a sample of
 * hash chains through the application's own repositories and {@link EventDocument}, then drives each endpoint with
 * <a href="https://github.com/wg/wrk">wrk</a> ({@code apt-get install wrk}) at 32 keep-alive connections: a warm-up
 * round for every endpoint, then a measured round each. Codes are picked at random from the generated set by a Lua
 * script written to {@code target/scan-benchmark}. Requests carry a phone browser's {@code Accept} header, which
 * prefers HTML (the consumer page) and takes anything else (the code's JSON, until that page exists).
 * {@code GET /api/v1/trace/{code}} is measured too when it answers 200.
 *
 * <pre>
 * ./mvnw -B -q -pl app -am -Pbenchmark -DskipTests integration-test -Dbenchmark.main=org.suyuan.benchmark.ScanBenchmark \
 *     -Dbenchmark.args="--batches 100000"
 * </pre>
 *
 * Options: {@code --batches} (100000), {@code --connections} (32), {@code --threads} (wrk's, 2), {@code --warmup}
 * (20s per endpoint), {@code --duration} (30s per endpoint), {@code --seed}, {@code --database <jdbc url>} (default:
 * MariaDB/MySQL database {@code suyuan_scan_benchmark} at 127.0.0.1:3306 as root without a password, dropped and
 * recreated; an empty value means an H2 file database under {@code target/scan-benchmark}).
 */
public final class ScanBenchmark {

    private static final String DEFAULT_DATABASE =
            "jdbc:mysql://127.0.0.1:3306/suyuan_scan_benchmark" + "?user=root&password=&rewriteBatchedStatements=true";
    /** What a phone's browser sends when the camera opens a scanned URL. */
    private static final String BROWSER_ACCEPT =
            "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";

    private static final String SCRIPT = """
            -- Written by org.suyuan.benchmark.ScanBenchmark. Arguments: path, codes file or "-", Accept header.
            -- With a codes file, each request appends a code picked at random to the path.
            local threads = 0

            function setup(thread)
              threads = threads + 1
              thread:set("id", threads)
            end

            local path, accept
            local codes = {}

            function init(args)
              path, accept = args[1], args[3]
              if args[2] ~= "-" then
                for line in io.lines(args[2]) do
                  codes[#codes + 1] = line
                end
              end
              math.randomseed(id * 7919 + os.time())
            end

            function request()
              local target = path
              if #codes > 0 then
                target = path .. codes[math.random(#codes)]
              end
              return wrk.format("GET", target, { ["Accept"] = accept })
            end

            function done(summary, latency, requests)
              local e = summary.errors
              io.write(string.format(
                "RESULT requests=%d duration_us=%d status_errors=%d socket_errors=%d p50_us=%d p95_us=%d p99_us=%d max_us=%d\\n",
                summary.requests, summary.duration, e.status, e.connect + e.read + e.write + e.timeout,
                latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max))
            end
            """;

    private ScanBenchmark() {}

    /** An endpoint under load: with {@code randomCode}, a generated code is appended to {@code path} per request. */
    private record Target(String label, String path, boolean randomCode, String accept) {}

    /** One wrk round. Errors: responses other than 2xx/3xx, and connect, read, write or timeout failures. */
    private record Result(
            Target target,
            long requests,
            double seconds,
            long statusErrors,
            long socketErrors,
            double p50,
            double p95,
            double p99,
            double max,
            String loadAverage) {

        double perSecond() {
            return requests / seconds;
        }
    }

    public static void main(String[] args) throws Exception {
        BenchmarkOptions options = BenchmarkOptions.parse(args);
        int batches = options.integer("batches", 100_000);
        int connections = options.integer("connections", 32);
        int threads = options.integer("threads", 2);
        Duration warmup = options.duration("warmup", Duration.ofSeconds(20));
        Duration duration = options.duration("duration", Duration.ofSeconds(30));
        long seed = options.number("seed", 5);
        Path work = Path.of("target", "scan-benchmark").toAbsolutePath();
        String url = BenchmarkDatabase.fresh(options.text("database", DEFAULT_DATABASE), work.resolve("h2"));
        Files.createDirectories(work);
        BenchmarkMachine.describe("scan", url);

        DataSource database = BenchmarkDatabase.migrated(url);
        long started = System.nanoTime();
        ScanArchiveGenerator.Generated generated = ScanArchiveGenerator.generate(
                database, EventDocumentAccess.eventDocument(JsonMapper.builder().build()), batches, seed);
        double generationSeconds = seconds(started);
        System.out.printf(
                "[scan] generated %,d batches (%,d organizations), %,d events, %,d codes, %,d pending leaves in %.1f s"
                        + " (%,.0f events/s)%n",
                generated.batches(),
                generated.organizations(),
                generated.events(),
                generated.codes().size(),
                generated.events(),
                generationSeconds,
                generated.events() / generationSeconds);
        Path codes = Files.write(work.resolve("codes.txt"), generated.codes());
        Path script = Files.writeString(work.resolve("random-codes.lua"), SCRIPT);

        long launched = System.nanoTime();
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(
                        SuyuanApplication.class, BenchmarkEndpoints.class)
                .run(
                        // The production profile on MySQL (its pool and Connector/J settings), credentials given here.
                        "--spring.profiles.active=" + (url.startsWith("jdbc:mysql:") ? "mysql,benchmark" : "benchmark"),
                        "--server.port=0",
                        "--spring.datasource.url=" + url,
                        "--spring.datasource.username=root",
                        "--spring.datasource.password=",
                        "--suyuan.demo.enabled=false",
                        "--suyuan.security.personal-data-key=YmVuY2htYXJrLW9ubHkta2V5LW5vdC1mb3ItcHJvZHVjdGlvbg==",
                        "--logging.level.root=WARN")) {
            double startupSeconds = seconds(launched);
            JdbcTemplate jdbc = new JdbcTemplate(app.getBean(DataSource.class));
            awaitAnchored(app.getBean(AnchorOutbox.class), jdbc);
            double anchoredSeconds = seconds(launched);
            Map<String, Object> anchors = jdbc.queryForMap(
                    "select count(*) as anchors, max(leaf_count) as most, sum(leaf_count) as leaves from anchor"
                            + " where state = 'ANCHORED'");
            System.out.printf(
                    "[scan] application started in %.1f s; its worker anchored all %,d events %.1f s after launch"
                            + " (%,.0f leaves/s including startup): %s anchors of at most %s leaves%n",
                    startupSeconds,
                    ((Number) anchors.get("leaves")).longValue(),
                    anchoredSeconds,
                    generated.events() / anchoredSeconds,
                    anchors.get("anchors"),
                    anchors.get("most"));
            System.out.printf(
                    "[scan] recomputed %d random hash chains through the application's repositories: all intact%n",
                    checkChains(app, generated.codes(), 200));

            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            List<Target> targets = new ArrayList<>(List.of(
                    new Target("(a) GET /benchmark/ping", "/benchmark/ping", false, "text/plain"),
                    new Target("(b) GET /t/{code}", "/t/", true, BROWSER_ACCEPT)));
            for (Target target : targets) {
                probe(port, target, generated.codes().get(0));
            }
            Target api = new Target("(c) GET /api/v1/trace/{code}", "/api/v1/trace/", true, "application/json");
            if (probe(port, api, generated.codes().get(0)) == 200) {
                targets.add(api);
            } else {
                System.out.println("[scan] (c) skipped: it does not answer 200 (yet)");
            }

            for (Target target : targets) {
                Result result = wrk(target, port, threads, connections, warmup, script, codes);
                System.out.printf("[scan] warm-up %s: %,.0f requests/s%n", target.label(), result.perSecond());
            }
            List<Result> results = new ArrayList<>();
            for (Target target : targets) {
                results.add(wrk(target, port, threads, connections, duration, script, codes));
            }
            report(results, connections, threads, duration);
        }
    }

    /** Recomputes the hash chains of random batches as the application loads them, on the benchmark's database. */
    private static int checkChains(ConfigurableApplicationContext app, List<String> codes, int sample) {
        IssuedCodeRepository issued = app.getBean(IssuedCodeRepository.class);
        BatchRepository batches = app.getBean(BatchRepository.class);
        BatchEventRepository events = app.getBean(BatchEventRepository.class);
        EventDocument documents = app.getBean(EventDocument.class);
        Random random = new Random(1);
        for (int checked = 0; checked < sample; checked++) {
            String code = codes.get(random.nextInt(codes.size()));
            Batch batch = batches.findById(issued.findById(code).orElseThrow().getBatchId())
                    .orElseThrow();
            String previous = EventDocument.genesisHash();
            for (BatchEvent event : events.findAllByBatchIdOrderBySequenceNumber(batch.getId())) {
                String recomputed = EventDocument.hash(previous, documents.canonicalJson(batch, event, null))
                        .hex();
                if (!recomputed.equals(event.getEventHash()) || !previous.equals(event.getPreviousHash())) {
                    throw new IllegalStateException(
                            "Broken chain: batch " + batch.getId() + ", event " + event.getId());
                }
                previous = recomputed;
            }
        }
        return sample;
    }

    /**
     * Waits until no leaf is pending or on its way to the ledger. Asks whether any leaf is pending without the
     * outbox's {@code ORDER BY id}: on MariaDB that sorts every pending leaf (0.3 to 0.9 s with a few hundred
     * thousand), which would take a share of the database from the worker being timed.
     */
    private static void awaitAnchored(AnchorOutbox outbox, JdbcTemplate jdbc) throws InterruptedException {
        long lastReport = System.nanoTime();
        while (!jdbc.queryForList("select id from anchor_leaf where anchor_id is null limit 1", Long.class)
                        .isEmpty()
                || outbox.backlog().leaves() > 0) {
            if (System.nanoTime() - lastReport > 30_000_000_000L) {
                System.out.printf(
                        "[scan] anchoring: %,d leaves to go%n", outbox.backlog().leaves());
                lastReport = System.nanoTime();
            }
            Thread.sleep(500);
        }
    }

    /** One request, to show what the endpoint answers (status, type, size) before it is put under load. */
    private static int probe(int port, Target target, String code) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(
                                        "http://127.0.0.1:" + port + target.path() + (target.randomCode() ? code : "")))
                                .header("Accept", target.accept())
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        System.out.printf(
                "[scan] %s answers %d, %s, %,d bytes%n",
                target.label(),
                response.statusCode(),
                response.headers().firstValue("Content-Type").orElse("no content type"),
                response.body().length);
        return response.statusCode();
    }

    private static Result wrk(
            Target target, int port, int threads, int connections, Duration duration, Path script, Path codes)
            throws IOException, InterruptedException {
        String loadAverage = BenchmarkMachine.loadAverage();
        List<String> command = List.of(
                "wrk",
                "-t" + threads,
                "-c" + connections,
                "-d" + duration.toSeconds() + "s",
                "--timeout",
                "10s",
                "-s",
                script.toString(),
                "http://127.0.0.1:" + port,
                "--",
                target.path(),
                target.randomCode() ? codes.toString() : "-",
                target.accept());
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException("wrk is not installed: apt-get install wrk", e);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0 || !output.contains("RESULT ")) {
            throw new IllegalStateException("wrk failed: " + String.join(" ", command) + "\n" + output);
        }
        Map<String, Long> values = new HashMap<>();
        for (String pair :
                output.substring(output.indexOf("RESULT ") + 7).strip().split("\\s+")) {
            String[] nameAndValue = pair.split("=");
            values.put(nameAndValue[0], Long.parseLong(nameAndValue[1]));
        }
        return new Result(
                target,
                values.get("requests"),
                values.get("duration_us") / 1e6,
                values.get("status_errors"),
                values.get("socket_errors"),
                values.get("p50_us") / 1e3,
                values.get("p95_us") / 1e3,
                values.get("p99_us") / 1e3,
                values.get("max_us") / 1e3,
                loadAverage);
    }

    private static void report(List<Result> results, int connections, int threads, Duration duration) {
        System.out.println();
        System.out.printf(
                "[scan] %d connections, %d wrk threads, %d s per endpoint, after a warm-up round of each%n",
                connections, threads, duration.toSeconds());
        System.out.printf(
                "[scan] %-30s %12s %10s %9s %9s %9s %9s %8s  %s%n",
                "endpoint",
                "requests",
                "req/s",
                "p50 ms",
                "p95 ms",
                "p99 ms",
                "max ms",
                "errors",
                "load average before");
        for (Result result : results) {
            System.out.printf(
                    "[scan] %-30s %,12d %,10.0f %9.1f %9.1f %9.1f %9.1f %8d  %s%n",
                    result.target().label(),
                    result.requests(),
                    result.perSecond(),
                    result.p50(),
                    result.p95(),
                    result.p99(),
                    result.max(),
                    result.statusErrors() + result.socketErrors(),
                    result.loadAverage());
        }
        Result trivial = results.get(0);
        Result scan = results.get(1);
        System.out.printf(
                "[scan] (b)/(a) throughput %.2f (target >= 0.25); (b) p99 %.1f ms (target <= 50 ms)%n",
                scan.perSecond() / trivial.perSecond(), scan.p99());
        System.out.printf("[scan] load average after: %s%n", BenchmarkMachine.loadAverage());
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
