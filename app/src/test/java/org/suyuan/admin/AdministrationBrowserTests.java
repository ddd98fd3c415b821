package org.suyuan.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.suyuan.ApiClient;
import org.suyuan.TestClock;
import org.suyuan.TestClockConfiguration;
import org.suyuan.archive.ArchiveJourneyTestsAccess;
import org.suyuan.web.Browser;
import tools.jackson.databind.JsonNode;

/**
 * The installation without SQL: the administrator creates a regulator account and registers an organization with its
 * first user through the pages (headless Chromium); the producer records a batch; the new regulator signs in,
 * exports and recalls. Each step is in the audit log: the administrator reads all of it, the regulator the recall
 * and export of their jurisdiction, a regulator of another county neither.
 */
@Import(TestClockConfiguration.class)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "suyuan.demo.enabled=true",
            "spring.datasource.url=jdbc:h2:mem:admin-journey;MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
                    + "NON_KEYWORDS=VALUE;DB_CLOSE_DELAY=-1"
        })
@ActiveProfiles("test")
class AdministrationBrowserTests {

    private static final LocalDate TODAY = TestClock.TODAY;
    private static final String ADMIN_PASSWORD = "suyuan-demo";

    @LocalServerPort
    int port;

    @BeforeAll
    static void chromiumIsInstalled() {
        Browser.requireChromium();
    }

    @Test
    void theAdministratorSetsUpARegulatorAndAProducerAndTheRegulatorsExportAndRecallAreAudited() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String inspector = "inspector-" + suffix;
        String inspectorPassword = "湾沚区抽检-" + suffix;
        String grower = "grower-" + suffix;
        String growerPassword = "green-tea-" + suffix;
        String cooperative = "湾沚区红杨镇茶叶专业合作社" + suffix;

        try (Browser browser = Browser.open(port, "admin/set-up")) {
            signIn(browser, "admin", ADMIN_PASSWORD);
            browser.follow(By.linkText("用户"));
            browser.screenshot("users");
            browser.type(By.name("username"), inspector);
            browser.type(By.name("displayName"), "湾沚区农业农村局 张明");
            browser.select(By.name("jurisdictionCode"), "340210");
            browser.type(By.name("password"), "1234567890");
            browser.type(By.name("confirmPassword"), "1234567890");
            browser.follow(By.cssSelector("#regulator-form button[type=submit]"));
            assertThat(browser.text(By.cssSelector("#regulator-form"))).contains("数字");
            browser.screenshot("weak-password-refused");

            browser.type(By.name("password"), inspectorPassword);
            browser.type(By.name("confirmPassword"), inspectorPassword);
            browser.follow(By.cssSelector("#regulator-form button[type=submit]"));
            assertThat(browser.text(By.id("saved"))).contains(inspector).contains("湾沚区");
            assertThat(browser.find(By.cssSelector("#users tr[data-username='" + inspector + "']"))
                            .getText())
                    .contains("监管人员");
            browser.screenshot("regulator-created");

            browser.follow(By.linkText("主体登记"));
            browser.type(By.name("name"), cooperative);
            browser.select(By.name("type"), "COOPERATIVE");
            browser.type(By.name("creditCode"), ArchiveJourneyTestsAccess.randomCreditCode());
            browser.select(By.name("regionCode"), "340210");
            browser.type(By.name("address"), "湾沚区红杨镇茶园路6号");
            browser.type(By.name("contactName"), "陈芳");
            browser.type(By.name("contactPhone"), "13955318888");
            browser.type(By.name("username"), grower);
            browser.type(By.name("password"), growerPassword);
            browser.follow(By.cssSelector("#organization-form button[type=submit]"));
            assertThat(browser.text(By.id("saved"))).contains(cooperative).contains(grower);
            assertThat(browser.text(By.id("organizations"))).contains(cooperative);
            browser.screenshot("organization-registered");
        }

        ApiClient producer = ApiClient.anonymous(port).as(grower, growerPassword);
        long batch = harvestedBatch(producer, "HY-" + suffix.toUpperCase());

        try (Browser browser = Browser.open(port, "admin/regulator")) {
            signIn(browser, inspector, inspectorPassword);
            browser.get("/console");
            assertThat(browser.text(By.tagName("h1"))).contains("湾沚区");
            browser.follow(By.linkText("导出"));
            HttpResponse<byte[]> export = browser.download("/console/exports/events.csv");
            assertThat(export.statusCode()).isEqualTo(200);
            assertThat(new String(export.body(), StandardCharsets.UTF_8)).contains("HY-" + suffix.toUpperCase());

            browser.get("/console/batches/" + batch);
            browser.type(By.name("reason"), "茶叶农残抽检不合格");
            browser.click(By.cssSelector("#recall-form input[name=confirmed]"));
            browser.follow(By.cssSelector("#recall-form button[type=submit]"));
            assertThat(browser.text(By.id("batch-status"))).isEqualTo("已召回");

            browser.follow(By.linkText("审计日志"));
            assertThat(browser.text(By.cssSelector("#audit-log tr[data-action=RECALL]")))
                    .contains(inspector)
                    .contains("HY-" + suffix.toUpperCase())
                    .contains("茶叶农残抽检不合格");
            assertThat(browser.text(By.cssSelector("#audit-log tr[data-action=EXPORT]")))
                    .contains(inspector);
            assertThat(browser.findAll(By.cssSelector("#audit-log tr[data-action=USER_CREATED]")))
                    .as("a regulator reads only the recalls and exports of the jurisdiction")
                    .isEmpty();
            browser.screenshot("audit-log-regulator");
        }

        List<JsonNode> all = entries(ApiClient.anonymous(port).as("admin", ADMIN_PASSWORD));
        assertThat(entry(all, "USER_CREATED", inspector).path("actor").asText()).isEqualTo("admin");
        assertThat(entry(all, "ORGANIZATION_REGISTERED", cooperative)
                        .path("actor")
                        .asText())
                .isEqualTo("admin");
        assertThat(entry(all, "USER_CREATED", grower).path("actor").asText()).isEqualTo("admin");
        assertThat(entry(all, "SIGN_IN", inspector).path("actor").asText()).isEqualTo(inspector);
        JsonNode recall = entry(all, "RECALL", "HY-" + suffix.toUpperCase());
        assertThat(recall.path("actor").asText()).isEqualTo(inspector);
        assertThat(recall.path("actorRole").asText()).isEqualTo("REGULATOR");
        assertThat(recall.path("regionCode").asText()).isEqualTo("340210");
        assertThat(recall.path("network").asText())
                .as("a pseudonym of the network, never the address")
                .matches("[0-9a-f]{32}");
        assertThat(entry(all, "EXPORT", "导出").path("actor").asText()).isEqualTo(inspector);

        ApiClient nanling = regulatorOf("340223");
        assertThat(entries(nanling))
                .as("a regulator of another county sees neither")
                .noneMatch(e -> e.path("actor").asText().equals(inspector));
        assertThat(nanling.get("/api/v1/audit-log").status()).isEqualTo(200);
        assertThat(producer.get("/api/v1/audit-log").status()).isEqualTo(403);
    }

    private void signIn(Browser browser, String username, String password) {
        browser.get("/login");
        browser.type(By.name("username"), username);
        browser.type(By.name("password"), password);
        browser.follow(By.cssSelector("form.form button[type=submit]"));
    }

    private long harvestedBatch(ApiClient producer, String number) {
        long plot = created(producer.post("/api/v1/plots", Map.of("name", "茶园1号", "regionCode", "340210")));
        long product =
                created(producer.post("/api/v1/products", Map.of("name", "绿茶", "category", "TEA", "variety", "黄山毛峰")));
        long batch = created(producer.post(
                "/api/v1/batches",
                Map.of(
                        "batchNumber",
                        number,
                        "productId",
                        product,
                        "plotId",
                        plot,
                        "startedOn",
                        TODAY.minusDays(40).toString())));
        created(producer.post(
                "/api/v1/batches/" + batch + "/events",
                Map.of(
                        "type",
                        "HARVEST",
                        "occurredOn",
                        TODAY.minusDays(2).toString(),
                        "details",
                        Map.of("quantity", Map.of("amount", "120", "unit", "KG")))));
        return batch;
    }

    private ApiClient regulatorOf(String jurisdiction) {
        String username = "county-" + UUID.randomUUID().toString().substring(0, 6);
        ApiClient.Response created = ApiClient.anonymous(port)
                .as("admin", ADMIN_PASSWORD)
                .post(
                        "/api/v1/regulators",
                        Map.of(
                                "username",
                                username,
                                "password",
                                "county-password-2026",
                                "displayName",
                                "南陵县农业农村局",
                                "jurisdictionCode",
                                jurisdiction));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return ApiClient.anonymous(port).as(username, "county-password-2026");
    }

    private static List<JsonNode> entries(ApiClient reader) {
        ApiClient.Response page = reader.get("/api/v1/audit-log?size=200");
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        List<JsonNode> entries = new ArrayList<>();
        page.json().path("content").forEach(entries::add);
        return entries;
    }

    private static JsonNode entry(List<JsonNode> entries, String action, String subjectPart) {
        return entries.stream()
                .filter(e -> e.path("action").asText().equals(action))
                .filter(e -> e.path("subject").asText().contains(subjectPart))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + action + " of " + subjectPart + " in " + entries));
    }

    private static long created(ApiClient.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().path("id").asLong();
    }
}
