package org.suyuan.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
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
class ConsoleBrowserTests {

    private static final LocalDate TODAY = TestClock.TODAY;

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
            // The demo's tampered batch, found by the integrity audit the demo runs at start.
            assertThat(browser.find(By.cssSelector("#flags tr[data-kind=tampered]"))
                            .getText())
                    .contains("QYJ-2026-003");

            browser.follow(By.linkText("完整性"));
            assertThat(browser.find(By.cssSelector("#findings tr[data-kind=CHANGED]"))
                            .getText())
                    .contains("QYJ-2026-003");
            browser.screenshot("integrity");

            browser.follow(By.linkText("主体名录"));
            assertThat(browser.text(By.tagName("main"))).contains("青弋江蔬菜专业合作社").doesNotContain("丫山家庭农场");
            browser.screenshot("producers");
            browser.follow(By.partialLinkText("青弋江蔬菜专业合作社"));
            browser.screenshot("producer");

            browser.follow(By.linkText("抽检"));
            browser.screenshot("spot-checks");
            browser.type(By.name("title"), "2026年冬季蔬菜抽检");
            browser.set(By.name("sampleSize"), "1");
            browser.type(By.name("seed"), "demo-block-hash-0001");
            browser.follow(By.cssSelector("#plan-form button[type=submit]"));
            assertThat(browser.path()).matches("/console/spot-checks/\\d+");
            assertThat(browser.text(By.id("reproduction"))).contains("相同的样本");
            browser.screenshot("round-planned");

            browser.type(By.name("sampleNumber"), "CJ-2026-0001");
            browser.type(By.name("samplers"), "张三、李四");
            browser.set(By.name("sampledOn"), TODAY.toString());
            browser.type(By.name("place"), "湾沚镇农贸市场");
            browser.type(By.name("sealNumber"), "FT-0001");
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
            browser.follow(By.cssSelector(".result-form button[type=submit]"));
            assertThat(browser.find(By.cssSelector("[data-state]")).getAttribute("data-state"))
                    .isEqualTo("FAILED");
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
