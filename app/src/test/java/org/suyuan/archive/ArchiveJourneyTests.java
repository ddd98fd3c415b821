package org.suyuan.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
import org.suyuan.TestClock;
import org.suyuan.TestClockConfiguration;
import org.suyuan.account.AccountService;
import org.suyuan.db.account.UserAccountRepository;
import tools.jackson.databind.JsonNode;

/**
 * The producer's journey over real HTTP: organization, plot, product, batch, events, history; with the rules,
 * the isolation between producers and the idempotent retries that a poor network needs.
 */
@Import(TestClockConfiguration.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ArchiveJourneyTests {

    private static final String PASSWORD = "journey-password";
    private static final LocalDate TODAY = TestClock.TODAY;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AccountService accounts;

    @Autowired
    UserAccountRepository users;

    ApiClient admin;

    @BeforeEach
    void administrator() {
        admin = TestAccounts.administrator(port, accounts, users);
    }

    @Test
    void recordsAProductionArchiveFromOrganizationToHistory() {
        ApiClient farmer = newProducer();
        long batch = newBatch(farmer, "6901234567892");

        assertThat(recordEvent(farmer, batch, "PLANTING", TODAY.minusDays(40), Map.of("method", "定植"))
                        .status())
                .isEqualTo(201);
        assertThat(recordEvent(farmer, batch, "PESTICIDE_USE", TODAY.minusDays(10), pesticide(7))
                        .status())
                .isEqualTo(201);

        ApiClient.Response early = recordEvent(farmer, batch, "HARVEST", TODAY.minusDays(5), harvestOf("800"));
        assertThat(early.status()).isEqualTo(422);
        assertThat(early.header("Content-Type")).startsWith("application/problem+json");
        assertThat(early.json().path("type").asText()).isEqualTo("/problems/harvest-inside-safety-interval");
        assertThat(early.json().path("harvestAllowedFrom").asText())
                .isEqualTo(TODAY.minusDays(3).toString());
        assertThat(early.body()).doesNotContain("Exception").doesNotContain("at org.");

        JsonNode refused = farmer.get("/api/v1/refused-attempts").json().path("content");
        assertThat(refused).hasSize(1);
        assertThat(refused.get(0).path("rule").asText()).isEqualTo("harvest-inside-safety-interval");
        assertThat(refused.get(0).path("batchId").asLong()).isEqualTo(batch);

        assertThat(recordEvent(farmer, batch, "HARVEST", TODAY.minusDays(2), harvestOf("800"))
                        .status())
                .isEqualTo(201);
        assertThat(recordEvent(farmer, batch, "SHIPMENT", TODAY.minusDays(1), shipmentOf("900"))
                        .status())
                .isEqualTo(422);
        assertThat(recordEvent(farmer, batch, "SHIPMENT", TODAY.minusDays(1), shipmentOf("500"))
                        .status())
                .isEqualTo(201);

        JsonNode history = farmer.get("/api/v1/batches/" + batch + "/history").json();
        assertThat(types(history)).containsExactly("CREATED", "PLANTING", "PESTICIDE_USE", "HARVEST", "SHIPMENT");
        assertThat(history.get(0).path("details").path("product").path("gtin").asText())
                .isEqualTo("06901234567892");
        assertThat(history.findValuesAsString("eventHash"))
                .doesNotHaveDuplicates()
                .allMatch(h -> h.matches("[0-9a-f]{64}"));
        assertThat(farmer.get("/api/v1/batches/" + batch).json().path("status").asText())
                .isEqualTo("SHIPPED");
        assertThat(farmer.get("/api/v1/batches/" + batch + "/events?size=2")
                        .json()
                        .path("page")
                        .path("totalElements")
                        .asInt())
                .isEqualTo(5);
    }

    @Test
    void refusesABannedPesticideAndKeepsTheAttempt() {
        ApiClient farmer = newProducer();
        long batch = newBatch(farmer, null);
        Map<String, Object> banned = Map.of(
                "productName", "40%氧乐果乳油",
                "registrationNumber", "PD20080001",
                "activeIngredient", "氧乐果",
                "dose", "50",
                "doseUnit", "毫升/亩",
                "method", "喷雾",
                "safetyIntervalDays", 15);

        ApiClient.Response response = recordEvent(farmer, batch, "PESTICIDE_USE", TODAY, banned);

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().path("type").asText()).isEqualTo("/problems/banned-pesticide");
        assertThat(response.json().path("detail").asText()).contains("氧乐果").contains("公告");
        assertThat(farmer.get("/api/v1/refused-attempts")
                        .json()
                        .path("content")
                        .get(0)
                        .path("rule")
                        .asText())
                .isEqualTo("banned-pesticide");
    }

    @Test
    void anotherProducersBatchAnswersNotFound() {
        ApiClient owner = newProducer();
        ApiClient stranger = newProducer();
        long batch = newBatch(owner, null);

        assertThat(stranger.get("/api/v1/batches/" + batch).status()).isEqualTo(404);
        assertThat(stranger.get("/api/v1/batches/" + batch + "/history").status())
                .isEqualTo(404);
        ApiClient.Response write = recordEvent(stranger, batch, "IRRIGATION", TODAY, Map.of("method", "滴灌"));
        assertThat(write.status()).isEqualTo(404);
        assertThat(write.json().path("type").asText()).isEqualTo("/problems/not-found");
        assertThat(owner.get("/api/v1/batches/" + batch).status()).isEqualTo(200);
    }

    @Test
    void anUnauthenticatedPostGetsProblemJson401() {
        ApiClient.Response response = ApiClient.anonymous(port).post("/api/v1/batches", Map.of("batchNumber", "X1"));

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().path("type").asText()).isEqualTo("/problems/unauthorized");
    }

    @Test
    void theSamePostTwiceWithOneIdempotencyKeyRecordsOneEvent() {
        ApiClient farmer = newProducer();
        long batch = newBatch(farmer, null);
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
        Map<String, Object> irrigation = event("IRRIGATION", TODAY, Map.of("method", "滴灌", "waterSource", "青弋江"));

        ApiClient.Response first = farmer.post("/api/v1/batches/" + batch + "/events", irrigation, key);
        ApiClient.Response retry = farmer.post("/api/v1/batches/" + batch + "/events", irrigation, key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.json().path("id").asLong())
                .isEqualTo(first.json().path("id").asLong());
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(types(farmer.get("/api/v1/batches/" + batch + "/history").json()))
                .containsExactly("CREATED", "IRRIGATION");

        ApiClient.Response reused = farmer.post(
                "/api/v1/batches/" + batch + "/events", event("IRRIGATION", TODAY, Map.of("method", "漫灌")), key);
        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.json().path("type").asText()).isEqualTo("/problems/idempotency-key-reused");
    }

    @Test
    void aBulkRequestRecordsEveryEventOrNone() {
        ApiClient farmer = newProducer();
        long first = newBatch(farmer, null);
        long second = newBatch(farmer, null);
        recordEvent(farmer, first, "PESTICIDE_USE", TODAY.minusDays(10), pesticide(7));

        ApiClient.Response accepted = farmer.post(
                "/api/v1/events/bulk",
                Map.of(
                        "events",
                        List.of(
                                bulkItem(first, "IRRIGATION", TODAY.minusDays(4), Map.of("method", "滴灌")),
                                bulkItem(second, "HARVEST", TODAY.minusDays(3), harvestOf("100")),
                                bulkItem(second, "SHIPMENT", TODAY.minusDays(2), shipmentOf("100")))));
        assertThat(accepted.status()).isEqualTo(201);
        assertThat(accepted.json()).hasSize(3);
        assertThat(types(farmer.get("/api/v1/batches/" + second + "/history").json()))
                .containsExactly("CREATED", "HARVEST", "SHIPMENT");

        ApiClient.Response refused = farmer.post(
                "/api/v1/events/bulk",
                Map.of(
                        "events",
                        List.of(
                                bulkItem(second, "IRRIGATION", TODAY, Map.of("method", "滴灌")),
                                bulkItem(first, "HARVEST", TODAY.minusDays(5), harvestOf("50")),
                                bulkItem(second, "SHIPMENT", TODAY, shipmentOf("1")))));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().path("type").asText()).isEqualTo("/problems/harvest-inside-safety-interval");
        assertThat(refused.json().path("index").asInt()).isEqualTo(1);
        assertThat(types(farmer.get("/api/v1/batches/" + second + "/history").json()))
                .as("nothing of the refused request is stored")
                .containsExactly("CREATED", "HARVEST", "SHIPMENT");
        assertThat(farmer.get("/api/v1/refused-attempts")
                        .json()
                        .path("content")
                        .get(0)
                        .path("rule")
                        .asText())
                .isEqualTo("harvest-inside-safety-interval");
    }

    @Test
    void aBulkRequestAnswersInRequestOrderAndGivesEveryEventOneOutboxLeaf() {
        ApiClient farmer = newProducer();
        long first = newBatch(farmer, null);
        long second = newBatch(farmer, null);
        List<Long> batches = List.of(second, first, second, first, second);

        ApiClient.Response accepted = farmer.post(
                "/api/v1/events/bulk",
                Map.of(
                        "events",
                        batches.stream()
                                .map(batch -> bulkItem(batch, "IRRIGATION", TODAY, Map.of("method", "滴灌")))
                                .toList()));

        assertThat(accepted.status()).isEqualTo(201);
        JsonNode answer = accepted.json();
        assertThat(answer).hasSize(5);
        for (int index = 0; index < batches.size(); index++) {
            assertThat(answer.get(index).path("batchId").asLong()).isEqualTo(batches.get(index));
        }
        for (long batch : List.of(first, second)) {
            JsonNode history =
                    farmer.get("/api/v1/batches/" + batch + "/history").json();
            List<JsonNode> answered = new java.util.ArrayList<>();
            answer.forEach(item -> {
                if (item.path("batchId").asLong() == batch) {
                    answered.add(item);
                }
            });
            // After the 建档 (sequence 1), in request order, each as stored.
            for (int index = 0; index < answered.size(); index++) {
                JsonNode stored = history.get(index + 1);
                assertThat(answered.get(index).path("sequenceNumber").asInt()).isEqualTo(index + 2);
                assertThat(answered.get(index).path("eventId").asLong())
                        .isEqualTo(stored.path("id").asLong());
                assertThat(answered.get(index).path("eventHash").asText())
                        .isEqualTo(stored.path("eventHash").asText());
            }
        }
        answer.forEach(item -> assertThat(jdbc.queryForList(
                        "select event_hash from anchor_leaf where event_id = ?",
                        String.class,
                        item.path("eventId").asLong()))
                .as("the outbox holds exactly one leaf for event %s", item.path("eventId"))
                .containsExactly(item.path("eventHash").asText()));
    }

    private static Map<String, Object> bulkItem(long batch, String type, LocalDate day, Map<String, Object> details) {
        return Map.of("batchId", batch, "type", type, "occurredOn", day.toString(), "details", details);
    }

    @Test
    void correctingAnEventAddsANewOneNamingIt() {
        ApiClient farmer = newProducer();
        long batch = newBatch(farmer, null);
        long wrong = recordEvent(farmer, batch, "IRRIGATION", TODAY, Map.of("method", "漫灌"))
                .json()
                .path("id")
                .asLong();

        ApiClient.Response correction = farmer.post(
                "/api/v1/batches/" + batch + "/events",
                Map.of(
                        "type",
                        "IRRIGATION",
                        "occurredOn",
                        TODAY.toString(),
                        "supersedes",
                        wrong,
                        "details",
                        Map.of("method", "滴灌")));

        assertThat(correction.status()).isEqualTo(201);
        assertThat(correction.json().path("supersedes").asLong()).isEqualTo(wrong);
        JsonNode history = farmer.get("/api/v1/batches/" + batch + "/history").json();
        assertThat(history).hasSize(3);
        assertThat(history.get(1).path("details").path("method").asText()).isEqualTo("漫灌");
    }

    @Test
    void attachmentsKeepTheirHashAndNonImagesAreRefused() {
        ApiClient farmer = newProducer();
        long batch = newBatch(farmer, null);
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 1, 2, 3};

        ApiClient.Response stored = farmer.postMultipart("/api/v1/batches/" + batch + "/attachments", "棚内.png", png);
        ApiClient.Response refused = farmer.postMultipart(
                "/api/v1/batches/" + batch + "/attachments", "report.exe", "MZ not an image".getBytes());

        assertThat(stored.status()).isEqualTo(201);
        assertThat(stored.json().path("sha256").asText())
                .isEqualTo(org.suyuan.ledger.RecordHash.sha256(png).hex());
        assertThat(stored.json().path("contentType").asText()).isEqualTo("image/png");
        assertThat(refused.status()).isEqualTo(415);
        assertThat(refused.json().path("type").asText()).isEqualTo("/problems/unsupported-attachment-type");
    }

    @Test
    void invalidInputGetsAProblemNamingTheField() {
        ApiClient.Response badCode = admin.post("/api/v1/organizations", organization("93340210MA2NQ8KX4Y"));
        assertThat(badCode.status()).isEqualTo(400);
        assertThat(badCode.json().path("type").asText()).isEqualTo("/problems/invalid-credit-code");

        ApiClient farmer = newProducer();
        ApiClient.Response missing = farmer.post(
                "/api/v1/batches/" + newBatch(farmer, null) + "/events",
                event("PESTICIDE_USE", TODAY, Map.of("productName", "某农药")));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().path("type").asText()).isEqualTo("/problems/validation-failed");
        assertThat(missing.json().path("errors").findValuesAsString("field"))
                .contains("details.registrationNumber", "details.safetyIntervalDays");

        ApiClient.Response malformed = farmer.post("/api/v1/plots", "not json");
        assertThat(malformed.status()).isEqualTo(400);
    }

    @Test
    void aBuyerOnSuyuanConfirmsReceiptAndGetsADownstreamBatchLinkedToTheSource() {
        ApiClient seller = newProducer();
        ApiClient buyer = newProducer();
        long source = newBatch(seller, null);
        long buyerOrganization =
                buyer.get("/api/v1/me").json().path("organizationId").asLong();
        recordEvent(seller, source, "HARVEST", TODAY.minusDays(3), harvestOf("1000"));
        ApiClient.Response shipment = recordEvent(
                seller,
                source,
                "SHIPMENT",
                TODAY.minusDays(2),
                Map.of(
                        "buyerName",
                        "下游合作社",
                        "buyerOrganizationId",
                        buyerOrganization,
                        "quantity",
                        Map.of("amount", "600", "unit", "KG")));
        assertThat(shipment.status()).isEqualTo(201);

        JsonNode pending = buyer.get("/api/v1/receipts").json();
        assertThat(pending).hasSize(1);
        assertThat(pending.get(0).path("sourceBatchId").asLong()).isEqualTo(source);
        ApiClient.Response confirmed = buyer.post(
                "/api/v1/receipts/" + pending.get(0).path("id").asLong() + "/confirm", Map.of("batchNumber", "RCV-1"));

        assertThat(confirmed.status()).isEqualTo(201);
        long downstream = confirmed.json().path("id").asLong();
        JsonNode history =
                buyer.get("/api/v1/batches/" + downstream + "/history").json();
        assertThat(types(history)).containsExactly("CREATED", "RECEIPT");
        assertThat(history.get(0).path("details").path("source").path("batchId").asLong())
                .isEqualTo(source);
        JsonNode sourceCreated = seller.get("/api/v1/batches/" + source + "/history")
                .json()
                .get(0)
                .path("details");
        assertThat(history.get(0).path("details").path("product")).isEqualTo(sourceCreated.path("product"));
        assertThat(history.get(0).path("details").path("plot")).isEqualTo(sourceCreated.path("plot"));
        assertThat(history.get(0).path("details").path("producer")).isEqualTo(sourceCreated.path("organization"));
        assertThat(history.get(0)
                        .path("details")
                        .path("source")
                        .path("shipmentEventHash")
                        .asText())
                .isEqualTo(shipment.json().path("eventHash").asText());
        assertThat(buyer.get("/api/v1/receipts").json()).isEmpty();
        assertThat(seller.get("/api/v1/batches/" + source + "/links")
                        .json()
                        .get(0)
                        .path("targetBatchId")
                        .asLong())
                .isEqualTo(downstream);
        assertThat(recordEvent(buyer, downstream, "SHIPMENT", TODAY, shipmentOf("601"))
                        .status())
                .isEqualTo(422);
        assertThat(recordEvent(buyer, downstream, "SHIPMENT", TODAY, shipmentOf("600"))
                        .status())
                .isEqualTo(201);
    }

    @Test
    void healthIsUpAndTheApiDocumentListsTheArchiveEndpoints() {
        ApiClient anonymous = ApiClient.anonymous(port);

        assertThat(anonymous.get("/actuator/health").json().path("status").asText())
                .isEqualTo("UP");
        JsonNode paths = anonymous.get("/v3/api-docs").json().path("paths");
        assertThat(List.of(
                        "/api/v1/organizations",
                        "/api/v1/plots",
                        "/api/v1/products",
                        "/api/v1/batches",
                        "/api/v1/batches/{id}/events",
                        "/api/v1/batches/{id}/history"))
                .allMatch(paths::has);
    }

    @Test
    void bearerTokensAuthenticateApiCalls() {
        ApiClient farmer = newProducer();
        String token = farmer.post("/api/v1/tokens", Map.of("name", "手机"))
                .json()
                .path("secret")
                .asText();

        ApiClient withToken = ApiClient.anonymous(port).withToken(token);

        assertThat(withToken.get("/api/v1/me").json().path("role").asText()).isEqualTo("PRODUCER");
        assertThat(ApiClient.anonymous(port)
                        .withToken(token + "x")
                        .get("/api/v1/me")
                        .status())
                .isEqualTo(401);
    }

    private static List<String> types(JsonNode history) {
        List<String> types = new java.util.ArrayList<>();
        history.forEach(event -> types.add(event.path("type").asText()));
        return types;
    }

    private ApiClient newProducer() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        JsonNode organization = admin.post("/api/v1/organizations", organization(randomCreditCode()))
                .json();
        String username = "farmer-" + suffix;
        ApiClient.Response user = admin.post(
                "/api/v1/organizations/" + organization.path("id").asLong() + "/users",
                Map.of("username", username, "password", PASSWORD, "displayName", "农户" + suffix));
        assertThat(user.status()).isEqualTo(201);
        return ApiClient.anonymous(port).as(username, PASSWORD);
    }

    private static long newBatch(ApiClient farmer, String gtin) {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        long plot = farmer.post("/api/v1/plots", Map.of("name", "大棚" + suffix, "regionCode", "340210"))
                .json()
                .path("id")
                .asLong();
        Map<String, Object> product =
                new java.util.HashMap<>(Map.of("name", "番茄", "category", "VEGETABLE", "variety", "粉冠" + suffix));
        if (gtin != null) {
            product.put("gtin", gtin);
        }
        ApiClient.Response productResponse = farmer.post("/api/v1/products", product);
        assertThat(productResponse.status()).isEqualTo(201);
        ApiClient.Response batch = farmer.post(
                "/api/v1/batches",
                Map.of(
                        "batchNumber",
                        "B-" + suffix,
                        "productId",
                        productResponse.json().path("id").asLong(),
                        "plotId",
                        plot,
                        "startedOn",
                        TODAY.minusDays(60).toString()));
        assertThat(batch.status()).isEqualTo(201);
        return batch.json().path("id").asLong();
    }

    private static ApiClient.Response recordEvent(
            ApiClient farmer, long batch, String type, LocalDate day, Map<String, Object> details) {
        return farmer.post("/api/v1/batches/" + batch + "/events", event(type, day, details));
    }

    private static Map<String, Object> event(String type, LocalDate day, Map<String, Object> details) {
        return Map.of("type", type, "occurredOn", day.toString(), "details", details);
    }

    private static Map<String, Object> pesticide(int safetyIntervalDays) {
        return Map.of(
                "productName", "10%苯醚甲环唑水分散粒剂",
                "registrationNumber", "PD20070155",
                "activeIngredient", "苯醚甲环唑",
                "dose", "60",
                "doseUnit", "克/亩",
                "method", "喷雾",
                "safetyIntervalDays", safetyIntervalDays);
    }

    private static Map<String, Object> harvestOf(String kilograms) {
        return Map.of("quantity", Map.of("amount", kilograms, "unit", "KG"));
    }

    private static Map<String, Object> shipmentOf(String kilograms) {
        return Map.of("buyerName", "芜湖市鸠江区农产品批发市场", "quantity", Map.of("amount", kilograms, "unit", "KG"));
    }

    private static Map<String, Object> organization(String creditCode) {
        return Map.of(
                "name", "测试合作社" + creditCode.substring(10),
                "type", "COOPERATIVE",
                "creditCode", creditCode,
                "regionCode", "340210",
                "address", "湾沚镇",
                "contactName", "张三",
                "contactPhone", "13900000000");
    }

    /** A fresh, valid credit code, so every test gets its own organization. */
    static String randomCreditCode() {
        String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        StringBuilder code = new StringBuilder("93340210");
        java.util.Random random = new java.util.Random();
        for (int i = 0; i < 9; i++) {
            code.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return code.append(CreditCode.checkCharacterFor(code.toString())).toString();
    }
}
