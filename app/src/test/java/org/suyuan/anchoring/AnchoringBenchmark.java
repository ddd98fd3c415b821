package org.suyuan.anchoring;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.suyuan.SuyuanApplication;
import org.suyuan.db.anchoring.AnchorOutbox;
import org.suyuan.ledger.fabric.GatewayEmulator;
import org.suyuan.ledger.fabric.TestCredentials;

/**
 * Issue 4's benchmark: events recorded through the API and anchored, per second, end to end.
 *
 * <p>Starts the real application on a free port (Tomcat, security, JPA, the anchoring worker; configured through
 * properties as in production), with the embedded ledger or with Fabric through the real Gateway SDK over TLS, to the
 * gateway emulator on a loopback port or to a real network that {@code fabric/network.sh up} started; creates producers with bearer tokens and batches over HTTP; then many
 * concurrent HTTP clients record irrigation events, one client per batch at a time. It reports the recording rate,
 * the rate at which events were recorded <em>and</em> anchored (until the last one is confirmed by the ledger),
 * leaves per ledger transaction and the anchoring lag (recording to confirmation) at p50 and p95.
 *
 * <p>Not part of {@code ./mvnw verify}. Run (see README, "Benchmarks"):
 *
 * <pre>
 * ./mvnw -B -q -pl app -am -Pbenchmark -DskipTests integration-test -Dbenchmark.args="--ledger fabric"
 * </pre>
 *
 * Options: {@code --ledger embedded|fabric}, {@code --fabric-network <dir>} (a real network; implies fabric),
 * {@code --database <jdbc url>} (default: in-memory H2 in MySQL mode),
 * {@code --producers}, {@code --batches-per-producer}, {@code --events-per-batch}, {@code --warmup-events-per-batch},
 * {@code --threads}, {@code --max-leaves}, {@code --max-window}, any {@code --spring.property=value}, {@code
 * --drain true} to record with the worker off and then time how fast it anchors the backlog alone, and {@code
 * --feed-rate N --feed-seconds S} to write N events a second straight into the outbox for S seconds (no API) and
 * see whether anchoring keeps up with that rate, and with what lag.
 */
public final class AnchoringBenchmark {

    private static final String ADMIN_PASSWORD = "benchmark-admin-password";

    private AnchoringBenchmark() {}

    public static void main(String[] arguments) throws Exception {
        Map<String, String> options = options(arguments);
        String network = options.get("fabric-network");
        String ledger = network != null ? "fabric" : options.getOrDefault("ledger", "embedded");
        String label =
                network != null ? "fabric (real network)" : ledger.equals("fabric") ? "fabric (emulator)" : ledger;
        int producers = Integer.parseInt(options.getOrDefault("producers", "8"));
        int batchesEach = Integer.parseInt(options.getOrDefault("batches-per-producer", "32"));
        int events = Integer.parseInt(options.getOrDefault("events-per-batch", "200"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup-events-per-batch", "20"));
        int threads = Integer.parseInt(options.getOrDefault("threads", "64"));
        boolean drain = options.containsKey("drain");
        int perRequest = Integer.parseInt(options.getOrDefault("bulk", "1"));

        String database = options.getOrDefault(
                "database",
                "jdbc:h2:mem:benchmark;MODE=MySQL;DATABASE_TO_LOWER=TRUE;NON_KEYWORDS=VALUE;DB_CLOSE_DELAY=-1");
        List<String> properties = new ArrayList<>(List.of(
                "--server.port=0",
                // On MariaDB the production profile, with its pool and Connector/J settings (batched statements
                // rewritten into multi-row ones): without them every row of a JDBC batch is a round trip of its own.
                "--spring.profiles.active=" + (database.startsWith("jdbc:mysql:") ? "mysql,benchmark" : "benchmark"),
                "--spring.datasource.url=" + database,
                "--spring.datasource.username=root",
                "--spring.datasource.password=",
                "--suyuan.demo.enabled=false",
                "--suyuan.bootstrap.admin-password=" + ADMIN_PASSWORD,
                "--suyuan.security.personal-data-key=" + randomKey(),
                "--logging.level.org.suyuan.anchoring=WARN",
                "--suyuan.anchoring.enabled=" + !drain,
                "--suyuan.ledger.type=" + ledger));
        // The worker's windows are the application's defaults unless given (--max-leaves, --max-window,
        // --max-in-flight).
        for (String worker : List.of("max-leaves", "max-window", "max-in-flight")) {
            if (options.containsKey(worker)) {
                properties.add("--suyuan.anchoring." + worker + "=" + options.get(worker));
            }
        }
        options.forEach((name, value) -> {
            if (name.startsWith("spring.") || name.startsWith("suyuan.") || name.startsWith("server.")) {
                properties.add("--" + name + "=" + value);
            }
        });
        GatewayEmulator emulator = null;
        if (network != null) {
            properties.add("--spring.config.additional-location=file:" + Path.of(network, "suyuan-app.properties"));
        } else if (ledger.equals("fabric")) {
            emulator = GatewayEmulator.builder()
                    .batchTimeout(Duration.ofMillis(200))
                    .maxTransactionsPerBlock(10)
                    .build();
            properties.addAll(fabricProperties(emulator));
        }

        try (ConfigurableApplicationContext app =
                SpringApplication.run(SuyuanApplication.class, properties.toArray(String[]::new))) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            // Today as the application judges it: its own clock, in its own zone.
            java.time.LocalDate today = java.time.LocalDate.ofInstant(
                    app.getBean(java.time.Clock.class).instant(),
                    app.getBean(org.suyuan.SuyuanProperties.class).timeZone());
            ArchiveTraffic traffic = new ArchiveTraffic("http://127.0.0.1:" + port, today);
            AnchorOutbox outbox = app.getBean(AnchorOutbox.class);
            MeterRegistry registry = app.getBean(MeterRegistry.class);

            System.out.printf(
                    "Setting up %d producers x %d batches on %s (%s ledger)...%n",
                    producers,
                    batchesEach,
                    properties.get(2).substring(24),
                    network == null ? ledger : "real Fabric network in " + network);
            List<ArchiveTraffic.Target> targets = traffic.targets("admin", ADMIN_PASSWORD, producers, batchesEach, 8);
            if (!drain) {
                System.out.printf("Warming up with %d events...%n", warmup * targets.size());
                traffic.recordEvents(targets, warmup, threads);
                awaitAnchored(outbox);
            }

            if (options.containsKey("feed-rate")) {
                int rate = Integer.parseInt(options.get("feed-rate"));
                Duration duration = Duration.ofSeconds(Long.parseLong(options.getOrDefault("feed-seconds", "60")));
                OutboxFeed feed = new OutboxFeed(
                        app.getBean(javax.sql.DataSource.class),
                        targets.stream().map(ArchiveTraffic.Target::batchId).toList());
                Snapshot before = Snapshot.of(registry);
                Instant start = Instant.now();
                long written = feed.run(rate, duration);
                Instant writtenAt = Instant.now();
                awaitAnchored(outbox);
                Instant anchoredAt = Instant.now();
                reportFeed(label, rate, written, start, writtenAt, anchoredAt, before, Snapshot.of(registry), registry);
                return;
            }
            if (drain) {
                AnchoringLoop loop = drainBacklog(app, outbox, traffic, targets, warmup, threads);
                traffic.recordEvents(targets, events, threads);
                Snapshot before = Snapshot.of(registry);
                Instant start = Instant.now();
                loop.start();
                awaitAnchored(outbox);
                Instant drainedAt = Instant.now();
                loop.stop();
                reportDrain(label, events * targets.size(), start, drainedAt, before, Snapshot.of(registry));
                return;
            }
            Snapshot before = Snapshot.of(registry);
            Instant start = Instant.now();
            List<ArchiveTraffic.Recorded> recorded = traffic.recordEvents(targets, events, threads, perRequest);
            Instant recordedAt = Instant.now();
            awaitAnchored(outbox);
            Instant anchoredAt = Instant.now();
            Snapshot after = Snapshot.of(registry);

            report(label, targets.size(), threads, recorded.size(), start, recordedAt, anchoredAt, before, after);
        } finally {
            if (emulator != null) {
                emulator.close();
            }
        }
    }

    /**
     * With {@code --drain}, the worker is off while events are recorded and then anchors the whole backlog: how many
     * leaves per second anchoring alone sustains, apart from the cost of recording. Warms the worker up first.
     */
    private static AnchoringLoop drainBacklog(
            ConfigurableApplicationContext app,
            AnchorOutbox outbox,
            ArchiveTraffic traffic,
            List<ArchiveTraffic.Target> targets,
            int warmup,
            int threads)
            throws InterruptedException {
        System.out.printf("Warming up with %d events (recorded, then anchored)...%n", warmup * targets.size());
        traffic.recordEvents(targets, warmup, threads);
        AnchoringLoop warmupLoop = new AnchoringLoop(
                app.getBean(AnchoringWorker.class),
                app.getBean(AnchoringMetrics.class),
                app.getBean(AnchoringProperties.class));
        warmupLoop.start();
        awaitAnchored(outbox);
        warmupLoop.stop();
        return new AnchoringLoop(
                app.getBean(AnchoringWorker.class),
                app.getBean(AnchoringMetrics.class),
                app.getBean(AnchoringProperties.class));
    }

    private static void reportDrain(
            String ledger, int leaves, Instant start, Instant drainedAt, Snapshot before, Snapshot after) {
        double seconds = Duration.between(start, drainedAt).toNanos() / 1e9;
        long anchors = after.anchors() - before.anchors();
        System.out.println();
        System.out.printf("ledger                          %s (anchoring a backlog, worker alone)%n", ledger);
        System.out.printf("leaves anchored                 %d in %.1f s%n", leaves, seconds);
        System.out.printf("leaves anchored per second      %.0f%n", leaves / seconds);
        System.out.printf("ledger transactions             %d%n", anchors);
        System.out.printf(
                "leaves per transaction          mean %.0f, max %.0f%n",
                anchors == 0 ? 0 : (after.leaves() - before.leaves()) / anchors, after.maxLeaves());
    }

    private static void reportFeed(
            String ledger,
            int rate,
            long written,
            Instant start,
            Instant writtenAt,
            Instant anchoredAt,
            Snapshot before,
            Snapshot after,
            MeterRegistry registry) {
        double writeSeconds = Duration.between(start, writtenAt).toNanos() / 1e9;
        long anchors = after.anchors() - before.anchors();
        Timer ledgerCalls = registry.get("suyuan.anchoring.ledger.anchor").timer();
        Duration p95 = after.lagPercentile(before, 0.95);
        double commitSeconds = ledgerCalls.mean(TimeUnit.NANOSECONDS) / 1e9;
        System.out.println();
        System.out.printf("ledger                          %s (outbox fed at a fixed rate, no API)%n", ledger);
        System.out.printf(
                "events written                  %d in %.1f s (%.0f per second, asked %d)%n",
                written, writeSeconds, written / writeSeconds, rate);
        System.out.printf(
                "backlog anchored                %.1f s after the last write%n",
                Duration.between(writtenAt, anchoredAt).toNanos() / 1e9);
        System.out.printf("ledger transactions             %d%n", anchors);
        System.out.printf(
                "leaves per transaction          mean %.0f, max %.0f%n",
                anchors == 0 ? 0 : (after.leaves() - before.leaves()) / anchors, after.maxLeaves());
        System.out.printf(
                "ledger call (commit) mean / max %.2f s / %.2f s%n",
                commitSeconds, ledgerCalls.max(TimeUnit.NANOSECONDS) / 1e9);
        Timer prepares = registry.get("suyuan.anchoring.prepare").timer();
        System.out.printf(
                "preparing a window mean / max   %.2f s / %.2f s%n",
                prepares.mean(TimeUnit.NANOSECONDS) / 1e9, prepares.max(TimeUnit.NANOSECONDS) / 1e9);
        System.out.printf(
                "anchoring lag p50 / p95         <= %s / <= %s (p95 = %.1f x the mean ledger call)%n",
                format(after.lagPercentile(before, 0.50)), format(p95), p95.toNanos() / 1e9 / commitSeconds);
    }

    private static void report(
            String ledger,
            int batches,
            int threads,
            int events,
            Instant start,
            Instant recordedAt,
            Instant anchoredAt,
            Snapshot before,
            Snapshot after) {
        double recordSeconds = Duration.between(start, recordedAt).toNanos() / 1e9;
        double endToEndSeconds = Duration.between(start, anchoredAt).toNanos() / 1e9;
        long anchors = after.anchors() - before.anchors();
        double leaves = after.leaves() - before.leaves();
        System.out.println();
        System.out.printf("ledger                          %s%n", ledger);
        System.out.printf("clients / batches               %d / %d%n", threads, batches);
        System.out.printf("events recorded                 %d in %.1f s%n", events, recordSeconds);
        System.out.printf("recorded per second             %.0f%n", events / recordSeconds);
        System.out.printf(
                "recorded and anchored per sec.  %.0f (last anchor %.1f s after the first write)%n",
                events / endToEndSeconds, endToEndSeconds);
        System.out.printf("ledger transactions             %d%n", anchors);
        System.out.printf(
                "leaves per transaction          mean %.0f, max %.0f%n",
                anchors == 0 ? 0 : leaves / anchors, after.maxLeaves());
        System.out.printf(
                "anchoring lag p50 / p95         <= %s / <= %s (recording to ledger confirmation)%n",
                format(after.lagPercentile(before, 0.50)), format(after.lagPercentile(before, 0.95)));
        System.out.printf(
                "machine                         %d cores, %s %s, Java %s%n",
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name"),
                System.getProperty("os.arch"),
                System.getProperty("java.version"));
    }

    /** The anchoring meters at one moment; lag percentiles come from the difference of two histograms. */
    private record Snapshot(long anchors, double leaves, double maxLeaves, CountAtBucket[] lagBuckets) {

        static Snapshot of(MeterRegistry registry) {
            DistributionSummary perAnchor =
                    registry.get("suyuan.anchoring.anchor.leaves").summary();
            Timer lag = registry.get("suyuan.anchoring.leaf.age").timer();
            return new Snapshot(
                    perAnchor.count(),
                    perAnchor.totalAmount(),
                    perAnchor.max(),
                    lag.takeSnapshot().histogramCounts());
        }

        /** The upper bound of the histogram bucket holding the given percentile of the leaves anchored since. */
        Duration lagPercentile(Snapshot earlier, double percentile) {
            Map<Double, Double> earlierCounts = new HashMap<>();
            for (CountAtBucket bucket : earlier.lagBuckets()) {
                earlierCounts.put(bucket.bucket(), bucket.count());
            }
            double total = lagBuckets.length == 0
                    ? 0
                    : lagBuckets[lagBuckets.length - 1].count()
                            - earlierCounts.getOrDefault(lagBuckets[lagBuckets.length - 1].bucket(), 0.0);
            for (CountAtBucket bucket : lagBuckets) {
                double count = bucket.count() - earlierCounts.getOrDefault(bucket.bucket(), 0.0);
                if (total > 0 && count >= percentile * total) {
                    return Duration.ofNanos((long) bucket.bucket(TimeUnit.NANOSECONDS));
                }
            }
            return Duration.ZERO;
        }
    }

    private static void awaitAnchored(AnchorOutbox outbox) throws InterruptedException {
        while (outbox.backlog().leaves() > 0) {
            Thread.sleep(50);
        }
    }

    private static List<String> fabricProperties(GatewayEmulator emulator) throws Exception {
        Path directory = Files.createTempDirectory("suyuan-benchmark-credentials");
        TestCredentials credentials = TestCredentials.generate(directory);
        int port = emulator.startOnLoopback(credentials, false);
        return List.of(
                "--suyuan.ledger.fabric.endpoint=127.0.0.1:" + port,
                "--suyuan.ledger.fabric.msp-id=" + credentials.mspId(),
                "--suyuan.ledger.fabric.certificate=" + credentials.identityCertificate(),
                "--suyuan.ledger.fabric.private-key=" + credentials.keystore(),
                "--suyuan.ledger.fabric.channel=" + emulator.channel(),
                "--suyuan.ledger.fabric.chaincode=" + emulator.chaincode(),
                "--suyuan.ledger.fabric.tls.ca-certificate=" + credentials.caCertificate(),
                "--suyuan.ledger.fabric.tls.server-name-override=" + TestCredentials.PEER_HOST_NAME,
                // The first anchor waits while the emulated peer scans the classpath for the contract.
                "--suyuan.ledger.fabric.deadlines.endorse=3m");
    }

    private static Map<String, String> options(String[] arguments) {
        Map<String, String> options = new HashMap<>();
        for (int index = 0; index < arguments.length; index++) {
            String argument = arguments[index];
            if (!argument.startsWith("--")) {
                throw new IllegalArgumentException("Unexpected argument " + argument);
            }
            String name = argument.substring(2);
            int equals = name.indexOf('=');
            if (equals >= 0) {
                options.put(name.substring(0, equals), name.substring(equals + 1));
            } else {
                options.put(name, arguments[++index]);
            }
        }
        return options;
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private static String format(Duration duration) {
        return String.format(Locale.ROOT, "%.2f s", duration.toNanos() / 1e9);
    }
}
