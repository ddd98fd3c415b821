package org.suyuan.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.springframework.jdbc.core.JdbcTemplate;
import org.suyuan.ApiClient;
import org.suyuan.TestClock;
import org.suyuan.archive.ArchiveJourneyTestsAccess;

/**
 * Producers and batches for the verification tests, made through the real API as a producer makes them, as static
 * factories. Every producer is new (its own credit code and login), so tests sharing a database never see each
 * other's batches.
 */
final class VerificationFixtures {

    static final LocalDate TODAY = TestClock.TODAY;

    /** Where the fixtures' producers and plots are: 安徽省芜湖市湾沚区. */
    static final String REGION = "340210";

    /** The bytes of the test report an inspection refers to; the archive accepts a PDF by its first bytes. */
    static final byte[] REPORT = "%PDF-1.4\n% 检测报告 湾沚区农产品质量安全检测站\n%%EOF\n".getBytes(StandardCharsets.UTF_8);

    /** A real 2 × 2 PNG, as a photo of the greenhouse. */
    static final byte[] PHOTO = java.util.Base64.getDecoder()
            .decode(
                    "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEElEQVR4nGPQqzUCIgYIBQAYKgN1RttJhQAAAABJRU5ErkJggg==");

    private static final String PASSWORD = "verification-password";

    private VerificationFixtures() {}

    /** A batch as a test made it: its id, its number and its trace code. */
    record TracedBatch(long id, String number, String code) {}

    /** A new producer in {@link #REGION} with one plot, signed in. */
    static ApiClient newProducer(ApiClient admin, int port) {
        String creditCode = ArchiveJourneyTestsAccess.randomCreditCode();
        ApiClient.Response organization = admin.post(
                "/api/v1/organizations",
                Map.of(
                        "name", "核验合作社" + creditCode.substring(10),
                        "type", "COOPERATIVE",
                        "creditCode", creditCode,
                        "regionCode", REGION,
                        "address", "湾沚镇",
                        "contactName", "张三",
                        "contactPhone", "13955312345"));
        assertThat(organization.status()).as(organization.body()).isEqualTo(201);
        String username = "verify-" + UUID.randomUUID().toString().substring(0, 8);
        ApiClient.Response user = admin.post(
                "/api/v1/organizations/" + organization.json().path("id").asLong() + "/users",
                Map.of("username", username, "password", PASSWORD, "displayName", "农户"));
        assertThat(user.status()).as(user.body()).isEqualTo(201);
        return ApiClient.anonymous(port).as(username, PASSWORD);
    }

    /** A batch of tomatoes with only its opening record (建档), on a new plot. */
    static TracedBatch openedBatch(ApiClient farmer) {
        String suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        ApiClient.Response plot = farmer.post("/api/v1/plots", Map.of("name", "大棚" + suffix, "regionCode", REGION));
        assertThat(plot.status()).as(plot.body()).isEqualTo(201);
        ApiClient.Response product = farmer.post(
                "/api/v1/products", Map.of("name", "番茄", "category", "VEGETABLE", "variety", "粉冠" + suffix));
        assertThat(product.status()).as(product.body()).isEqualTo(201);
        String number = "HY-" + suffix;
        ApiClient.Response batch = farmer.post(
                "/api/v1/batches",
                Map.of(
                        "batchNumber", number,
                        "productId", product.json().path("id").asLong(),
                        "plotId", plot.json().path("id").asLong(),
                        "startedOn", TODAY.minusDays(60).toString()));
        assertThat(batch.status()).as(batch.body()).isEqualTo(201);
        long id = batch.json().path("id").asLong();
        return new TracedBatch(id, number, batchCode(farmer, id));
    }

    /**
     * A batch with five records: opened (1), planted (2), irrigated (3), harvested (4) and tested with an uploaded
     * report (5).
     */
    static TracedBatch harvestedBatch(ApiClient farmer) {
        TracedBatch batch = openedBatch(farmer);
        record(farmer, batch, "PLANTING", TODAY.minusDays(50), planting("育苗移栽"));
        record(farmer, batch, "IRRIGATION", TODAY.minusDays(30), Map.of("method", "滴灌"));
        record(farmer, batch, "HARVEST", TODAY.minusDays(5), Map.of("quantity", Map.of("amount", "800", "unit", "KG")));
        ApiClient.Response report =
                farmer.postMultipart("/api/v1/batches/" + batch.id() + "/attachments", "检测报告.pdf", REPORT);
        assertThat(report.status()).as(report.body()).isEqualTo(201);
        record(
                farmer,
                batch,
                "INSPECTION",
                TODAY.minusDays(4),
                Map.of(
                        "agency", "湾沚区农产品质量安全检测站",
                        "method", "农药残留快速检测（酶抑制法）",
                        "items", List.of("有机磷和氨基甲酸酯类农药"),
                        "result", "PASS",
                        "reportAttachmentId", report.json().path("id").asLong()));
        return batch;
    }

    static Map<String, Object> planting(String method) {
        return Map.of("method", method, "seedVariety", "粉冠一号");
    }

    /** Records an event; returns its id. */
    static long record(ApiClient farmer, TracedBatch batch, String type, LocalDate day, Map<String, Object> details) {
        return record(farmer, batch, Map.of("type", type, "occurredOn", day.toString(), "details", details));
    }

    /** Records an event correcting an earlier one (which stays in the log); returns its id. */
    static long correct(
            ApiClient farmer,
            TracedBatch batch,
            long corrected,
            String type,
            LocalDate day,
            Map<String, Object> details) {
        return record(
                farmer,
                batch,
                Map.of("type", type, "occurredOn", day.toString(), "supersedes", corrected, "details", details));
    }

    private static long record(ApiClient farmer, TracedBatch batch, Map<String, Object> event) {
        ApiClient.Response response = farmer.post("/api/v1/batches/" + batch.id() + "/events", event);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().path("id").asLong();
    }

    /** Waits until every event of the batches is in a root the worker has anchored on the ledger. */
    static void awaitAnchored(JdbcTemplate jdbc, Collection<TracedBatch> batches) {
        String ids = batches.stream().map(batch -> String.valueOf(batch.id())).collect(Collectors.joining(","));
        Awaitility.await()
                .atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> jdbc.queryForObject(
                                "SELECT COUNT(*) FROM batch_event e WHERE e.batch_id IN (" + ids + ") AND NOT EXISTS"
                                        + " (SELECT 1 FROM anchor_leaf l JOIN anchor a ON a.id = l.anchor_id"
                                        + " WHERE l.event_id = e.id AND a.state = 'ANCHORED')",
                                Long.class)
                        == 0);
    }

    private static String batchCode(ApiClient farmer, long batch) {
        ApiClient.Response codes = farmer.get("/api/v1/batches/" + batch + "/codes");
        assertThat(codes.status()).as(codes.body()).isEqualTo(200);
        return codes.json().path("content").get(0).path("code").asText();
    }
}
