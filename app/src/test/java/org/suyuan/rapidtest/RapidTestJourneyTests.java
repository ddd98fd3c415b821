package org.suyuan.rapidtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.suyuan.ApiClient;
import org.suyuan.TestAccounts;
import org.suyuan.account.AccountService;
import org.suyuan.archive.SupplyChainFixtures;
import org.suyuan.db.account.UserAccountRepository;
import org.suyuan.ledger.RecordHash;
import tools.jackson.databind.JsonNode;

/**
 * A township inspection station over the API: the administrator creates its account for the 湾沚区 bureau; it
 * records a failed rapid test, with the photo of its strip, against the URL its phone scanned from a batch's label.
 * The test is an entry of the batch's archive, bound to the photo by hash and anchored like every entry; the
 * bureau's dashboard flags the batch, the consumer trace warns of it and no longer offers a 承诺达标合格证. Bad input
 * is answered with problem+json, and no one but a station may record a rapid test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RapidTestJourneyTests {

    private static final String PASSWORD = "station-password-7Qm";
    private static final String STATION_NAME = "湾沚区六郎镇农产品快检室";

    /** A real 2 × 2 PNG, as the photo of a test strip. */
    private static final byte[] STRIP = Base64.getDecoder()
            .decode(
                    "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEElEQVR4nGPQqzUCIgYIBQAYKgN1RttJhQAAAABJRU5ErkJggg==");

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
    void aStationsFailedRapidTestIsArchivedAnchoredFlaggedToTheBureauAndWarnsConsumers() {
        ApiClient station = station("340210");
        SupplyChainFixtures.Member farm =
                SupplyChainFixtures.member(admin, port, "湾沚区六郎镇蔬菜家庭农场", "FAMILY_FARM", "340210");
        long batch = SupplyChainFixtures.harvestedBatch(farm, "青菜", "上海青", "六郎1号棚", "800");
        String code = SupplyChainFixtures.traceCode(farm, batch);
        assertThat(ApiClient.anonymous(port)
                        .get("/api/v1/trace/" + code)
                        .json()
                        .path("certificate")
                        .isObject())
                .as("the farm's own passing test allows a certificate before the station's test")
                .isTrue();

        Map<String, Object> test = failedTest("http://localhost:" + port + "/t/" + code);
        ApiClient.Response recorded =
                station.postJsonAndFile("/api/v1/rapid-tests", "test", test, "photo", "strip.png", STRIP);

        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        JsonNode body = recorded.json();
        assertThat(body.path("batchId").asLong()).isEqualTo(batch);
        assertThat(body.path("code").asText()).isEqualTo(code);
        assertThat(body.path("result").asText()).isEqualTo("FAIL");
        assertThat(body.path("flagged").asBoolean()).isTrue();
        assertThat(body.path("photoAttachmentId").isNumber()).isTrue();

        JsonNode entry = lastEntry(farm, batch);
        assertThat(entry.path("type").asText()).isEqualTo("RAPID_TEST");
        assertThat(entry.path("recordedBy").asText()).isEqualTo(stationUsername);
        assertThat(entry.path("eventHash").asText())
                .isEqualTo(body.path("eventHash").asText());
        JsonNode details = entry.path("details");
        assertThat(details.path("station").asText())
                .as("the station is named by its account, not by the request")
                .isEqualTo(STATION_NAME);
        assertThat(details.path("stationJurisdiction").asText()).isEqualTo("340210");
        assertThat(details.path("item").asText()).isEqualTo("有机磷和氨基甲酸酯类农药");
        assertThat(details.path("value").asText()).isEqualTo("62.5");
        assertThat(details.path("limit").asText()).isEqualTo("50");
        assertThat(details.path("sampler").asText()).isEqualTo("张丽");
        assertThat(details.path("photoSha256").asText())
                .isEqualTo(RecordHash.sha256(STRIP).hex());

        // Anchored like every entry: the scan is VERIFIED only once the newest entry, the rapid test, is on the ledger.
        Awaitility.await()
                .atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(300))
                .until(() -> ApiClient.anonymous(port)
                        .get("/api/v1/trace/" + code)
                        .json()
                        .path("status")
                        .asText()
                        .equals("VERIFIED"));
        JsonNode trace = ApiClient.anonymous(port).get("/api/v1/trace/" + code).json();
        assertThat(trace.path("verification").path("anchored").path("events").asInt())
                .isEqualTo(entry.path("sequenceNumber").asInt());
        JsonNode warning = trace.path("rapidTestFailures").get(0);
        assertThat(warning.path("station").asText()).isEqualTo(STATION_NAME);
        assertThat(warning.path("item").asText()).isEqualTo("有机磷和氨基甲酸酯类农药");
        assertThat(warning.path("reading").asText()).contains("62.5%", "50%");
        assertThat(warning.path("sequenceNumber").asInt())
                .isEqualTo(entry.path("sequenceNumber").asInt());
        assertThat(trace.path("certificate").isNull()
                        || trace.path("certificate").isMissingNode())
                .as("no 承诺达标合格证 for a batch a station found failing")
                .isTrue();
        assertThat(ApiClient.anonymous(port)
                        .getBytes("/t/" + code + "/certificate.pdf")
                        .status())
                .isGreaterThanOrEqualTo(400);

        ApiClient bureau = regulator("340210");
        JsonNode flags = bureau.get("/api/v1/supervision/dashboard").json().path("flags");
        assertThat(flags.valueStream()
                        .filter(flag -> flag.path("kind").asText().equals("failed-rapid-test"))
                        .filter(flag -> flag.path("batchId").asLong() == batch))
                .singleElement()
                .satisfies(
                        flag -> assertThat(flag.path("detail").asText()).contains(STATION_NAME, "62.5%", "50%", "张丽"));
        JsonNode elsewhere =
                regulator("340223").get("/api/v1/supervision/dashboard").json().path("flags");
        assertThat(elsewhere.valueStream().filter(flag -> flag.path("batchId").asLong() == batch))
                .as("another county's bureau does not see it")
                .isEmpty();
    }

    @Test
    void aPassingTestTypedAsPrintedRaisesNoFlag() {
        ApiClient station = station("340210");
        SupplyChainFixtures.Member farm =
                SupplyChainFixtures.member(admin, port, "湾沚区红杨镇蔬菜合作社", "COOPERATIVE", "340210");
        long batch = SupplyChainFixtures.harvestedBatch(farm, "豇豆", "之豇28-2", "红杨2号地", "300");
        String code = SupplyChainFixtures.traceCode(farm, batch);
        Map<String, Object> test =
                failedTest(code.substring(0, 4) + " " + code.substring(4, 8) + " " + code.substring(8));
        test.put("value", "12.0");
        test.put("result", "PASS");

        ApiClient.Response recorded = station.post("/api/v1/rapid-tests", test);

        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        assertThat(recorded.json().path("flagged").asBoolean()).isFalse();
        assertThat(recorded.json().path("photoAttachmentId").isNull()).isTrue();
        assertThat(lastEntry(farm, batch).path("details").path("result").asText())
                .isEqualTo("PASS");
        assertThat(regulator("340210")
                        .get("/api/v1/supervision/dashboard")
                        .json()
                        .path("flags")
                        .valueStream()
                        .filter(flag -> flag.path("batchId").asLong() == batch))
                .isEmpty();
        assertThat(ApiClient.anonymous(port).get("/api/v1/trace/" + code).json().path("rapidTestFailures"))
                .isEmpty();
    }

    @Test
    void badInputIsAnsweredWithProblemJsonAndNothingIsRecorded() {
        ApiClient station = station("340210");
        SupplyChainFixtures.Member farm =
                SupplyChainFixtures.member(admin, port, "湾沚区花桥镇家庭农场", "FAMILY_FARM", "340210");
        long batch = SupplyChainFixtures.harvestedBatch(farm, "芹菜", "津南实芹", "花桥1号地", "200");
        String code = SupplyChainFixtures.traceCode(farm, batch);
        int entries = lastEntry(farm, batch).path("sequenceNumber").asInt();

        Map<String, Object> missing = failedTest(code);
        missing.remove("item");
        missing.remove("sampler");
        ApiClient.Response incomplete = station.post("/api/v1/rapid-tests", missing);
        assertProblem(incomplete, 400, "validation-failed");
        assertThat(incomplete.body()).contains("item", "sampler");

        Map<String, Object> contradictory = failedTest(code);
        contradictory.put("result", "PASS");
        ApiClient.Response passedAboveLimit = station.post("/api/v1/rapid-tests", contradictory);
        assertProblem(passedAboveLimit, 400, "validation-failed");
        assertThat(passedAboveLimit.json().path("errors").get(0).path("field").asText())
                .isEqualTo("result");

        Map<String, Object> mistyped = failedTest(code.substring(0, 16) + (code.charAt(16) == '0' ? '1' : '0'));
        assertThat(station.post("/api/v1/rapid-tests", mistyped).status()).isEqualTo(400);

        Map<String, Object> tomorrow = failedTest(code);
        tomorrow.put("testedOn", "2999-01-01");
        assertProblem(station.post("/api/v1/rapid-tests", tomorrow), 400, "invalid-event-details");

        Map<String, Object> notAnImage = failedTest(code);
        assertThat(station.postJsonAndFile(
                                "/api/v1/rapid-tests",
                                "test",
                                notAnImage,
                                "photo",
                                "strip.png",
                                "not a photo".getBytes())
                        .status())
                .isEqualTo(415);

        Map<String, Object> unknown = failedTest(unknownCode());
        assertProblem(station.post("/api/v1/rapid-tests", unknown), 404, null);

        assertProblem(farm.client().post("/api/v1/rapid-tests", failedTest(code)), 403, "forbidden");
        assertProblem(regulator("340210").post("/api/v1/rapid-tests", failedTest(code)), 403, "forbidden");
        ApiClient.Response ownRapidTest = farm.client()
                .post(
                        "/api/v1/batches/" + batch + "/events",
                        Map.of("type", "RAPID_TEST", "occurredOn", "2026-01-01", "details", Map.of()));
        assertThat(ownRapidTest.status())
                .as("a producer cannot vouch for its own goods as a station")
                .isEqualTo(400);

        assertThat(lastEntry(farm, batch).path("sequenceNumber").asInt())
                .as("nothing was recorded")
                .isEqualTo(entries);
    }

    @Test
    void theAdministratorCreatesStationAccountsForAKnownJurisdictionOnly() {
        String username = "station-" + UUID.randomUUID().toString().substring(0, 6);
        ApiClient.Response created = admin.post(
                "/api/v1/stations",
                Map.of(
                        "username",
                        username,
                        "password",
                        PASSWORD,
                        "displayName",
                        STATION_NAME,
                        "jurisdictionCode",
                        "340210"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().path("role").asText()).isEqualTo("STATION");
        assertThat(created.json().path("jurisdictionCode").asText()).isEqualTo("340210");
        assertThat(created.json().path("organizationId").isNull()).isTrue();

        ApiClient.Response unknownRegion = admin.post(
                "/api/v1/stations",
                Map.of(
                        "username",
                        username + "x",
                        "password",
                        PASSWORD,
                        "displayName",
                        STATION_NAME,
                        "jurisdictionCode",
                        "999999"));
        assertProblem(unknownRegion, 400, "unknown-region");

        ApiClient station = ApiClient.anonymous(port).as(username, PASSWORD);
        assertThat(station.get("/api/v1/supervision/dashboard").status())
                .as("a station is not a regulator")
                .isEqualTo(403);
        assertThat(station.get("/api/v1/batches").status()).isEqualTo(403);
    }

    private String stationUsername;

    private ApiClient station(String jurisdiction) {
        stationUsername = "station-" + UUID.randomUUID().toString().substring(0, 6);
        ApiClient.Response created = admin.post(
                "/api/v1/stations",
                Map.of(
                        "username", stationUsername,
                        "password", PASSWORD,
                        "displayName", STATION_NAME,
                        "jurisdictionCode", jurisdiction));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return ApiClient.anonymous(port).as(stationUsername, PASSWORD);
    }

    private ApiClient regulator(String jurisdiction) {
        String username = "bureau-" + UUID.randomUUID().toString().substring(0, 6);
        ApiClient.Response created = admin.post(
                "/api/v1/regulators",
                Map.of(
                        "username",
                        username,
                        "password",
                        PASSWORD,
                        "displayName",
                        "农业农村局",
                        "jurisdictionCode",
                        jurisdiction));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return ApiClient.anonymous(port).as(username, PASSWORD);
    }

    private static Map<String, Object> failedTest(String code) {
        Map<String, Object> test = new HashMap<>();
        test.put("code", code);
        test.put("item", "有机磷和氨基甲酸酯类农药");
        test.put("method", "酶抑制率法（GB/T 5009.199）");
        test.put("limit", "50");
        test.put("value", "62.5");
        test.put("unit", "%");
        test.put("result", "FAIL");
        test.put("sampler", "张丽");
        test.put("samplePlace", "六郎镇农贸市场 12 号摊位");
        return test;
    }

    private static JsonNode lastEntry(SupplyChainFixtures.Member farm, long batch) {
        ApiClient.Response history = farm.client().get("/api/v1/batches/" + batch + "/history");
        assertThat(history.status()).as(history.body()).isEqualTo(200);
        JsonNode entries =
                history.json().isArray() ? history.json() : history.json().path("events");
        return entries.get(entries.size() - 1);
    }

    private static void assertProblem(ApiClient.Response response, int status, String type) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        if (type != null) {
            assertThat(response.json().path("type").asText()).endsWith("/problems/" + type);
        }
    }

    /** A well-formed code (its check character fits) that was never issued. */
    private static String unknownCode() {
        for (char check : "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray()) {
            try {
                return org.suyuan.qr.TraceCode.parse("00000000RPD0FAKE" + check).value();
            } catch (org.suyuan.qr.InvalidTraceCodeException wrongCheckCharacter) {
                // try the next
            }
        }
        throw new IllegalStateException("no check character fits");
    }
}
