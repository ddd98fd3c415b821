package org.suyuan.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
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
 * Exports over HTTP from archives built through the real API: a farm packs and ships to a collector on Suyuan, the
 * collector receives it into a batch of its own, processes it and ships on to a market, which receives it. The
 * EPCIS documents validate against GS1's schema and carry the CBV event hash of each event; the NY/T 4712 records
 * list 来源 and 去向 at each step; who may read what is checked for every export.
 */
@Import(TestClockConfiguration.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ExchangeJourneyTests {

    private static final String PASSWORD = "exchange-password";
    private static final LocalDate TODAY = TestClock.TODAY;
    private static final String GTIN = "6901234567892";

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
        if (!users.existsByUsername("exchange-city")) {
            accounts.createRegulator("exchange-city", PASSWORD, "市局", "340200");
            accounts.createRegulator("exchange-wanzhi", PASSWORD, "湾沚区局", "340210");
        }
        admin = TestAccounts.administrator(port, accounts, users);
        city = ApiClient.anonymous(port).as("exchange-city", PASSWORD);
        wanzhi = ApiClient.anonymous(port).as("exchange-wanzhi", PASSWORD);
    }

    @Test
    void aJourneyBatchesEpcisExportsValidateAndCarryTheirEventHashes() {
        Producer farm = producer("340210", GTIN);
        Producer collector = producer("340223", null);
        long farmBatch = openBatch(farm);
        record(farm, farmBatch, "PLANTING", Map.of("method", "定植", "seedVariety", "粉冠一号"));
        record(
                farm,
                farmBatch,
                "PESTICIDE_USE",
                Map.of(
                        "productName", "10%苯醚甲环唑水分散粒剂",
                        "registrationNumber", "PD20070155",
                        "activeIngredient", "苯醚甲环唑",
                        "dose", "60",
                        "doseUnit", "克/亩",
                        "method", "喷雾",
                        "safetyIntervalDays", 0));
        record(farm, farmBatch, "HARVEST", Map.of("quantity", Map.of("amount", "1000", "unit", "KG")));
        record(
                farm,
                farmBatch,
                "INSPECTION",
                Map.of("agency", "湾沚区检测站", "method", "酶抑制法", "items", List.of("有机磷"), "result", "PASS"));
        record(
                farm,
                farmBatch,
                "PACKING",
                Map.of("packageType", "5千克纸箱", "quantity", Map.of("amount", "100", "unit", "BOX")));
        long received = shipAndReceive(farm, farmBatch, collector, "800");
        long processed = openBatch(collector);
        record(
                collector,
                processed,
                "PROCESSING",
                Map.of(
                        "method",
                        "清洗分拣",
                        "inputs",
                        List.of(Map.of(
                                "batchNumber", batchNumber(collector, received),
                                "quantity", Map.of("amount", "800", "unit", "KG"))),
                        "output",
                        Map.of("amount", "750", "unit", "KG")));

        JsonNode farmDocument = epcis(farm.client(), farmBatch);
        JsonNode receivedDocument = epcis(collector.client(), received);
        JsonNode processedDocument = epcis(city, processed);

        String farmEpc = "http://localhost:8080/t/" + traceCode(farm, farmBatch);
        JsonNode shipping = only(farmDocument, "bizStep", "shipping");
        assertThat(shipping.path("epcList").get(0).asString()).isEqualTo(farmEpc);
        assertThat(shipping.path("quantityList").get(0).path("epcClass").asString())
                .isEqualTo("http://localhost:8080/01/0" + GTIN + "/10/" + batchNumber(farm, farmBatch));
        assertThat(shipping.path("quantityList").get(0).path("quantity").decimalValue())
                .isEqualByComparingTo("800");
        assertThat(shipping.path("quantityList").get(0).path("uom").asString()).isEqualTo("KGM");
        assertThat(shipping.path("destinationList").get(0).path("destination").asString())
                .isEqualTo("http://localhost:8080/org/" + collector.id());
        assertThat(shipping.path("eventTimeZoneOffset").asString()).isEqualTo("+08:00");
        assertThat(only(farmDocument, "type", "AggregationEvent")
                        .path("bizStep")
                        .asString())
                .isEqualTo("packing");
        assertThat(only(farmDocument, "bizStep", "inspecting")
                        .path("disposition")
                        .asString())
                .isEqualTo("conformant");
        assertThat(only(farmDocument, "bizStep", "commissioning").path("action").asString())
                .isEqualTo("ADD");

        JsonNode receiving = only(receivedDocument, "bizStep", "receiving");
        assertThat(receiving.path("epcList").get(0).asString()).isEqualTo(farmEpc);
        assertThat(receiving.path("sourceList").get(0).path("source").asString())
                .isEqualTo("http://localhost:8080/org/" + farm.id());
        JsonNode relabelled = only(receivedDocument, "type", "TransformationEvent");
        assertThat(relabelled.path("inputEPCList").get(0).asString()).isEqualTo(farmEpc);

        JsonNode processing =
                processedDocument.path("epcisBody").path("eventList").get(1);
        assertThat(processing.path("type").asString()).isEqualTo("TransformationEvent");
        assertThat(processing.path("inputEPCList").get(0).asString())
                .isEqualTo("http://localhost:8080/t/" + traceCode(collector, received));
        assertThat(processing.path("outputEPCList").get(0).asString())
                .isEqualTo("http://localhost:8080/t/" + traceCode(collector, processed));

        for (JsonNode document : List.of(farmDocument, receivedDocument, processedDocument)) {
            assertThat(EpcisSchema.violations(document.toString())).isEmpty();
            EventHash hash = new EventHash(Map.of(
                    "suyuan", document.path("@context").get(1).path("suyuan").asString()));
            for (JsonNode event : document.path("epcisBody").path("eventList")) {
                assertThat(event.path("eventID").asString()).isEqualTo(hash.id(event));
            }
        }
        List<String> archiveHashes = new ArrayList<>();
        farm.client()
                .get("/api/v1/batches/" + farmBatch + "/history")
                .json()
                .forEach(entry -> archiveHashes.add(entry.path("eventHash").asString()));
        assertThat(farmDocument.path("epcisBody").path("eventList").findValuesAsString("suyuan:recordHash"))
                .containsExactlyElementsOf(archiveHashes);
    }

    @Test
    void anOrganizationWithAGlnIsNamedByItsSglnAndPgln() {
        Producer farm = producer("340210", GTIN);
        Producer market = producer("340210", null);
        String gln = randomGln();
        ApiClient.Response assigned =
                market.client().put("/api/v1/organizations/" + market.id() + "/gln", Map.of("gln", gln));
        assertThat(assigned.status()).as(assigned.body()).isEqualTo(200);
        assertThat(assigned.json().path("gln").asString()).isEqualTo(gln);
        long farmBatch = openBatch(farm);
        record(farm, farmBatch, "HARVEST", Map.of("quantity", Map.of("amount", "100", "unit", "JIN")));
        long marketBatch = shipAndReceive(farm, farmBatch, market, "30");

        JsonNode farmDocument = epcis(farm.client(), farmBatch);
        JsonNode shipping = only(farmDocument, "bizStep", "shipping");
        JsonNode receiving = only(epcis(market.client(), marketBatch), "bizStep", "receiving");

        assertThat(shipping.path("destinationList").get(0).path("destination").asString())
                .isEqualTo("https://id.gs1.org/417/" + gln);
        assertThat(shipping.path("sourceList").get(0).path("source").asString())
                .isEqualTo("http://localhost:8080/org/" + farm.id());
        assertThat(shipping.path("quantityList").get(0).path("quantity").decimalValue())
                .isEqualByComparingTo("30");
        assertThat(receiving.path("bizLocation").path("id").asString()).isEqualTo("https://id.gs1.org/414/" + gln);
        assertThat(receiving.path("destinationList").get(0).path("destination").asString())
                .isEqualTo("https://id.gs1.org/417/" + gln);
        assertThat(EpcisSchema.violations(epcis(market.client(), marketBatch).toString()))
                .isEmpty();

        String badCheckDigit = gln.substring(0, 12) + ((gln.charAt(12) - '0' + 1) % 10);
        assertProblem(
                market.client().put("/api/v1/organizations/" + market.id() + "/gln", Map.of("gln", badCheckDigit)),
                400,
                "/problems/invalid-gln");
        assertProblem(
                farm.client().put("/api/v1/organizations/" + farm.id() + "/gln", Map.of("gln", gln)),
                409,
                "/problems/duplicate-gln");
        assertProblem(
                farm.client().put("/api/v1/organizations/" + market.id() + "/gln", Map.of("gln", randomGln())),
                404,
                "/problems/not-found");
    }

    @Test
    void theSchemaCheckCatchesABrokenDocument() {
        Producer farm = producer("340210", GTIN);
        long batch = openBatch(farm);
        String valid = epcis(farm.client(), batch).toString();

        assertThat(EpcisSchema.violations(valid)).isEmpty();
        assertThat(EpcisSchema.violations(valid.replace("\"+08:00\"", "\"+8h\"")))
                .isNotEmpty();
        assertThat(EpcisSchema.violations(valid.replace("\"ADD\"", "\"CREATE\"")))
                .isNotEmpty();
    }

    @Test
    void theNyt4712ExportOfAThreeStepChainListsSourceAndDestinationAtEachStep() throws Exception {
        Producer farm = producer("340210", GTIN);
        Producer collector = producer("340210", null);
        Producer market = producer("340202", null);
        long farmBatch = openBatch(farm);
        record(farm, farmBatch, "HARVEST", Map.of("quantity", Map.of("amount", "1000", "unit", "KG")));
        long collected = shipAndReceive(farm, farmBatch, collector, "600");
        long marketBatch = shipAndReceive(collector, collected, market, "400");

        Map<String, JsonNode> records = new HashMap<>();
        city.get("/api/v1/supervision/exports/nyt4712.json")
                .json()
                .path("records")
                .forEach(record -> records.put(record.path("inboundBatchNumber").asString(), record));
        JsonNode atFarm = records.get(batchNumber(farm, farmBatch));
        JsonNode atCollector = records.get(batchNumber(collector, collected));
        JsonNode atMarket = records.get(batchNumber(market, marketBatch));

        assertThat(atFarm.path("stage").asString()).isEqualTo("生产");
        assertThat(atFarm.path("outboundTraceCode").asString()).isEqualTo(traceCode(farm, farmBatch));
        assertThat(atFarm.path("sources")).isEmpty();
        assertThat(atFarm.path("origin").path("baseName").asString()).isEqualTo("基地");
        assertDestination(atFarm, collector, collected, "600");

        assertThat(atCollector.path("stage").asString()).isEqualTo("收购");
        assertSource(atCollector, farm, farmBatch, "600");
        assertDestination(atCollector, market, marketBatch, "400");

        assertThat(atMarket.path("stage").asString()).isEqualTo("收购");
        assertSource(atMarket, collector, collected, "400");
        assertThat(atMarket.path("destinations")).isEmpty();
        assertThat(atMarket.path("inbound").get(0).path("recordedAt").asString())
                .endsWith("+08:00");

        ApiClient.BinaryResponse xlsx = city.getBytes("/api/v1/supervision/exports/nyt4712.xlsx");
        assertThat(xlsx.status()).isEqualTo(200);
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Row collectorSource = rowOf(workbook.getSheet("来源"), batchNumber(collector, collected));
            assertThat(collectorSource.getCell(2).getStringCellValue()).isEqualTo(farm.name());
            assertThat(collectorSource.getCell(4).getStringCellValue()).isEqualTo(batchNumber(farm, farmBatch));
            assertThat(collectorSource.getCell(7).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(collectorSource.getCell(7).getNumericCellValue()).isEqualTo(600.0);
            Row collectorDestination = rowOf(workbook.getSheet("去向"), batchNumber(collector, collected));
            assertThat(collectorDestination.getCell(2).getStringCellValue()).isEqualTo(market.name());
            assertThat(collectorDestination.getCell(5).getStringCellValue()).isEqualTo(traceCode(market, marketBatch));
            Row farmRecord = rowOf(workbook.getSheet("入库出库记录"), batchNumber(farm, farmBatch), 1);
            assertThat(farmRecord.getCell(0).getStringCellValue()).isEqualTo("生产");
            assertThat(farmRecord.getCell(19).getNumericCellValue()).isEqualTo(1000.0);
        }
        assertThat(farm.client().get("/api/v1/exports/nyt4712.json").json().path("records"))
                .hasSize(1);
        JsonNode single = collector
                .client()
                .get("/api/v1/batches/" + collected + "/nyt4712")
                .json();
        assertThat(single.path("sources").get(0).path("traceCode").asString()).isEqualTo(traceCode(farm, farmBatch));
    }

    @Test
    void aJurisdictionsEpcisExportStreamsEveryBatchOfItAndNothingElse() {
        Producer inWanzhi = producer("340210", GTIN);
        Producer inNanling = producer("340223", null);
        long wanzhiBatch = openBatch(inWanzhi);
        long nanlingBatch = openBatch(inNanling);

        ApiClient.Response export = wanzhi.get("/api/v1/supervision/exports/epcis");

        assertThat(export.status()).isEqualTo(200);
        assertThat(export.header("Content-Type")).startsWith("application/ld+json");
        assertThat(EpcisSchema.violations(export.body())).isEmpty();
        List<String> all = new ArrayList<>();
        export.json()
                .path("epcisBody")
                .path("eventList")
                .forEach(event -> event.path("epcList").forEach(epc -> all.add(epc.asString())));
        assertThat(all)
                .contains("http://localhost:8080/t/" + traceCode(inWanzhi, wanzhiBatch))
                .doesNotContain("http://localhost:8080/t/" + traceCode(inNanling, nanlingBatch));
        assertThat(city.get("/api/v1/supervision/exports/epcis?region=340223").body())
                .contains(traceCode(inNanling, nanlingBatch))
                .doesNotContain(traceCode(inWanzhi, wanzhiBatch));
        assertThat(wanzhi.get("/api/v1/supervision/exports/epcis?region=340223").status())
                .isEqualTo(404);
        assertThat(inWanzhi.client().get("/api/v1/exports/epcis").body())
                .contains(traceCode(inWanzhi, wanzhiBatch))
                .doesNotContain(traceCode(inNanling, nanlingBatch));
    }

    @Test
    void onlyTheOwnerAndTheRegulatorsOfItsJurisdictionMayExportABatch() {
        Producer owner = producer("340223", null);
        Producer other = producer("340223", null);
        long batch = openBatch(owner);

        assertThat(owner.client().get("/api/v1/batches/" + batch + "/epcis").status())
                .isEqualTo(200);
        assertThat(city.get("/api/v1/batches/" + batch + "/epcis").status()).isEqualTo(200);
        assertProblem(other.client().get("/api/v1/batches/" + batch + "/epcis"), 404, "/problems/not-found");
        assertProblem(other.client().get("/api/v1/batches/" + batch + "/nyt4712"), 404, "/problems/not-found");
        assertProblem(wanzhi.get("/api/v1/batches/" + batch + "/epcis"), 403, "/problems/outside-jurisdiction");
        assertProblem(wanzhi.get("/api/v1/batches/" + batch + "/nyt4712"), 403, "/problems/outside-jurisdiction");
        assertProblem(
                ApiClient.anonymous(port).get("/api/v1/batches/" + batch + "/epcis"), 401, "/problems/unauthorized");
        assertProblem(
                ApiClient.anonymous(port).get("/api/v1/supervision/exports/epcis"), 401, "/problems/unauthorized");
        assertProblem(owner.client().get("/api/v1/supervision/exports/epcis"), 403, "/problems/forbidden");
        assertProblem(owner.client().get("/api/v1/supervision/exports/nyt4712.json"), 403, "/problems/forbidden");
        assertProblem(city.get("/api/v1/exports/epcis"), 403, "/problems/forbidden");
        assertProblem(owner.client().get("/api/v1/batches/abc/epcis"), 400, "/problems/http-400");
        assertProblem(owner.client().get("/api/v1/batches/999999999/epcis"), 404, "/problems/not-found");
        assertProblem(owner.client().get("/api/v1/exports/nyt4712.pdf"), 404, "/problems/unknown-export-format");
        assertProblem(city.get("/api/v1/supervision/exports/epcis?region=999999"), 404, "/problems/not-found");
    }

    private static void assertProblem(ApiClient.Response response, int status, String type) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().path("type").asString()).isEqualTo(type);
    }

    private void assertSource(JsonNode record, Producer from, long fromBatch, String amount) {
        JsonNode source = record.path("sources").get(0);
        assertThat(record.path("sources")).hasSize(1);
        assertThat(source.path("organizationName").asString()).isEqualTo(from.name());
        assertThat(source.path("organizationCode").asString()).isEqualTo(from.creditCode());
        assertThat(source.path("batchNumber").asString()).isEqualTo(batchNumber(from, fromBatch));
        assertThat(source.path("traceCode").asString()).isEqualTo(traceCode(from, fromBatch));
        assertThat(source.path("quantity").decimalValue()).isEqualByComparingTo(amount);
        assertThat(source.path("unit").asString()).isEqualTo("千克");
    }

    private void assertDestination(JsonNode record, Producer to, long toBatch, String amount) {
        JsonNode destination = record.path("destinations").get(0);
        assertThat(record.path("destinations")).hasSize(1);
        assertThat(destination.path("organizationName").asString()).isEqualTo(to.name());
        assertThat(destination.path("organizationCode").asString()).isEqualTo(to.creditCode());
        assertThat(destination.path("batchNumber").asString()).isEqualTo(batchNumber(to, toBatch));
        assertThat(destination.path("traceCode").asString()).isEqualTo(traceCode(to, toBatch));
        assertThat(destination.path("quantity").decimalValue()).isEqualByComparingTo(amount);
        assertThat(destination.path("date").asString()).isEqualTo(TODAY.toString());
    }

    private static Row rowOf(Sheet sheet, String key) {
        return rowOf(sheet, key, 0);
    }

    private static Row rowOf(Sheet sheet, String key, int column) {
        for (Row row : sheet) {
            if (row.getCell(column) != null && key.equals(row.getCell(column).getStringCellValue())) {
                return row;
            }
        }
        throw new AssertionError("no row for " + key + " in " + sheet.getSheetName());
    }

    /** A GLN nobody else in the shared test database holds: twelve random digits and the check digit. */
    private static String randomGln() {
        StringBuilder digits = new StringBuilder("69");
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        while (digits.length() < 12) {
            digits.append(random.nextInt(10));
        }
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            int digit = digits.charAt(11 - i) - '0';
            sum += i % 2 == 0 ? digit * 3 : digit;
        }
        return digits.append((10 - sum % 10) % 10).toString();
    }

    private static JsonNode epcis(ApiClient client, long batch) {
        ApiClient.Response response = client.get("/api/v1/batches/" + batch + "/epcis");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("application/ld+json");
        return response.json();
    }

    private static JsonNode only(JsonNode document, String field, String value) {
        List<JsonNode> matches = new ArrayList<>();
        document.path("epcisBody").path("eventList").forEach(event -> {
            if (event.path(field).asString().equals(value)) {
                matches.add(event);
            }
        });
        assertThat(matches).as(field + "=" + value).hasSize(1);
        return matches.get(0);
    }

    private record Producer(long id, String name, String creditCode, ApiClient client) {}

    private Producer producer(String region, String gtin) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String name = "交换主体" + suffix;
        String creditCode = org.suyuan.archive.ArchiveJourneyTestsAccess.randomCreditCode();
        JsonNode organization = admin.post(
                        "/api/v1/organizations",
                        Map.of(
                                "name", name,
                                "type", "COOPERATIVE",
                                "creditCode", creditCode,
                                "regionCode", region,
                                "address", "某镇某村",
                                "contactName", "王",
                                "contactPhone", "13900000000"))
                .json();
        String username = "x-" + suffix;
        admin.post(
                "/api/v1/organizations/" + organization.path("id").asLong() + "/users",
                Map.of("username", username, "password", PASSWORD, "displayName", name));
        ApiClient client = ApiClient.anonymous(port).as(username, PASSWORD);
        client.post("/api/v1/plots", Map.of("name", "基地", "regionCode", region));
        Map<String, Object> product = new HashMap<>(Map.of("name", "番茄", "category", "VEGETABLE", "variety", "粉冠"));
        if (gtin != null) {
            product.put("gtin", gtin);
        }
        assertThat(client.post("/api/v1/products", product).status()).isEqualTo(201);
        return new Producer(organization.path("id").asLong(), name, creditCode, client);
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
                                "E-" + UUID.randomUUID().toString().substring(0, 8),
                                "productId",
                                product,
                                "plotId",
                                plot,
                                "startedOn",
                                TODAY.minusDays(30).toString()));
        assertThat(batch.status()).as(batch.body()).isEqualTo(201);
        return batch.json().path("id").asLong();
    }

    private long shipAndReceive(Producer seller, long batch, Producer buyer, String kilograms) {
        record(
                seller,
                batch,
                "SHIPMENT",
                Map.of(
                        "buyerName", buyer.name(),
                        "buyerOrganizationId", buyer.id(),
                        "quantity", Map.of("amount", kilograms, "unit", "KG")));
        long receipt =
                buyer.client().get("/api/v1/receipts").json().get(0).path("id").asLong();
        long plot = buyer.client()
                .get("/api/v1/plots")
                .json()
                .path("content")
                .get(0)
                .path("id")
                .asLong();
        long product = buyer.client()
                .get("/api/v1/products")
                .json()
                .path("content")
                .get(0)
                .path("id")
                .asLong();
        ApiClient.Response confirmed = buyer.client()
                .post(
                        "/api/v1/receipts/" + receipt + "/confirm",
                        Map.of(
                                "batchNumber",
                                        "R-" + UUID.randomUUID().toString().substring(0, 8),
                                "productId", product,
                                "plotId", plot));
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(201);
        return confirmed.json().path("id").asLong();
    }

    private static void record(Producer producer, long batch, String type, Map<String, Object> details) {
        ApiClient.Response response = producer.client()
                .post(
                        "/api/v1/batches/" + batch + "/events",
                        Map.of("type", type, "occurredOn", TODAY.toString(), "details", details));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
    }

    private static String batchNumber(Producer producer, long batch) {
        return producer.client()
                .get("/api/v1/batches/" + batch)
                .json()
                .path("batchNumber")
                .asString();
    }

    private static String traceCode(Producer producer, long batch) {
        return producer.client()
                .get("/api/v1/batches/" + batch + "/codes")
                .json()
                .path("content")
                .get(0)
                .path("code")
                .asString();
    }
}
