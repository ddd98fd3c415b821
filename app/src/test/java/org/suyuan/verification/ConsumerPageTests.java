package org.suyuan.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.suyuan.ApiClient;
import org.suyuan.TestAccounts;
import org.suyuan.TestClockConfiguration;
import org.suyuan.account.AccountService;
import org.suyuan.db.account.UserAccountRepository;
import org.suyuan.qr.TraceCodeGenerator;
import org.suyuan.verification.VerificationFixtures.TracedBatch;
import tools.jackson.databind.JsonNode;

/**
 * What a scan shows beyond "verified", on the API and on the page: a recalled batch, a code Suyuan never issued, a
 * disabled label, and producers' text shown as text.
 */
@Import(TestClockConfiguration.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ConsumerPageTests {

    private static final String REGULATOR = "verification-regulator";
    private static final String REGULATOR_PASSWORD = "verification-regulator-password";

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    @Autowired
    UserAccountRepository users;

    @Autowired
    JdbcTemplate jdbc;

    ApiClient admin;
    ApiClient farmer;

    @BeforeEach
    void producer() {
        admin = TestAccounts.administrator(port, accounts, users);
        farmer = VerificationFixtures.newProducer(admin, port);
    }

    @Test
    void aRecalledBatchSaysRecalledWithTheReason() {
        TracedBatch batch = VerificationFixtures.harvestedBatch(farmer);

        ApiClient.Response recall = regulator()
                .post(
                        "/api/v1/supervision/batches/" + batch.id() + "/recall",
                        Map.of("reason", "检出禁用农药毒死蜱", "instructions", "请停止食用并退回购买处"));

        assertThat(recall.status()).as(recall.body()).isEqualTo(200);
        JsonNode trace = trace(batch.code());
        assertThat(trace.path("status").asText()).isEqualTo("RECALLED");
        assertThat(trace.path("verification").path("recall").path("reason").asText())
                .isEqualTo("检出禁用农药毒死蜱");
        assertThat(absent(trace.path("certificateUrl"))).isTrue();
        ApiClient.Response page = page(batch.code());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("data-status=\"RECALLED\"", "检出禁用农药毒死蜱", "请停止食用并退回购买处");
        assertThat(ApiClient.anonymous(port)
                        .getBytes("/t/" + batch.code() + "/certificate.pdf")
                        .status())
                .as("no certificate for a recalled batch, even by its address")
                .isEqualTo(422);
    }

    @Test
    void thePageShowsOnlyTheBatchsOwnPhotos() {
        TracedBatch batch = VerificationFixtures.harvestedBatch(farmer);
        TracedBatch other = VerificationFixtures.openedBatch(farmer);
        ApiClient.Response uploaded = farmer.postMultipart(
                "/api/v1/batches/" + batch.id() + "/attachments", "棚内.png", VerificationFixtures.PHOTO);
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
        long photo = uploaded.json().path("id").asLong();
        long report = farmer.get("/api/v1/batches/" + batch.id() + "/attachments")
                .json()
                .get(0)
                .path("id")
                .asLong();

        ApiClient.BinaryResponse shown = ApiClient.anonymous(port).getBytes("/t/" + batch.code() + "/photos/" + photo);

        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.header("Content-Type")).isEqualTo("image/png");
        assertThat(shown.body()).isEqualTo(VerificationFixtures.PHOTO);
        assertThat(page(batch.code()).body()).contains("/t/" + batch.code() + "/photos/" + photo);
        assertThat(ApiClient.anonymous(port)
                        .getBytes("/t/" + other.code() + "/photos/" + photo)
                        .status())
                .as("another batch's photo")
                .isEqualTo(404);
        assertThat(ApiClient.anonymous(port)
                        .getBytes("/t/" + batch.code() + "/photos/" + report)
                        .status())
                .as("the test report is not a photo")
                .isEqualTo(404);
    }

    @Test
    void anUnknownWellFormedCodeIsNotFoundAndWarnsOfACounterfeit() {
        String unknown = new TraceCodeGenerator().next().value();

        ApiClient.Response page = page(unknown);
        ApiClient.Response api = ApiClient.anonymous(port).get("/api/v1/trace/" + unknown);

        assertThat(page.status()).isEqualTo(404);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.body()).contains("data-status=\"UNKNOWN\"", unknown);
        assertThat(api.status()).isEqualTo(404);
        assertThat(api.header("Content-Type")).startsWith("application/problem+json");
        assertThat(api.json().path("type").asText()).isEqualTo("/problems/unknown-code");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM scan WHERE code = ?", Long.class, unknown))
                .as("nothing to log against")
                .isZero();
    }

    @Test
    void aMistypedCodeGetsABoxToTypeItAgainThatLeadsToTheCodesPage() {
        TracedBatch batch = VerificationFixtures.harvestedBatch(farmer);
        String code = batch.code();
        String mistyped = code.substring(0, 16) + (code.charAt(16) == '0' ? '1' : '0');

        ApiClient.Response page = page(mistyped);

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.body())
                .contains("追溯码格式不正确")
                .contains("action=\"/t\"")
                .contains("method=\"get\"")
                .contains("name=\"code\"")
                .contains("value=\"" + mistyped + "\"")
                .doesNotContain("<script");

        String grouped = code.substring(0, 4) + " " + code.substring(4, 8) + " " + code.substring(8, 12) + " "
                + code.substring(12);
        ApiClient.Response typed = ApiClient.anonymous(port)
                .accepting(MediaType.TEXT_HTML_VALUE)
                .get("/t?code=" + java.net.URLEncoder.encode(grouped, java.nio.charset.StandardCharsets.UTF_8));
        assertThat(typed.status()).isEqualTo(303);
        assertThat(typed.header("Location")).endsWith("/t/" + code);
        assertThat(page(code).status()).isEqualTo(200);

        ApiClient.Response empty =
                ApiClient.anonymous(port).accepting(MediaType.TEXT_HTML_VALUE).get("/t");
        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.body()).contains("name=\"code\"").contains("查询追溯码");
        assertThat(page(new TraceCodeGenerator().next().value()).body())
                .as("an unknown code's page offers the box too")
                .contains("name=\"code\"");
    }

    @Test
    void aDisabledLabelSaysDisabledWithTheReason() {
        TracedBatch batch = VerificationFixtures.harvestedBatch(farmer);
        String serial = issueSerials(batch, 2).get(1);

        ApiClient.Response disabled = farmer.post("/api/v1/codes/" + serial + "/disable", Map.of("reason", "标签整卷遗失"));

        assertThat(disabled.status()).as(disabled.body()).isEqualTo(200);
        JsonNode trace = trace(serial);
        assertThat(trace.path("status").asText()).isEqualTo("DISABLED");
        assertThat(trace.path("itemNumber").asInt()).isEqualTo(2);
        assertThat(trace.path("verification").path("disabled").path("reason").asText())
                .isEqualTo("标签整卷遗失");
        assertThat(page(serial).body()).contains("data-status=\"DISABLED\"", "标签整卷遗失");
        assertThat(ApiClient.anonymous(port)
                        .getBytes("/t/" + serial + "/certificate.pdf")
                        .status())
                .as("no certificate for goods bearing a disabled label")
                .isEqualTo(422);
        assertThat(trace(batch.code()).path("status").asText())
                .as("the batch's other codes")
                .isNotEqualTo("DISABLED");
    }

    @Test
    void aProducersTextIsShownAsTextNotMarkup() {
        TracedBatch batch = VerificationFixtures.openedBatch(farmer);
        VerificationFixtures.record(
                farmer,
                batch,
                "PLANTING",
                VerificationFixtures.TODAY.minusDays(40),
                Map.of("method", "<script>alert(1)</script>", "notes", "<script>alert(2)</script>"));

        String page = page(batch.code()).body();

        assertThat(page).doesNotContain("<script").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(trace(batch.code()).path("timeline").findValuesAsString("value"))
                .contains("<script>alert(1)</script>");
    }

    private static boolean absent(JsonNode node) {
        return node.isNull() || node.isMissingNode();
    }

    private ApiClient regulator() {
        synchronized (ConsumerPageTests.class) {
            if (!users.existsByUsername(REGULATOR)) {
                accounts.createRegulator(REGULATOR, REGULATOR_PASSWORD, "湾沚区农业农村局", VerificationFixtures.REGION);
            }
        }
        return ApiClient.anonymous(port).as(REGULATOR, REGULATOR_PASSWORD);
    }

    private List<String> issueSerials(TracedBatch batch, int count) {
        ApiClient.Response issued = farmer.post("/api/v1/batches/" + batch.id() + "/codes", Map.of("count", count));
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        return issued.json().path("codes").findValuesAsString("code");
    }

    private JsonNode trace(String code) {
        ApiClient.Response response = ApiClient.anonymous(port).get("/api/v1/trace/" + code);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private ApiClient.Response page(String code) {
        return ApiClient.anonymous(port).accepting(MediaType.TEXT_HTML_VALUE).get("/t/" + code);
    }
}
