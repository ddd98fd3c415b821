package org.suyuan.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.suyuan.TestClock;
import org.suyuan.TestClockConfiguration;
import org.suyuan.web.Browser;
import org.suyuan.web.PageClient;

/**
 * The regulator console in a real browser (headless Chromium) on the demo data: the 湾沚区 inspector plans a
 * spot-check round, records the sampling and a failed result with a recall, and sees the flag and the recall.
 * Every page is saved as a screenshot under {@code target/screenshots/console/}.
 */
@Import(TestClockConfiguration.class)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "suyuan.demo.enabled=true",
            "spring.datasource.url=jdbc:h2:mem:console-browser;MODE=MySQL;DATABASE_TO_LOWER=TRUE;NON_KEYWORDS=VALUE;DB_CLOSE_DELAY=-1"
        })
@ActiveProfiles("test")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTests {

    private static final LocalDate TODAY = TestClock.TODAY;

    /** {@link TestClock#START} as an inspector in 芜湖 reads it. */
    private static final String LOCAL_START = "2026-11-26 10:00";

    @LocalServerPort
    int port;

    @BeforeAll
    static void chromiumIsInstalled() {
        Browser.requireChromium();
    }

    @Test
    void anInspectorPlansASpotCheckRecordsAFailureAndSeesTheFlagAndTheRecall() {
        try (Browser browser = Browser.open(port, "console/spot-check")) {
            browser.get("/");
            browser.follow(By.id("regulator-console"));
            browser.type(By.name("username"), "regulator-wanzhi");
            browser.type(By.name("password"), "suyuan-demo");
            browser.follow(By.cssSelector("form.form button[type=submit]"));
            assertThat(browser.path()).isEqualTo("/console");
            assertThat(browser.text(By.tagName("h1"))).contains("湾沚区");
            browser.screenshot("dashboard");
            // The demo's tampered batch, found by the integrity audit the demo runs at start (10:00 in 芜湖, 02:00
            // UTC): the inspector reads local time.
            assertThat(browser.find(By.cssSelector("#flags tr[data-kind=tampered]"))
                            .getText())
                    .contains("QYJ-2026-003")
                    .contains(LOCAL_START)
                    .doesNotContain("T02:00");

            browser.follow(By.linkText("完整性"));
            assertThat(browser.find(By.cssSelector("#findings tr[data-kind=CHANGED]"))
                            .getText())
                    .contains("QYJ-2026-003");
            assertThat(browser.text(By.id("report"))).contains(LOCAL_START).doesNotContain("T02:00");
            browser.screenshot("integrity");

            browser.follow(By.linkText("主体名录"));
            assertThat(browser.text(By.tagName("main"))).contains("青弋江蔬菜专业合作社").doesNotContain("丫山家庭农场");
            browser.screenshot("producers");
            browser.follow(By.partialLinkText("青弋江蔬菜专业合作社"));
            browser.screenshot("producer");

            browser.follow(By.linkText("抽检"));
            browser.screenshot("spot-checks");
            // Candidates by batch number, product and producer, not by internal id.
            assertThat(browser.text(By.id("candidates")))
                    .contains("QYJ-2026-001")
                    .contains("番茄 · 芜湖市湾沚区青弋江蔬菜专业合作社");
            browser.type(By.name("title"), "2026年冬季蔬菜抽检");
            browser.set(By.name("sampleSize"), "1");
            browser.type(By.name("seed"), "demo-block-hash-0001");
            browser.click(By.cssSelector("#plan-form input[name=confirmed]"));
            browser.follow(By.cssSelector("#plan-form button[type=submit]"));
            assertThat(browser.path()).matches("/console/spot-checks/\\d+");
            assertThat(browser.text(By.id("reproduction"))).contains("相同的样本");
            assertThat(browser.text(By.tagName("main"))).contains(LOCAL_START).doesNotContain("T02:00");
            String drawn = browser.text(By.cssSelector("section.panel h2"));
            assertThat(drawn).matches("第 1 个：批次 QYJ-2026-00\\d\\s+待抽样");
            assertThat(browser.text(By.cssSelector("section.panel .task-batch")))
                    .contains("芜湖市湾沚区青弋江蔬菜专业合作社")
                    .contains("追溯码");
            browser.screenshot("round-planned");

            browser.type(By.name("sampleNumber"), "CJ-2026-0001");
            browser.type(By.name("samplers"), "张三、李四");
            browser.set(By.name("sampledOn"), TODAY.toString());
            browser.type(By.name("place"), "湾沚镇农贸市场");
            browser.type(By.name("sealNumber"), "FT-0001");
            browser.click(By.cssSelector(".sampling-form input[name=confirmed]"));
            browser.follow(By.cssSelector(".sampling-form button[type=submit]"));
            assertThat(browser.find(By.cssSelector("[data-state]")).getAttribute("data-state"))
                    .isEqualTo("SAMPLED");
            browser.screenshot("sampled");

            List<WebElement> items = browser.findAll(By.name("item"));
            items.get(0).sendKeys("毒死蜱");
            browser.findAll(By.name("measured")).get(0).sendKeys("0.12");
            browser.findAll(By.name("limit")).get(0).sendKeys("0.02");
            new Select(browser.findAll(By.name("verdict")).get(0)).selectByValue("FAIL");
            browser.type(By.name("recallReason"), "毒死蜱残留超标");
            browser.click(By.cssSelector(".result-form input[name=confirmed]"));
            browser.follow(By.cssSelector(".result-form button[type=submit]"));
            assertThat(browser.find(By.cssSelector("[data-state]")).getAttribute("data-state"))
                    .isEqualTo("FAILED");
            // The result on the round's page: verdict, values, who and when.
            assertThat(browser.text(By.cssSelector(".result-record")))
                    .contains("不合格")
                    .contains("毒死蜱")
                    .contains("0.12 mg/kg")
                    .contains("0.02 mg/kg")
                    .contains("regulator-wanzhi")
                    .contains(LOCAL_START);
            assertThat(browser.text(By.cssSelector(".sampling-record")))
                    .contains("CJ-2026-0001")
                    .contains("张三、李四");
            browser.screenshot("failed");

            browser.follow(By.linkText("查看批次档案与追溯"));
            assertThat(browser.text(By.id("batch-status"))).isEqualTo("已召回");
            browser.screenshot("batch-recalled");

            browser.follow(By.linkText("监管工作台"));
            assertThat(browser.find(By.cssSelector("#flags tr[data-kind=failed-spot-check]"))
                            .isDisplayed())
                    .isTrue();
            browser.screenshot("dashboard-flagged");

            browser.follow(By.linkText("导出"));
            browser.screenshot("exports");
            String csv =
                    new String(browser.download("/console/exports/events.csv").body(), StandardCharsets.UTF_8);
            assertThat(csv).contains("记录编号").contains("QYJ-2026-001").doesNotContain("YS-2026-01");
        }
    }

    /**
     * Runs before the spot-check journey, which may draw and recall the demo's tomato batch: this one reads that
     * batch as it was loaded.
     */
    @Test
    @Order(1)
    void anInspectorReadsEachEntryItsLedgerStateAndTheRefusedAttempts() {
        PageClient farmer = PageClient.signIn(port, "farmer", "suyuan-demo");
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("/portal/batches/(\\d+)\">QYJ-2026-001")
                .matcher(farmer.get("/portal").body());
        assertThat(link.find()).isTrue();
        String batch = link.group(1);
        farmer.get("/portal/batches/" + batch + "/events/new?type=PESTICIDE_USE");
        PageClient.Response refused = farmer.postForm(
                "/portal/batches/" + batch + "/events",
                java.util.Map.of(
                        "idempotencyKey", java.util.UUID.randomUUID().toString(),
                        "type", "PESTICIDE_USE",
                        "occurredOn", TODAY.toString(),
                        "details[productName]", "50%甲胺磷乳油",
                        "details[registrationNumber]", "PD20080001",
                        "details[activeIngredient]", "甲胺磷",
                        "details[dose]", "50",
                        "details[doseUnit]", "毫升/亩",
                        "details[method]", "喷雾",
                        "details[safetyIntervalDays]", "7"));
        assertThat(refused.status()).isEqualTo(422);

        try (Browser browser = Browser.open(port, "console/batch")) {
            signIn(browser, "regulator-wanzhi");
            // The demo's events are anchored within seconds of loading.
            browser.waitUntil(driver -> {
                browser.get("/console/batches/" + batch);
                return !browser.findAll(By.cssSelector("#archive li[data-type=PESTICIDE_USE][data-ledger=ANCHORED]"))
                        .isEmpty();
            });
            assertThat(browser.text(By.cssSelector("#archive li[data-type=PESTICIDE_USE]")))
                    .contains("10%苯醚甲环唑水分散粒剂")
                    .contains("PD20070155")
                    .contains("苯醚甲环唑")
                    .contains("60 克/亩")
                    .contains("喷雾")
                    .contains("7 天")
                    .contains("已上链")
                    .contains("区块")
                    .contains("交易号")
                    .contains("farmer 录入于 " + LOCAL_START);
            assertThat(browser.text(By.cssSelector("#archive li[data-type=HARVEST]")))
                    .contains("3200 千克");
            assertThat(browser.text(By.cssSelector("#archive li[data-type=INSPECTION]")))
                    .contains("湾沚区农产品质量安全检测站")
                    .contains("合格");
            assertThat(browser.text(By.cssSelector("#archive li[data-type=SHIPMENT]")))
                    .contains("芜湖市鸠江区农产品批发市场")
                    .contains("1200 千克");
            assertThat(browser.text(By.cssSelector("#refusals tr[data-rule=banned-pesticide]")))
                    .contains("farmer")
                    .contains("使用禁用农药")
                    .contains("甲胺磷")
                    .contains(LOCAL_START);
            browser.screenshot("batch-entries");
        }

        // Without JavaScript or with a crafted post, an unconfirmed recall or draw is refused, keeping what was typed.
        PageClient inspector = PageClient.signIn(port, "regulator-wanzhi", "suyuan-demo");
        inspector.get("/console/batches/" + batch);
        PageClient.Response unconfirmed = inspector.postForm(
                "/console/batches/" + batch + "/recall",
                java.util.Map.of("idempotencyKey", java.util.UUID.randomUUID().toString(), "reason", "未确认的召回"));
        assertThat(unconfirmed.status()).isEqualTo(422);
        assertThat(unconfirmed.body()).contains("请勾选确认框").contains("value=\"未确认的召回\"");
        assertThat(inspector.get("/console/batches/" + batch).body()).contains("id=\"recall-form\"");
        inspector.get("/console/spot-checks");
        PageClient.Response undrawn = inspector.postForm(
                "/console/spot-checks",
                java.util.Map.of(
                        "idempotencyKey", java.util.UUID.randomUUID().toString(),
                        "title", "未确认的抽检",
                        "sampleSize", "1",
                        "seed", "seed"));
        assertThat(undrawn.status()).isEqualTo(422);
        assertThat(undrawn.body()).contains("请勾选确认框").contains("value=\"未确认的抽检\"");
        assertThat(inspector.get("/console/spot-checks").body()).doesNotContain("未确认的抽检");
    }

    private static void signIn(Browser browser, String username) {
        browser.get("/login");
        browser.type(By.name("username"), username);
        browser.type(By.name("password"), "suyuan-demo");
        browser.follow(By.cssSelector("form.form button[type=submit]"));
    }

    @Test
    void aDistrictInspectorGetsNotFoundPagesForAnotherDistrict() {
        PageClient city = PageClient.signIn(port, "regulator", "suyuan-demo");
        PageClient wanzhi = PageClient.signIn(port, "regulator-wanzhi", "suyuan-demo");
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("/console/producers/(\\d+)\">南陵县丫山家庭农场")
                .matcher(city.get("/console/producers").body());
        assertThat(link.find()).as("the city sees the Nanling farm").isTrue();
        String nanlingProducer = "/console/producers/" + link.group(1);
        assertThat(city.get(nanlingProducer).status()).isEqualTo(200);

        PageClient.Response hidden = wanzhi.get(nanlingProducer);
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(hidden.body()).doesNotContain("南陵县丫山家庭农场");
        PageClient.Response producers = wanzhi.get("/console/producers");
        assertThat(producers.body()).doesNotContain("南陵县丫山家庭农场");
        assertThat(wanzhi.get("/console/exports/events.csv?region=340223").status())
                .isEqualTo(404);
        PageClient farmer = PageClient.signIn(port, "farmer", "suyuan-demo");
        assertThat(farmer.get("/console").status()).isEqualTo(403);
    }
}
