package org.suyuan.code;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
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
import org.suyuan.TestClockConfiguration;
import org.suyuan.account.AccountService;
import org.suyuan.archive.SupplyChainFixtures;
import org.suyuan.archive.SupplyChainFixtures.Member;
import org.suyuan.db.account.UserAccountRepository;
import org.suyuan.web.PageClient;

/**
 * Once the bureau recalls a batch, nothing new may vouch for its goods: no serials, no label sheets, no certificate,
 * on the API (problem+json) and on the producer's pages (a Chinese message saying why), and the producer's
 * dashboard shows the batch as recalled instead of telling when it may be harvested.
 */
@Import(TestClockConfiguration.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RecalledBatchLabelsTests {

    private static final String REGULATOR = "recall-labels-regulator";
    private static final String REGULATOR_PASSWORD = "recall-labels-Wuhu-2026";

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    @Autowired
    UserAccountRepository users;

    @Autowired
    JdbcTemplate jdbc;

    Member farm;
    long batch;

    @BeforeEach
    void recalledBatchWithSerials() {
        synchronized (RecalledBatchLabelsTests.class) {
            if (!users.existsByUsername(REGULATOR)) {
                accounts.createRegulator(REGULATOR, REGULATOR_PASSWORD, "湾沚区农业农村局 监管员", "340210");
            }
        }
        farm = SupplyChainFixtures.member(
                TestAccounts.administrator(port, accounts, users), port, "湾沚区青弋江家庭农场", "FAMILY_FARM", "340210");
        batch = SupplyChainFixtures.harvestedBatch(farm, "番茄", "粉冠一号", "青弋江1号大棚", "500");
        // Sprayed after the first picking: a second picking waits for the safety interval.
        SupplyChainFixtures.record(
                farm,
                batch,
                "PESTICIDE_USE",
                SupplyChainFixtures.TODAY.minusDays(1),
                Map.of(
                        "productName", "10%苯醚甲环唑水分散粒剂",
                        "registrationNumber", "PD20070155",
                        "activeIngredient", "苯醚甲环唑",
                        "dose", "60",
                        "doseUnit", "克/亩",
                        "method", "喷雾",
                        "safetyIntervalDays", 7));
        ApiClient.Response serials = farm.client().post("/api/v1/batches/" + batch + "/codes", Map.of("count", 5));
        assertThat(serials.status()).as(serials.body()).isEqualTo(201);
        ApiClient.Response recall = ApiClient.anonymous(port)
                .as(REGULATOR, REGULATOR_PASSWORD)
                .post(
                        "/api/v1/supervision/batches/" + batch + "/recall",
                        Map.of("reason", "抽检腐霉利残留超标", "instructions", "停止销售，下架退回"));
        assertThat(recall.status()).as(recall.body()).isEqualTo(200);
    }

    @Test
    void theApiRefusesSerialsLabelsAndCertificatesOfARecalledBatch() {
        ApiClient.Response serials = farm.client().post("/api/v1/batches/" + batch + "/codes", Map.of("count", 1));
        assertRecalledConflict(
                serials.status(),
                serials.header("Content-Type"),
                serials.json().path("type").asText());
        assertThat(serials.json().path("detail").asText()).contains("召回");

        for (String labels : new String[] {"/labels.pdf", "/labels.pdf?serials=true"}) {
            ApiClient.BinaryResponse sheet = farm.client().getBytes("/api/v1/batches/" + batch + labels);
            assertRecalledConflict(sheet.status(), sheet.header("Content-Type"), typeOf(sheet.text()));
        }

        ApiClient.BinaryResponse certificate = farm.client().getBytes("/api/v1/batches/" + batch + "/certificate.pdf");
        assertThat(certificate.status()).isEqualTo(422);
        assertThat(certificate.header("Content-Type")).startsWith("application/problem+json");
        assertThat(certificate.text()).contains("/problems/certificate-refused", "batch-recalled");

        assertThat(jdbc.queryForObject(
                        "SELECT MAX(item_number) FROM issued_code WHERE batch_id = ?", Integer.class, batch))
                .as("no serial was issued after the recall")
                .isEqualTo(5);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM refused_attempt WHERE batch_id = ? AND rule = ?",
                        Long.class,
                        batch,
                        "batch-recalled-no-labels"))
                .as("inspectors see the attempt to label recalled goods")
                .isEqualTo(1);
    }

    @Test
    void theProducersPagesSayTheBatchIsRecalledAndOfferNoLabels() {
        PageClient portal = PageClient.signIn(port, farm.username(), farm.password());

        PageClient.Response page = portal.get("/portal/batches/" + batch);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("id=\"codes-recalled\"")
                .doesNotContain("id=\"serials-form\"", "labels.pdf", "certificate.pdf", "id=\"safety-interval\"");

        PageClient.Response issued = portal.postForm(
                "/portal/batches/" + batch + "/serials",
                Map.of(
                        "count",
                        "1",
                        "idempotencyKey",
                        PageClient.formToken(page.body()).orElseThrow()));
        assertThat(issued.status()).isEqualTo(409);
        assertThat(issued.body()).contains("id=\"codes-error\"", "召回");

        PageClient.Response sheet = portal.get("/portal/batches/" + batch + "/labels.pdf?layout=a4-3x8");
        assertThat(sheet.status()).isEqualTo(409);
        assertThat(sheet.header("Content-Type")).startsWith("text/html");
        assertThat(sheet.body()).contains("召回");

        PageClient.Response dashboard = portal.get("/portal");
        assertThat(dashboard.status()).isEqualTo(200);
        String list = dashboard.body().substring(dashboard.body().indexOf("<table class=\"list\""));
        String row = list.substring(list.indexOf("/portal/batches/" + batch + "\""));
        row = row.substring(0, row.indexOf("</tr>"));
        assertThat(row).contains("已召回").doesNotContain("可采收");
    }

    private static void assertRecalledConflict(int status, String contentType, String type) {
        assertThat(status).isEqualTo(409);
        assertThat(contentType).startsWith("application/problem+json");
        assertThat(type).isEqualTo("/problems/batch-recalled-no-labels");
    }

    private static String typeOf(String problem) {
        java.util.regex.Matcher type =
                java.util.regex.Pattern.compile("\"type\"\\s*:\\s*\"([^\"]+)\"").matcher(problem);
        return type.find() ? type.group(1) : "";
    }
}
