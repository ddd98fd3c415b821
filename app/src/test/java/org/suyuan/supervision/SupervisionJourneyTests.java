package org.suyuan.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.suyuan.ApiClient;
import org.suyuan.TestAccounts;
import org.suyuan.TestClock;
import org.suyuan.TestClockConfiguration;
import org.suyuan.account.AccountService;
import org.suyuan.db.account.UserAccountRepository;
import tools.jackson.databind.JsonNode;

/**
 * The bureau's journey over HTTP: a city regulator and a district regulator, producers in two districts; every
 * console endpoint and export isolated by jurisdiction; reproducible spot checks; recalls through the supply chain.
 */
@Import(TestClockConfiguration.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SupervisionJourneyTests {

    private static final String PASSWORD = "supervision-password";
    private static final LocalDate TODAY = TestClock.TODAY;

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    @Autowired
    UserAccountRepository users;

    ApiClient admin;
    ApiClient city;
    ApiClient wanzhi;

    @BeforeEach
    void regulators() {
        if (!users.existsByUsername("city-regulator")) {
            accounts.createRegulator("city-regulator", PASSWORD, "市局", "340200");
            accounts.createRegulator("wanzhi-regulator", PASSWORD, "湾沚区局", "340210");
        }
        admin = TestAccounts.administrator(port, accounts, users);
        city = client().as("city-regulator", PASSWORD);
        wanzhi = client().as("wanzhi-regulator", PASSWORD);
    }

    @Test
    void aDistrictRegulatorSeesNothingOfAnotherDistrict() {
        Producer inWanzhi = producer("340210");
        Producer inNanling = producer("340223");
        long wanzhiBatch = harvestedBatch(inWanzhi, "500");
        long nanlingBatch = harvestedBatch(inNanling, "500");

        assertThat(ids(wanzhi.get("/api/v1/supervision/producers").json()))
                .contains(inWanzhi.id())
                .doesNotContain(inNanling.id());
        assertThat(ids(city.get("/api/v1/supervision/producers").json())).contains(inWanzhi.id(), inNanling.id());
        assertThat(ids(wanzhi.get("/api/v1/supervision/batches").json()))
                .contains(wanzhiBatch)
                .doesNotContain(nanlingBatch);

        for (String path : List.of(
                "/api/v1/supervision/producers/" + inNanling.id(),
                "/api/v1/supervision/batches/" + nanlingBatch,
                "/api/v1/batches/" + nanlingBatch + "/trace",
                "/api/v1/supervision/exports/events.csv?region=340223",
                "/api/v1/supervision/exports/events.csv?batchId=" + nanlingBatch)) {
            ApiClient.Response response = wanzhi.get(path);
            assertThat(response.status()).as(path).isEqualTo(404);
            assertThat(response.body()).as(path).doesNotContain(inNanling.name());
        }
        assertThat(wanzhi.post("/api/v1/supervision/batches/" + nanlingBatch + "/recall", Map.of("reason", "越权召回"))
                        .status())
                .isEqualTo(404);

        String wanzhiExport =
                wanzhi.get("/api/v1/supervision/exports/events.csv").body();
        assertThat(wanzhiExport).contains(inWanzhi.name()).doesNotContain(inNanling.name());
        // The stream finishes in an async dispatch; a bearer token must carry through it as a password does.
        String token = wanzhi.post("/api/v1/tokens", Map.of("name", "export-script"))
                .json()
                .path("secret")
                .asText();
        ApiClient.Response byToken = client().withToken(token).get("/api/v1/supervision/exports/events.csv");
        assertThat(byToken.status()).isEqualTo(200);
        assertThat(byToken.body()).isEqualTo(wanzhiExport);
        String nanlingOnly = wanzhi.get("/api/v1/supervision/exports/events.csv?organizationId=" + inNanling.id())
                .body();
        assertThat(nanlingOnly.lines()).hasSize(1);
        assertThat(city.get("/api/v1/supervision/exports/events.csv?region=340223")
                        .body())
                .contains(inNanling.name())
                .doesNotContain(inWanzhi.name());

        assertThat(wanzhi.get("/api/v1/supervision/dashboard")
                        .json()
                        .path("jurisdiction")
                        .asText())
                .isEqualTo("340210");
        assertThat(inWanzhi.client().get("/api/v1/supervision/dashboard").status())
                .isEqualTo(403);
    }

    @Test
    void aSpotCheckRoundIsReproducibleFromItsSeedAndInputs() {
        Producer producer = producer("340210");
        for (int i = 0; i < 6; i++) {
            harvestedBatch(producer, "100");
        }
        String seed = "block-" + UUID.randomUUID();

        JsonNode round = wanzhi.post(
                        "/api/v1/supervision/spot-checks",
                        Map.of("title", "2026年第四季度蔬菜抽检", "sampleSize", 3, "seed", seed))
                .json();
        long roundId = round.path("round").path("id").asLong();
        JsonNode reproduction = wanzhi.get("/api/v1/supervision/spot-checks/" + roundId + "/reproduction")
                .json();

        assertThat(round.path("tasks")).hasSize(3);
        assertThat(round.path("round").path("seed").asText()).isEqualTo(seed);
        assertThat(reproduction.path("inputsIntact").asBoolean()).isTrue();
        assertThat(reproduction.path("sameSample").asBoolean()).isTrue();
        JsonNode again = wanzhi.post(
                        "/api/v1/supervision/spot-checks", Map.of("title", "复核", "sampleSize", 3, "seed", seed))
                .json();
        assertThat(batchIdsOf(again.path("tasks"))).isEqualTo(batchIdsOf(round.path("tasks")));
        assertThat(city.get("/api/v1/supervision/spot-checks/" + roundId).status())
                .isEqualTo(200);
        assertThat(client().as("city-regulator", PASSWORD)
                        .get("/api/v1/supervision/spot-checks/candidates")
                        .json()
                        .get(0)
                        .path("parts")
                        .has("category"))
                .isTrue();
    }

    @Test
    void aFailedSpotCheckFlagsTheBatchNotifiesTheProducerAndRecalls() {
        Producer producer = producer("340210");
        long batch = harvestedBatch(producer, "300");
        JsonNode round = wanzhi.post(
                        "/api/v1/supervision/spot-checks",
                        Map.of("title", "专项抽检", "sampleSize", 500, "seed", "s-" + UUID.randomUUID()))
                .json();
        long task = 0;
        for (JsonNode t : round.path("tasks")) {
            if (t.path("batchId").asLong() == batch) {
                task = t.path("id").asLong();
            }
        }
        assertThat(task).isPositive();

        ApiClient.Response oneSampler =
                wanzhi.post("/api/v1/supervision/spot-check-tasks/" + task + "/sampling", sampling(List.of("张三")));
        assertThat(oneSampler.status()).isEqualTo(400);
        assertThat(oneSampler.json().path("type").asText()).isEqualTo("/problems/too-few-samplers");
        assertThat(wanzhi.post(
                                "/api/v1/supervision/spot-check-tasks/" + task + "/sampling",
                                sampling(List.of("张三", "李四")))
                        .status())
                .isEqualTo(200);
        ApiClient.Response result = wanzhi.post(
                "/api/v1/supervision/spot-check-tasks/" + task + "/result",
                Map.of(
                        "items",
                        List.of(Map.of(
                                "item", "毒死蜱", "measured", "0.12", "limit", "0.02", "unit", "mg/kg", "passed", false)),
                        "recallReason",
                        "毒死蜱残留超标"));

        assertThat(result.json().path("state").asText()).isEqualTo("FAILED");
        assertThat(wanzhi.get("/api/v1/supervision/dashboard")
                        .json()
                        .path("flags")
                        .findValuesAsString("kind"))
                .contains("failed-spot-check");
        assertThat(producer.client().get("/api/v1/notices").json().findValuesAsString("kind"))
                .contains("SPOT_CHECK_FAILED", "RECALL");
        assertThat(producer.client()
                        .get("/api/v1/batches/" + batch)
                        .json()
                        .path("status")
                        .asText())
                .isEqualTo("RECALLED");
    }

    @Test
    void aRecallReachesEveryDownstreamBatchThreeLevelsDown() {
        Producer grower = producer("340210");
        Producer collector = producer("340210");
        Producer wholesaler = producer("340223");
        Producer retailer = producer("340202");
        long source = harvestedBatch(grower, "1000");
        long collected = shipAndReceive(grower, source, collector, "800");
        long wholesale = shipAndReceive(collector, collected, wholesaler, "500");
        long retail = shipAndReceive(wholesaler, wholesale, retailer, "200");
        recordEvent(
                retailer,
                retail,
                "SHIPMENT",
                Map.of("buyerName", "鸠江区某超市", "quantity", Map.of("amount", "50", "unit", "KG")));

        JsonNode trace = wanzhi.get("/api/v1/batches/" + source + "/trace").json();
        assertThat(trace.path("forward")).hasSize(3);
        List<Boolean> visible = new ArrayList<>();
        trace.path("forward").forEach(node -> visible.add(node.path("visible").asBoolean()));
        assertThat(visible).containsExactly(true, false, false);

        JsonNode report = wanzhi.post(
                        "/api/v1/supervision/batches/" + source + "/recall",
                        Map.of("reason", "检出禁用农药", "instructions", "立即下架并退回"))
                .json();

        assertThat(ids(report.path("recalledBatchIds"))).containsExactly(source, collected, wholesale, retail);
        for (var pair : List.of(
                Map.entry(grower, source),
                Map.entry(collector, collected),
                Map.entry(wholesaler, wholesale),
                Map.entry(retailer, retail))) {
            assertThat(pair.getKey()
                            .client()
                            .get("/api/v1/batches/" + pair.getValue())
                            .json()
                            .path("status")
                            .asText())
                    .isEqualTo("RECALLED");
            assertThat(pair.getKey().client().get("/api/v1/notices").json().findValuesAsString("kind"))
                    .contains("RECALL");
        }
        assertThat(report.path("buyersToContact").findValuesAsString("buyerName"))
                .contains("鸠江区某超市");
        assertThat(recordEvent(retailer, retail, "IRRIGATION", Map.of("method", "滴灌"))
                        .status())
                .isEqualTo(422);
    }

    @Test
    void exportsEveryEventAsCsvAndXlsxWithLocalTimesUnitsInWordsAndNumbersAsNumbers() throws Exception {
        Producer producer = producer("340210");
        long batch = harvestedBatch(producer, "100");
        // Recorded at 10:00 in 芜湖 (02:00 UTC): the export states the local time with its offset.
        String recordedAt = "2026-11-26T10:00:00+08:00";

        String csv = producer.client().get("/api/v1/exports/events.csv").body();
        assertThat(csv.lines()).hasSize(3);
        assertThat(csv).startsWith("\uFEFF记录编号,主体").contains("采收").contains("100,千克");
        assertThat(csv).contains("," + recordedAt + ",").doesNotContain("Z,").doesNotContain(",KG,");

        java.net.http.HttpResponse<byte[]> xlsx = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port
                                        + "/api/v1/supervision/exports/events.xlsx?batchId=" + batch))
                                .header("Authorization", basic("wanzhi-regulator"))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        try (var workbook =
                new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx.body()))) {
            var sheet = workbook.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(2);
            var harvest = sheet.getRow(2);
            assertThat(harvest.getCell(8).getStringCellValue()).isEqualTo("采收");
            assertThat(harvest.getCell(0).getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.NUMERIC);
            assertThat(harvest.getCell(9).getLocalDateTimeCellValue().toLocalDate())
                    .isEqualTo(TestClock.TODAY);
            assertThat(harvest.getCell(10).getStringCellValue()).isEqualTo(recordedAt);
            assertThat(harvest.getCell(12).getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.NUMERIC);
            assertThat(harvest.getCell(12).getNumericCellValue()).isEqualTo(100.0);
            assertThat(harvest.getCell(13).getStringCellValue()).isEqualTo("千克");
        }
    }

    private record Producer(long id, String name, ApiClient client) {}

    private Producer producer(String region) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String name = "主体" + suffix;
        JsonNode organization = admin.post(
                        "/api/v1/organizations",
                        Map.of(
                                "name", name,
                                "type", "FAMILY_FARM",
                                "creditCode", org.suyuan.archive.ArchiveJourneyTestsAccess.randomCreditCode(),
                                "regionCode", region,
                                "address", "某镇",
                                "contactName", "王",
                                "contactPhone", "13900000000"))
                .json();
        String username = "p-" + suffix;
        admin.post(
                "/api/v1/organizations/" + organization.path("id").asLong() + "/users",
                Map.of("username", username, "password", PASSWORD, "displayName", name));
        ApiClient client = client().as(username, PASSWORD);
        client.post("/api/v1/plots", Map.of("name", "基地", "regionCode", region));
        client.post("/api/v1/products", Map.of("name", "番茄", "category", "VEGETABLE", "variety", "粉冠"));
        return new Producer(organization.path("id").asLong(), name, client);
    }

    private long harvestedBatch(Producer producer, String kilograms) {
        long batch = openBatch(producer);
        assertThat(recordEvent(
                                producer,
                                batch,
                                "HARVEST",
                                Map.of("quantity", Map.of("amount", kilograms, "unit", "KG")))
                        .status())
                .isEqualTo(201);
        return batch;
    }

    private long openBatch(Producer producer) {
        long plot = producer.client()
                .get("/api/v1/plots")
                .json()
                .path("content")
                .get(0)
                .path("id")
                .asLong();
        long product = producer.client()
                .get("/api/v1/products")
                .json()
                .path("content")
                .get(0)
                .path("id")
                .asLong();
        ApiClient.Response batch = producer.client()
                .post(
                        "/api/v1/batches",
                        Map.of(
                                "batchNumber",
                                "S-" + UUID.randomUUID().toString().substring(0, 8),
                                "productId",
                                product,
                                "plotId",
                                plot,
                                "startedOn",
                                TODAY.minusDays(30).toString()));
        return batch.json().path("id").asLong();
    }

    private long shipAndReceive(Producer seller, long batch, Producer buyer, String kilograms) {
        assertThat(recordEvent(
                                seller,
                                batch,
                                "SHIPMENT",
                                Map.of(
                                        "buyerName", buyer.name(),
                                        "buyerOrganizationId", buyer.id(),
                                        "quantity", Map.of("amount", kilograms, "unit", "KG")))
                        .status())
                .isEqualTo(201);
        long receipt =
                buyer.client().get("/api/v1/receipts").json().get(0).path("id").asLong();
        return buyer.client()
                .post(
                        "/api/v1/receipts/" + receipt + "/confirm",
                        Map.of(
                                "batchNumber",
                                "R-" + UUID.randomUUID().toString().substring(0, 8)))
                .json()
                .path("id")
                .asLong();
    }

    private static ApiClient.Response recordEvent(
            Producer producer, long batch, String type, Map<String, Object> details) {
        return producer.client()
                .post(
                        "/api/v1/batches/" + batch + "/events",
                        Map.of("type", type, "occurredOn", TODAY.toString(), "details", details));
    }

    private static Map<String, Object> sampling(List<String> samplers) {
        return Map.of(
                "sampleNumber",
                "CJ-2026-" + UUID.randomUUID().toString().substring(0, 4),
                "samplers",
                samplers,
                "sampledOn",
                TODAY.toString(),
                "place",
                "湾沚镇农贸市场",
                "sealNumber",
                "FT-0001");
    }

    private static List<Long> ids(JsonNode array) {
        List<Long> ids = new ArrayList<>();
        array.forEach(node -> ids.add(node.isObject() ? node.path("id").asLong() : node.asLong()));
        return ids;
    }

    private static List<Long> batchIdsOf(JsonNode tasks) {
        List<Long> ids = new ArrayList<>();
        tasks.forEach(task -> ids.add(task.path("batchId").asLong()));
        return ids;
    }

    private String basic(String username) {
        return "Basic "
                + java.util.Base64.getEncoder()
                        .encodeToString((username + ":" + PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private ApiClient client() {
        return ApiClient.anonymous(port);
    }
}
