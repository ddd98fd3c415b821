package org.suyuan.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.suyuan.ApiClient;
import org.suyuan.TestClockConfiguration;
import org.suyuan.archive.SupplyChainFixtures;
import org.suyuan.web.Browser;
import org.suyuan.web.PageClient;
import tools.jackson.databind.JsonNode;

/**
 * The pages an inspector and a consumer open when something is wrong, in a real browser (headless Chromium) on the
 * demo data: a batch in the middle of a supply chain (farm → collector → market), the demo's recalled batch and
 * its tampered one, each on the regulator console and on the consumer page. Every page must answer 200 without a
 * template error; the tampered entry is marked where it stands. Screenshots under
 * {@code target/screenshots/troubled/}.
 */
@Import(TestClockConfiguration.class)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "suyuan.demo.enabled=true",
            "spring.datasource.url=jdbc:h2:mem:troubled-pages;MODE=MySQL;DATABASE_TO_LOWER=TRUE;NON_KEYWORDS=VALUE;"
                    + "DB_CLOSE_DELAY=-1"
        })
@ActiveProfiles("test")
class TroubledBatchPagesBrowserTests {

    private static final String DEMO_PASSWORD = "suyuan-demo";
    private static final String TAMPERED = "QYJ-2026-003";
    private static final String RECALLED = "QYJ-2026-004";

    /** The demo's tampered batch: 建档, 定植, then the pesticide use whose dose was edited in the database. */
    private static final int TAMPERED_ENTRY = 3;

    @LocalServerPort
    int port;

    @BeforeAll
    static void chromiumIsInstalled() {
        Browser.requireChromium();
    }

    @Test
    void theConsoleAndConsumerPagesOfALinkedARecalledAndATamperedBatchRenderAndSayWhatIsWrong() {
        ApiClient admin = ApiClient.anonymous(port).as("admin", DEMO_PASSWORD);
        SupplyChainFixtures.Chain chain = SupplyChainFixtures.farmToCollectorToMarket(admin, port);
        ApiClient farmer = ApiClient.anonymous(port).as("farmer", DEMO_PASSWORD);
        long tampered = demoBatch(farmer, TAMPERED);
        long recalled = demoBatch(farmer, RECALLED);
        Map<String, String> consolePages = new LinkedHashMap<>();
        consolePages.put("linked", "/console/batches/" + chain.collectorBatch());
        consolePages.put("recalled", "/console/batches/" + recalled);
        consolePages.put("tampered", "/console/batches/" + tampered);
        Map<String, String> consumerPages = new LinkedHashMap<>();
        consumerPages.put("linked", "/t/" + SupplyChainFixtures.traceCode(chain.market(), chain.marketBatch()));
        consumerPages.put("recalled", "/t/" + traceCode(farmer, recalled));
        consumerPages.put("tampered", "/t/" + traceCode(farmer, tampered));

        PageClient regulator = PageClient.signIn(port, "regulator", DEMO_PASSWORD);
        for (String path : consolePages.values()) {
            PageClient.Response page = regulator.get(path);
            assertRendered(path, page.status(), page.header("Content-Type"), page.body());
        }
        ApiClient consumer = ApiClient.anonymous(port).accepting("text/html");
        for (String path : consumerPages.values()) {
            ApiClient.Response page = consumer.get(path);
            assertRendered(path, page.status(), page.header("Content-Type"), page.body());
        }

        try (Browser browser = Browser.open(port, "troubled")) {
            browser.get("/login");
            browser.type(By.name("username"), "regulator");
            browser.type(By.name("password"), DEMO_PASSWORD);
            browser.follow(By.cssSelector("form.form button[type=submit]"));

            browser.get(consolePages.get("linked"));
            assertNoProblemPage(browser);
            assertThat(browser.text(By.cssSelector("ul.trace.backward"))).contains(chain.farmBatchNumber());
            assertThat(browser.text(By.cssSelector("ul.trace.forward"))).contains(chain.marketBatchNumber());
            assertThat(browser.find(By.id("recall-form")).isDisplayed()).isTrue();
            browser.screenshot("console-linked");

            browser.get(consolePages.get("recalled"));
            assertNoProblemPage(browser);
            assertThat(browser.text(By.id("batch-status"))).isEqualTo("已召回");
            browser.screenshot("console-recalled");

            browser.get(consolePages.get("tampered"));
            assertNoProblemPage(browser);
            WebElement marked = browser.find(By.id("entry-" + TAMPERED_ENTRY));
            assertThat(marked.getAttribute("class")).contains("flagged");
            assertThat(marked.getAttribute("data-finding")).isEqualTo("CHANGED");
            assertThat(marked.getText()).contains("施药", "已被改动");
            assertThat(browser.findAll(By.cssSelector("ol.timeline li.flagged")))
                    .hasSize(1);
            browser.screenshot("console-tampered");

            browser.get(consumerPages.get("linked"));
            assertThat(browser.find(By.id("status")).getAttribute("data-status"))
                    .isIn("VERIFIED", "PENDING");
            assertThat(browser.text(By.tagName("h1"))).isEqualTo("番茄");
            assertThat(browser.text(By.id("origin"))).contains(chain.farm().name(), chain.plotName());
            assertThat(browser.text(By.id("seller"))).contains(chain.market().name());
            browser.screenshot("consumer-linked");

            browser.get(consumerPages.get("recalled"));
            assertThat(browser.find(By.id("status")).getAttribute("data-status"))
                    .isEqualTo("RECALLED");
            browser.screenshot("consumer-recalled");

            browser.get(consumerPages.get("tampered"));
            assertThat(browser.find(By.id("status")).getAttribute("data-status"))
                    .isEqualTo("TAMPERED");
            WebElement entry = browser.find(By.id("entry-" + TAMPERED_ENTRY));
            assertThat(entry.getAttribute("class")).contains("flagged");
            assertThat(entry.getAttribute("data-finding")).isEqualTo("CHANGED");
            assertThat(entry.getText()).contains("第 " + TAMPERED_ENTRY + " 条", "已被改动", "施药");
            assertThat(browser.findAll(By.cssSelector("ol.timeline li.flagged")))
                    .hasSize(1);
            assertThat(browser.find(By.cssSelector(".findings li[data-kind=CHANGED] a"))
                            .getAttribute("href"))
                    .endsWith("#entry-" + TAMPERED_ENTRY);
            browser.screenshot("consumer-tampered");
        }
    }

    private static void assertRendered(String path, int status, String contentType, String body) {
        assertThat(status).as("%s answered %d", path, status).isEqualTo(200);
        assertThat(contentType).as(path).startsWith("text/html");
        assertThat(body)
                .as(path)
                .contains("</main>")
                .doesNotContain("TemplateProcessingException", "Exception", "class=\"problem\"");
    }

    private static void assertNoProblemPage(Browser browser) {
        assertThat(browser.findAll(By.cssSelector("main.problem"))).isEmpty();
    }

    private static long demoBatch(ApiClient farmer, String number) {
        for (JsonNode batch : farmer.get("/api/v1/batches?size=50").json().path("content")) {
            if (batch.path("batchNumber").asText().equals(number)) {
                return batch.path("id").asLong();
            }
        }
        throw new AssertionError("demo batch " + number + " not found");
    }

    private static String traceCode(ApiClient farmer, long batch) {
        return farmer.get("/api/v1/batches/" + batch + "/codes")
                .json()
                .path("content")
                .get(0)
                .path("code")
                .asText();
    }
}
