package org.suyuan.code;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.suyuan.ApiClient;
import org.suyuan.TestAccounts;
import org.suyuan.TestClock;
import org.suyuan.TestClockConfiguration;
import org.suyuan.account.AccountService;
import org.suyuan.archive.CreditCode;
import org.suyuan.db.account.UserAccountRepository;
import org.suyuan.qr.LabelLayout;
import org.suyuan.qr.TraceCodeGenerator;
import tools.jackson.databind.JsonNode;

/**
 * Codes over real HTTP: a batch's trace code and its public resolution (trace URL and GS1 Digital Link), serials
 * capped by the harvest also under concurrent requests, disabling, QR images, label sheets, the 承诺达标合格证
 * and decoding uploaded photos, with the refusals each can meet.
 */
@Import(TestClockConfiguration.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CodeJourneyTests {

    /** {@code suyuan.public-base-url} of the tests: what every QR symbol carries. */
    static final String BASE_URL = "http://localhost:8080";

    static final String GTIN = "6901234567892";

    private static final String PASSWORD = "journey-password";
    private static final LocalDate TODAY = TestClock.TODAY;

    @LocalServerPort
    int port;

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
    void everyNewBatchHasATraceCodeThatAnyoneCanLookUp() {
        ApiClient farmer = newProducer();
        Batch batch = newBatch(farmer, GTIN, null);

        JsonNode codes =
                farmer.get("/api/v1/batches/" + batch.id() + "/codes").json().path("content");
        assertThat(codes).hasSize(1);
        assertThat(codes.get(0).path("kind").asText()).isEqualTo("BATCH");
        assertThat(codes.get(0).path("itemNumber").asInt()).isZero();
        String code = codes.get(0).path("code").asText();
        assertThat(code).matches("[0-9A-HJKMNP-TV-Z]{17}");

        ApiClient.Response publicView = ApiClient.anonymous(port).get("/api/v1/codes/" + code);
        assertThat(publicView.status()).isEqualTo(200);
        JsonNode json = publicView.json();
        assertThat(json.path("kind").asText()).isEqualTo("BATCH");
        assertThat(json.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(json.path("batchNumber").asText()).isEqualTo(batch.number());
        assertThat(json.path("product").path("name").asText()).isEqualTo("番茄");
        assertThat(json.path("producer").path("name").asText()).startsWith("测试合作社");
        assertThat(json.path("origin").asText()).isEqualTo("安徽省芜湖市湾沚区");
        assertThat(json.path("url").asText()).isEqualTo(BASE_URL + "/t/" + code);
        assertThat(json.path("digitalLink").asText()).isEqualTo(BASE_URL + "/01/0" + GTIN + "/10/" + batch.number());
        assertThat(publicView.body()).doesNotContain("13900000000", "张三", "湾沚镇", "creditCode", "contact");

        ApiClient.Response traced = asksForJson().get("/t/" + code);
        assertThat(traced.status()).isEqualTo(200);
        assertThat(traced.json().path("code").asText()).isEqualTo(code);
        String typed = (code.substring(0, 4) + "-" + code.substring(4)).toLowerCase();
        assertThat(asksForJson().get("/t/" + typed).json().path("code").asText())
                .isEqualTo(code);
    }

    @Test
    void aGs1DigitalLinkResolvesToTheSameCode() {
        ApiClient farmer = newProducer();
        Batch batch = newBatch(farmer, GTIN, null);
        recordEvent(farmer, batch.id(), "HARVEST", TODAY, harvestOf("10", "KG"));
        String serial =
                issue(farmer, batch.id(), 1).path("codes").get(0).path("code").asText();
        ApiClient anonymous = asksForJson();

        ApiClient.Response batchLevel = anonymous.get("/01/0" + GTIN + "/10/" + batch.number());
        assertThat(batchLevel.status()).isEqualTo(200);
        assertThat(batchLevel.json().path("code").asText()).isEqualTo(batchCode(farmer, batch.id()));
        assertThat(anonymous
                        .get("/01/" + GTIN + "/10/" + batch.number())
                        .json()
                        .path("code")
                        .asText())
                .as("GTIN-13 as printed under the barcode")
                .isEqualTo(batchCode(farmer, batch.id()));

        ApiClient.Response itemLevel = anonymous.get("/01/0" + GTIN + "/10/" + batch.number() + "/21/" + serial);
        assertThat(itemLevel.status()).isEqualTo(200);
        assertThat(itemLevel.json().path("code").asText()).isEqualTo(serial);
        assertThat(itemLevel.json().path("kind").asText()).isEqualTo("ITEM");
        assertThat(itemLevel.json().path("digitalLink").asText())
                .isEqualTo(BASE_URL + "/01/0" + GTIN + "/10/" + batch.number() + "/21/" + serial);

        ApiClient.Response wrongCheckDigit = anonymous.get("/01/06901234567893/10/" + batch.number());
        assertThat(wrongCheckDigit.status()).isEqualTo(400);
        assertThat(wrongCheckDigit.header("Content-Type")).startsWith("application/problem+json");
        assertThat(wrongCheckDigit.json().path("type").asText()).isEqualTo("/problems/invalid-digital-link");
        assertThat(anonymous.get("/01/0" + GTIN + "/21/" + serial).status()).isEqualTo(400);

        ApiClient.Response unknownLot = anonymous.get("/01/0" + GTIN + "/10/NO-SUCH-LOT");
        assertThat(unknownLot.status()).isEqualTo(404);
        assertThat(unknownLot.json().path("type").asText()).isEqualTo("/problems/unknown-code");
        assertThat(anonymous.get("/01/0" + GTIN + "/10/OTHER-LOT/21/" + serial).status())
                .as("a genuine serial under another lot")
                .isEqualTo(404);
    }

    @Test
    void aMalformedCodeIsRefusedAndAnUnknownOneIsNotFound() {
        String unknown = new TraceCodeGenerator().next().value();
        String mistyped = unknown.substring(0, 16) + (unknown.charAt(16) == '0' ? '1' : '0');
        ApiClient anonymous = asksForJson();

        for (String path : List.of("/api/v1/codes/", "/t/")) {
            ApiClient.Response notFound = anonymous.get(path + unknown);
            assertThat(notFound.status()).as(path).isEqualTo(404);
            assertThat(notFound.json().path("type").asText()).isEqualTo("/problems/unknown-code");
            ApiClient.Response malformed = anonymous.get(path + mistyped);
            assertThat(malformed.status()).as(path).isEqualTo(400);
            assertThat(malformed.json().path("type").asText()).isEqualTo("/problems/invalid-trace-code");
        }
        assertThat(ApiClient.anonymous(port)
                        .getBytes("/api/v1/codes/" + unknown + "/qr.png")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void theQrPngDecodesToTheTraceUrlAndIsCachedWhileBadSizesAreRefused() {
        ApiClient farmer = newProducer();
        Batch batch = newBatch(farmer, null, null);
        String code = batchCode(farmer, batch.id());
        ApiClient anonymous = ApiClient.anonymous(port);

        ApiClient.BinaryResponse png = anonymous.getBytes("/api/v1/codes/" + code + "/qr.png?size=300");
        assertThat(png.status()).isEqualTo(200);
        assertThat(png.header("Content-Type")).isEqualTo("image/png");
        assertThat(png.header("Cache-Control")).contains("public", "max-age=86400");
        assertThat(LabelImages.zxing(png.body())).isEqualTo(BASE_URL + "/t/" + code);
        ApiClient.Response again = anonymous.get(
                "/api/v1/codes/" + code + "/qr.png?size=300", Map.of("If-None-Match", png.header("ETag")));
        assertThat(again.status()).isEqualTo(304);

        for (String size : List.of("20", "5000")) {
            ApiClient.Response refused = anonymous.get("/api/v1/codes/" + code + "/qr.png?size=" + size);
            assertThat(refused.status()).as(size).isEqualTo(400);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(refused.json().path("type").asText()).isEqualTo("/problems/image-size-out-of-range");
        }
        assertThat(anonymous
                        .get("/api/v1/codes/" + code + "/qr.png?ec=L")
                        .json()
                        .path("type")
                        .asText())
                .isEqualTo("/problems/invalid-error-correction");
        assertThat(anonymous
                        .get("/api/v1/codes/" + code + "/qr.png?link=gs1")
                        .json()
                        .path("type")
                        .asText())
                .isEqualTo("/problems/product-has-no-gtin");

        ApiClient.BinaryResponse high = anonymous.getBytes("/api/v1/codes/" + code + "/qr.png?size=600&ec=H");
        assertThat(LabelImages.zxing(high.body())).isEqualTo(BASE_URL + "/t/" + code);
        ApiClient.Response svg = anonymous.get("/api/v1/codes/" + code + "/qr.svg");
        assertThat(svg.status()).isEqualTo(200);
        assertThat(svg.header("Content-Type")).startsWith("image/svg+xml");
        assertThat(svg.body()).contains("<svg", "viewBox=", "<path");

        Zbar.assumeAvailable();
        assertThat(Zbar.decode(png.body())).containsExactly(BASE_URL + "/t/" + code);
    }

    @Test
    void aProductWithAGtinCanPrintTheDigitalLinkInstead() {
        ApiClient farmer = newProducer();
        Batch batch = newBatch(farmer, GTIN, null);
        String code = batchCode(farmer, batch.id());

        ApiClient.BinaryResponse png =
                ApiClient.anonymous(port).getBytes("/api/v1/codes/" + code + "/qr.png?link=gs1&size=400");

        assertThat(png.status()).isEqualTo(200);
        assertThat(LabelImages.zxing(png.body())).isEqualTo(BASE_URL + "/01/0" + GTIN + "/10/" + batch.number());
        JsonNode decoded = farmer.postMultipart("/api/v1/codes/decode", "label.png", png.body())
                .json();
        assertThat(decoded.path("recognisedAs").asText()).isEqualTo("DIGITAL_LINK");
        assertThat(decoded.path("resolvesTo").path("code").asText()).isEqualTo(code);
    }

    @Test
    void retryingAnIssueWithTheSameIdempotencyKeyIssuesOnce() {
        ApiClient farmer = newProducer();
        Batch batch = newBatch(farmer, null, null);
        recordEvent(farmer, batch.id(), "HARVEST", TODAY, harvestOf("10", "KG"));
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());

        ApiClient.Response first = farmer.post("/api/v1/batches/" + batch.id() + "/codes", Map.of("count", 4), key);
        ApiClient.Response retry = farmer.post("/api/v1/batches/" + batch.id() + "/codes", Map.of("count", 4), key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.json().path("codes").findValuesAsString("code"))
                .isEqualTo(first.json().path("codes").findValuesAsString("code"));
        assertThat(issue(farmer, batch.id(), 1).path("serialsIssued").asLong()).isEqualTo(5);
    }

    @Test
    void serialsAreCappedByTheHarvestAndTheItemSize() {
        ApiClient farmer = newProducer();
        Batch batch = newBatch(farmer, null, Map.of("amount", "0.5", "unit", "KG"));

        ApiClient.Response beforeHarvest = issueRaw(farmer, batch.id(), 1);
        assertThat(beforeHarvest.status()).isEqualTo(409);
        assertThat(beforeHarvest.json().path("detail").asText()).contains("还没有采收");

        recordEvent(farmer, batch.id(), "HARVEST", TODAY, harvestOf("10", "KG"));
        JsonNode first = issue(farmer, batch.id(), 15);
        assertThat(first.path("count").asInt()).isEqualTo(15);
        assertThat(first.path("serialsIssued").asLong()).isEqualTo(15);
        assertThat(first.path("serialCap").asLong()).isEqualTo(20);
        assertThat(first.path("codes").findValuesAsString("code")).hasSize(15).doesNotHaveDuplicates();
        assertThat(first.path("codes").get(14).path("itemNumber").asInt()).isEqualTo(15);

        ApiClient.Response tooMany = issueRaw(farmer, batch.id(), 6);
        assertThat(tooMany.status()).isEqualTo(409);
        assertThat(tooMany.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = tooMany.json();
        assertThat(problem.path("type").asText()).isEqualTo("/problems/serials-exceed-harvest");
        assertThat(problem.path("detail").asText())
                .contains("已采收 10千克", "每件 0.5千克", "最多可发 20 个", "已发 15 个", "本次申请 6 个", "最多还能发 5 个");
        assertThat(problem.path("available").asLong()).isEqualTo(5);

        assertThat(issueRaw(farmer, batch.id(), 5).status()).isEqualTo(201);
        assertThat(issueRaw(farmer, batch.id(), 1).status()).isEqualTo(409);
    }

    @Test
    void oneRequestIssuesAtMostTenThousandSerials() {
        ApiClient farmer = newProducer();
        Batch batch = newBatch(farmer, null, null);

        for (int count : List.of(0, 10_001)) {
            ApiClient.Response refused = issueRaw(farmer, batch.id(), count);
            assertThat(refused.status()).as("count %d", count).isEqualTo(400);
            assertThat(refused.json().path("type").asText()).isEqualTo("/problems/validation-failed");
        }
    }

    @Test
    void concurrentIssuingYieldsUniqueCodesAndRespectsTheCapExactly() throws Exception {
        ApiClient farmer = newProducer();
        Batch batch = newBatch(farmer, null, null);
        recordEvent(farmer, batch.id(), "HARVEST", TODAY, harvestOf("100", "KG"));
        int requests = 16;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(requests);
        List<Future<ApiClient.Response>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < requests; i++) {
                Callable<ApiClient.Response> request = () -> {
                    start.await();
                    return issueRaw(farmer, batch.id(), 10);
                };
                answers.add(threads.submit(request));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<ApiClient.Response> answer : answers) {
                statuses.add(answer.get().status());
            }
            assertThat(statuses).filteredOn(status -> status == 201).hasSize(10);
            assertThat(statuses).filteredOn(status -> status == 409).hasSize(6);
        } finally {
            threads.shutdownNow();
        }

        JsonNode codes = farmer.get("/api/v1/batches/" + batch.id() + "/codes?size=500")
                .json()
                .path("content");
        List<String> values = codes.findValuesAsString("code");
        assertThat(values).hasSize(101).doesNotHaveDuplicates();
        List<Integer> itemNumbers = new ArrayList<>();
        codes.forEach(code -> itemNumbers.add(code.path("itemNumber").asInt()));
        assertThat(itemNumbers)
                .isEqualTo(
                        java.util.stream.IntStream.rangeClosed(0, 100).boxed().toList());
    }

    @Test
    void aDisabledCodeShowsAsDisabledAndIsNotPrinted() {
        ApiClient farmer = newProducer();
        Batch batch = newBatch(farmer, null, null);
        recordEvent(farmer, batch.id(), "HARVEST", TODAY, harvestOf("10", "KG"));
        List<String> serials = issue(farmer, batch.id(), 3).path("codes").findValuesAsString("code");
        String lost = serials.get(1);

        ApiClient.Response disabled = farmer.post("/api/v1/codes/" + lost + "/disable", Map.of("reason", "标签被盗"));
        assertThat(disabled.status()).isEqualTo(200);
        assertThat(disabled.json().path("status").asText()).isEqualTo("DISABLED");
        assertThat(disabled.json().path("disabledReason").asText()).isEqualTo("标签被盗");

        JsonNode shown = ApiClient.anonymous(port).get("/api/v1/codes/" + lost).json();
        assertThat(shown.path("status").asText()).isEqualTo("DISABLED");
        assertThat(shown.path("statusName").asText()).isEqualTo("已停用");
        assertThat(shown.path("disabledAt").isMissingNode()).isFalse();
        assertThat(asksForJson().get("/t/" + lost).json().path("status").asText())
                .isEqualTo("DISABLED");

        ApiClient.Response twice = farmer.post("/api/v1/codes/" + lost + "/disable", Map.of("reason", "再次"));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().path("type").asText()).isEqualTo("/problems/code-already-disabled");
        assertThat(newProducer()
                        .post("/api/v1/codes/" + serials.get(0) + "/disable", Map.of("reason", "不是我的"))
                        .status())
                .isEqualTo(403);
        assertThat(ApiClient.anonymous(port)
                        .post("/api/v1/codes/" + serials.get(0) + "/disable", Map.of("reason", "匿名"))
                        .status())
                .isEqualTo(401);

        byte[] pdf = farmer.getBytes("/api/v1/batches/" + batch.id() + "/labels.pdf?serials=true&layout=thermal-40x30")
                .body();
        assertThat(LabelImages.pageCount(pdf)).isEqualTo(2);
        assertThat(LabelImages.text(pdf)).doesNotContain(grouped(lost));

        String batchCode = batchCode(farmer, batch.id());
        assertThat(farmer.post("/api/v1/codes/" + batchCode + "/disable", Map.of("reason", "整批标签丢失"))
                        .status())
                .isEqualTo(200);
        ApiClient.Response reprint = farmer.get("/api/v1/batches/" + batch.id() + "/labels.pdf");
        assertThat(reprint.status()).isEqualTo(409);
        assertThat(reprint.json().path("type").asText()).isEqualTo("/problems/code-disabled");
    }

    @Test
    void serialLabelsCarryEachSerialInOrder() {
        ApiClient farmer = newProducer();
        Batch batch = newBatch(farmer, GTIN, null);
        recordEvent(farmer, batch.id(), "HARVEST", TODAY.minusDays(1), harvestOf("10", "KG"));
        List<String> serials = issue(farmer, batch.id(), 5).path("codes").findValuesAsString("code");

        ApiClient.BinaryResponse sheet =
                farmer.getBytes("/api/v1/batches/" + batch.id() + "/labels.pdf?serials=true&layout=a4-3x8");

        assertThat(sheet.status()).isEqualTo(200);
        assertThat(sheet.header("Content-Type")).isEqualTo("application/pdf");
        assertThat(sheet.header("Content-Disposition")).contains(batch.number());
        List<BufferedImage> labels =
                LabelImages.labels(LabelImages.pages(sheet.body()).get(0), LabelLayout.A4_3X8);
        for (int i = 0; i < serials.size(); i++) {
            assertThat(LabelImages.zxing(labels.get(i))).isEqualTo(BASE_URL + "/t/" + serials.get(i));
        }
        assertThat(LabelImages.text(sheet.body()))
                .contains("番茄", batch.number(), "测试合作社", TODAY.minusDays(1).toString(), grouped(serials.get(4)));

        ApiClient.BinaryResponse range = farmer.getBytes(
                "/api/v1/batches/" + batch.id() + "/labels.pdf?serials=true&from=2&to=3&layout=thermal-50x30&link=gs1");
        List<BufferedImage> pages = LabelImages.pages(range.body());
        assertThat(pages).hasSize(2);
        assertThat(LabelImages.zxing(pages.get(0)))
                .isEqualTo(BASE_URL + "/01/0" + GTIN + "/10/" + batch.number() + "/21/" + serials.get(1));

        Zbar.assumeAvailable();
        for (int i = 0; i < serials.size(); i++) {
            assertThat(Zbar.decode(labels.get(i))).containsExactly(BASE_URL + "/t/" + serials.get(i));
        }
    }

    @Test
    void labelRequestsOutsideTheirLimitsAreRefused() {
        ApiClient farmer = newProducer();
        Batch batch = newBatch(farmer, null, null);
        String labels = "/api/v1/batches/" + batch.id() + "/labels.pdf";

        assertThat(farmer.get(labels + "?layout=a4-9x9").json().path("type").asText())
                .isEqualTo("/problems/invalid-label-layout");
        assertThat(farmer.get(labels + "?copies=0").json().path("type").asText())
                .isEqualTo("/problems/invalid-label-count");
        assertThat(farmer.get(labels + "?serials=true").json().path("type").asText())
                .isEqualTo("/problems/no-serials-to-print");
        assertThat(farmer.getBytes(labels + "?layout=thermal-40x30&copies=3").body())
                .satisfies(pdf -> assertThat(LabelImages.pageCount(pdf)).isEqualTo(3));
        assertThat(newProducer().get(labels).status())
                .as("another producer's batch")
                .isEqualTo(404);
        assertThat(ApiClient.anonymous(port).get(labels).status()).isEqualTo(401);
    }

    @Test
    void theCertificateShowsEveryFieldAndItsCodeDecodes() {
        ApiClient farmer = newProducer();
        Batch batch = newBatch(farmer, null, null);
        recordEvent(farmer, batch.id(), "PESTICIDE_USE", TODAY.minusDays(20), pesticide(7));
        recordEvent(farmer, batch.id(), "HARVEST", TODAY.minusDays(5), harvestOf("800", "KG"));
        recordEvent(farmer, batch.id(), "HARVEST", TODAY.minusDays(4), harvestOf("400", "JIN"));
        recordEvent(farmer, batch.id(), "INSPECTION", TODAY.minusDays(4), passingInspection());
        String code = batchCode(farmer, batch.id());

        ApiClient.BinaryResponse a5 = farmer.getBytes("/api/v1/batches/" + batch.id() + "/certificate.pdf");

        assertThat(a5.status()).isEqualTo(200);
        assertThat(a5.header("Content-Type")).isEqualTo("application/pdf");
        assertThat(a5.header("Cache-Control")).contains("no-store");
        assertThat(LabelImages.text(a5.body()))
                .contains(
                        "承诺达标合格证",
                        "番茄（粉冠",
                        "1000千克",
                        "安徽省芜湖市湾沚区",
                        TODAY.toString(),
                        "测试合作社",
                        "13900000000",
                        "质量安全控制符合要求",
                        "自行检测合格",
                        "委托检测合格",
                        grouped(code));
        assertThat(LabelImages.text(a5.body()).replaceAll("\\s", ""))
                .as("the promise, however it wraps")
                .contains("未使用禁用农药兽药及其他化合物；使用的常规农药兽药残留不超标");
        BufferedImage page = LabelImages.pages(a5.body()).get(0);
        assertThat(LabelImages.zxing(page)).isEqualTo(BASE_URL + "/t/" + code);

        ApiClient.BinaryResponse label = farmer.getBytes(
                "/api/v1/batches/" + batch.id() + "/certificate.pdf?format=label&basis=commissioned-test");
        assertThat(label.status()).isEqualTo(200);
        assertThat(LabelImages.zxing(LabelImages.pages(label.body()).get(0))).isEqualTo(BASE_URL + "/t/" + code);

        Zbar.assumeAvailable();
        assertThat(Zbar.decode(page)).containsExactly(BASE_URL + "/t/" + code);
    }

    @Test
    void theCertificateIsRefusedForABatchWhoseArchiveBreaksARule() {
        ApiClient farmer = newProducer();
        Batch batch = newBatch(farmer, null, null);
        // Recorded late, the pesticide use puts the harvest before the end of its 7-day safety interval.
        recordEvent(farmer, batch.id(), "HARVEST", TODAY.minusDays(5), harvestOf("800", "KG"));
        assertThat(recordEvent(farmer, batch.id(), "PESTICIDE_USE", TODAY.minusDays(8), pesticide(7))
                        .status())
                .isEqualTo(201);

        ApiClient.Response refused = farmer.get("/api/v1/batches/" + batch.id() + "/certificate.pdf");

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().path("type").asText()).isEqualTo("/problems/certificate-refused");
        assertThat(refused.json().path("rule").asText()).isEqualTo("harvest-inside-safety-interval");
        assertThat(refused.json().path("detail").asText()).contains("安全间隔期");
    }

    @Test
    void theCertificateIsRefusedWithoutAHarvestOrWithAnUnfoundedBasis() {
        ApiClient farmer = newProducer();
        Batch batch = newBatch(farmer, null, null);
        String certificate = "/api/v1/batches/" + batch.id() + "/certificate.pdf";

        ApiClient.Response nothing = farmer.get(certificate);
        assertThat(nothing.status()).isEqualTo(422);
        assertThat(nothing.json().path("rule").asText()).isEqualTo("nothing-harvested");

        recordEvent(farmer, batch.id(), "HARVEST", TODAY, harvestOf("50", "KG"));
        ApiClient.Response unfounded = farmer.get(certificate + "?basis=self-tested");
        assertThat(unfounded.status()).isEqualTo(422);
        assertThat(unfounded.json().path("rule").asText()).isEqualTo("basis-without-passing-inspection");
        assertThat(farmer.get(certificate + "?basis=lab").json().path("type").asText())
                .isEqualTo("/problems/invalid-certificate-basis");
        assertThat(farmer.get(certificate + "?format=a4").json().path("type").asText())
                .isEqualTo("/problems/invalid-certificate-format");
        assertThat(farmer.getBytes(certificate + "?basis=quality-control").status())
                .isEqualTo(200);
    }

    @Test
    void uploadedLabelPhotosAreDecodedAndResolved() {
        ApiClient farmer = newProducer();
        Batch batch = newBatch(farmer, null, null);
        String code = batchCode(farmer, batch.id());
        byte[] png = ApiClient.anonymous(port)
                .getBytes("/api/v1/codes/" + code + "/qr.png?size=400")
                .body();

        ApiClient.Response decoded = farmer.postMultipart("/api/v1/codes/decode", "label.png", png);
        assertThat(decoded.status()).isEqualTo(200);
        assertThat(decoded.json().path("text").asText()).isEqualTo(BASE_URL + "/t/" + code);
        assertThat(decoded.json().path("recognisedAs").asText()).isEqualTo("TRACE_URL");
        assertThat(decoded.json().path("resolvesTo").path("code").asText()).isEqualTo(code);

        ApiClient.Response notAnImage =
                farmer.postMultipart("/api/v1/codes/decode", "label.png", "not an image".getBytes());
        assertThat(notAnImage.status()).isEqualTo(400);
        assertThat(notAnImage.header("Content-Type")).startsWith("application/problem+json");
        assertThat(notAnImage.json().path("type").asText()).isEqualTo("/problems/unreadable-image");

        ApiClient.Response oversized =
                farmer.postMultipart("/api/v1/codes/decode", "huge.png", new byte[10 * 1024 * 1024 + 1]);
        assertThat(oversized.status()).isEqualTo(413);
        assertThat(oversized.header("Content-Type")).startsWith("application/problem+json");
        assertThat(oversized.json().path("type").asText()).isEqualTo("/problems/image-too-large");

        BufferedImage blank = new BufferedImage(200, 200, BufferedImage.TYPE_BYTE_GRAY);
        ApiClient.Response noCode = farmer.postMultipart("/api/v1/codes/decode", "blank.png", LabelImages.png(blank));
        assertThat(noCode.status()).isEqualTo(422);
        assertThat(noCode.json().path("type").asText()).isEqualTo("/problems/no-qr-code-found");

        assertThat(ApiClient.anonymous(port)
                        .postMultipart("/api/v1/codes/decode", "label.png", png)
                        .status())
                .isEqualTo(401);
    }

    @Test
    void productsKeepTheirItemSize() {
        ApiClient farmer = newProducer();

        ApiClient.Response product = farmer.post(
                "/api/v1/products",
                Map.of(
                        "name",
                        "番茄",
                        "category",
                        "VEGETABLE",
                        "variety",
                        "粉冠" + UUID.randomUUID(),
                        "itemSize",
                        Map.of("amount", "0.50", "unit", "KG")));

        assertThat(product.status()).isEqualTo(201);
        assertThat(product.json().path("itemSize").path("amount").asText()).isEqualTo("0.5");
        assertThat(product.json().path("itemSize").path("unit").asText()).isEqualTo("KG");
        ApiClient.Response invalid = farmer.post(
                "/api/v1/products",
                Map.of(
                        "name",
                        "番茄",
                        "category",
                        "VEGETABLE",
                        "variety",
                        "粉冠" + UUID.randomUUID(),
                        "itemSize",
                        Map.of("amount", "-1", "unit", "KG")));
        assertThat(invalid.status()).isEqualTo(400);
    }

    @Test
    void theApiDocumentListsTheCodeEndpoints() {
        JsonNode paths = ApiClient.anonymous(port).get("/v3/api-docs").json().path("paths");

        assertThat(List.of(
                        "/api/v1/batches/{id}/codes",
                        "/api/v1/codes/{code}",
                        "/api/v1/codes/{code}/qr.png",
                        "/api/v1/codes/{code}/qr.svg",
                        "/api/v1/codes/{code}/disable",
                        "/api/v1/codes/decode",
                        "/api/v1/batches/{id}/labels.pdf",
                        "/api/v1/batches/{id}/certificate.pdf"))
                .allMatch(paths::has);
    }

    /** A batch as a test created it. */
    record Batch(long id, String number) {}

    static String grouped(String code) {
        return code.substring(0, 4) + "-" + code.substring(4, 8) + "-" + code.substring(8, 12) + "-"
                + code.substring(12);
    }

    /** An anonymous client that asks for JSON: browsers, asking for HTML, get the consumer page instead. */
    private ApiClient asksForJson() {
        return ApiClient.anonymous(port).accepting(MediaType.APPLICATION_JSON_VALUE);
    }

    private String batchCode(ApiClient farmer, long batch) {
        return farmer.get("/api/v1/batches/" + batch + "/codes")
                .json()
                .path("content")
                .get(0)
                .path("code")
                .asText();
    }

    private static JsonNode issue(ApiClient farmer, long batch, int count) {
        ApiClient.Response response = issueRaw(farmer, batch, count);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    private static ApiClient.Response issueRaw(ApiClient farmer, long batch, int count) {
        return farmer.post("/api/v1/batches/" + batch + "/codes", Map.of("count", count));
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

    private static Batch newBatch(ApiClient farmer, String gtin, Map<String, String> itemSize) {
        String suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        long plot = farmer.post("/api/v1/plots", Map.of("name", "大棚" + suffix, "regionCode", "340210"))
                .json()
                .path("id")
                .asLong();
        Map<String, Object> product =
                new HashMap<>(Map.of("name", "番茄", "category", "VEGETABLE", "variety", "粉冠" + suffix));
        if (gtin != null) {
            product.put("gtin", gtin);
        }
        if (itemSize != null) {
            product.put("itemSize", itemSize);
        }
        ApiClient.Response productResponse = farmer.post("/api/v1/products", product);
        assertThat(productResponse.status()).isEqualTo(201);
        String number = "QYJ-" + suffix;
        ApiClient.Response batch = farmer.post(
                "/api/v1/batches",
                Map.of(
                        "batchNumber",
                        number,
                        "productId",
                        productResponse.json().path("id").asLong(),
                        "plotId",
                        plot,
                        "startedOn",
                        TODAY.minusDays(60).toString()));
        assertThat(batch.status()).isEqualTo(201);
        return new Batch(batch.json().path("id").asLong(), number);
    }

    private static ApiClient.Response recordEvent(
            ApiClient farmer, long batch, String type, LocalDate day, Map<String, Object> details) {
        ApiClient.Response response = farmer.post(
                "/api/v1/batches/" + batch + "/events",
                Map.of("type", type, "occurredOn", day.toString(), "details", details));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response;
    }

    private static Map<String, Object> harvestOf(String amount, String unit) {
        return Map.of("quantity", Map.of("amount", amount, "unit", unit));
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

    private static Map<String, Object> passingInspection() {
        return Map.of(
                "agency", "湾沚区农产品质量安全检测站",
                "method", "农药残留快速检测（酶抑制法）",
                "items", List.of("有机磷和氨基甲酸酯类农药"),
                "result", "PASS");
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

    /** A fresh credit code whose check character {@link CreditCode} accepts, so every test has its own producer. */
    static String randomCreditCode() {
        String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        java.util.Random random = new java.util.Random();
        StringBuilder code = new StringBuilder("93340210");
        for (int i = 0; i < 9; i++) {
            code.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        for (char check : alphabet.toCharArray()) {
            try {
                return CreditCode.parse(code.toString() + check).value();
            } catch (RuntimeException wrongCheckCharacter) {
                // try the next one: exactly one is right
            }
        }
        throw new IllegalStateException("No check character fits " + code);
    }
}
