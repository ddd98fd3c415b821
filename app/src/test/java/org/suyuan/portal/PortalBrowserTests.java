package org.suyuan.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
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
import org.suyuan.qr.LabelLayout;
import org.suyuan.web.Browser;

/**
 * The producer portal in a real browser (headless Chromium), on the demo data, as issue 6's "done when" describes
 * it: from the landing page, the demo farmer takes a batch from sowing to printed labels without touching the API.
 * Every page visited is saved as a screenshot under {@code target/screenshots/portal/}.
 */
@Import(TestClockConfiguration.class)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "suyuan.demo.enabled=true",
            "spring.datasource.url=jdbc:h2:mem:portal-browser;MODE=MySQL;DATABASE_TO_LOWER=TRUE;NON_KEYWORDS=VALUE;DB_CLOSE_DELAY=-1"
        })
@ActiveProfiles("test")
class PortalBrowserTests {

    private static final LocalDate TODAY = TestClock.TODAY;

    @LocalServerPort
    int port;

    @BeforeAll
    static void chromiumIsInstalled() {
        // Before the application starts: without a browser there is nothing to start it for.
        Browser.requireChromium();
    }

    @Test
    void theDemoFarmerTakesABatchFromSowingToPrintedLabels() throws IOException {
        try (Browser browser = Browser.open(port, "portal/journey")) {
            browser.get("/");
            browser.screenshot("landing");
            browser.follow(By.id("producer-portal"));
            assertThat(browser.path()).isEqualTo("/login");
            browser.screenshot("login");
            browser.type(By.name("username"), "farmer");
            browser.type(By.name("password"), "suyuan-demo");
            browser.follow(By.cssSelector("form.form button[type=submit]"));
            assertThat(browser.path()).isEqualTo("/portal");
            assertThat(browser.text(By.tagName("h1"))).contains("工作台");
            browser.screenshot("dashboard");

            browser.follow(By.linkText("新建批次"));
            browser.screenshot("new-batch");
            browser.type(By.name("batchNumber"), "E2E-001");
            new Select(browser.find(By.name("productId"))).selectByVisibleText("番茄（粉冠一号）");
            new Select(browser.find(By.name("plotId"))).selectByVisibleText("青弋江1号大棚");
            browser.set(By.name("startedOn"), TODAY.minusDays(40).toString());
            browser.follow(By.cssSelector("form.form button[type=submit]"));
            assertThat(browser.path())
                    .as(() -> browser.text(By.tagName("main")))
                    .matches("/portal/batches/\\d+");
            String batchPath = browser.path();
            assertThat(browser.text(By.id("batch-status"))).isEqualTo("生产中");
            browser.screenshot("batch-opened");

            browser.follow(By.id("record-PLANTING"));
            browser.set(By.name("occurredOn"), TODAY.minusDays(39).toString());
            browser.select(By.name("details[method]"), "定植");
            browser.type(By.name("details[seedVariety]"), "粉冠一号");
            browser.screenshot("planting-form");
            browser.follow(By.id("save"));
            assertThat(browser.path()).isEqualTo(batchPath);
            assertThat(browser.text(By.cssSelector(".alert.success"))).contains("播种/定植");

            browser.follow(By.id("record-PESTICIDE_USE"));
            browser.screenshot("pesticide-form");
            new Select(browser.find(By.id("pick"))).selectByValue("listed:甲胺磷");
            browser.waitUntil(
                    driver -> !driver.findElements(By.id("pesticide-warning")).isEmpty());
            assertThat(browser.text(By.id("pesticide-warning"))).contains("甲胺磷").contains("不能用于番茄");
            browser.screenshot("pesticide-banned-warning");
            Select picker = new Select(browser.find(By.id("pick")));
            WebElement usedBefore = picker.getOptions().stream()
                    .filter(option -> option.getAttribute("value").startsWith("used:"))
                    .filter(option -> option.getText().contains("苯醚甲环唑"))
                    .findFirst()
                    .orElseThrow();
            picker.selectByValue(usedBefore.getAttribute("value"));
            assertThat(browser.find(By.name("details[registrationNumber]")).getAttribute("value"))
                    .isEqualTo("PD20070155");
            // The picked pesticide fills the method and dose unit, which are choices, not free text.
            assertThat(new Select(browser.find(By.name("details[method]")))
                            .getFirstSelectedOption()
                            .getAttribute("value"))
                    .isEqualTo("喷雾");
            browser.set(By.name("occurredOn"), TODAY.minusDays(10).toString());
            String harvestFrom = TODAY.minusDays(3).toString();
            browser.waitUntil(
                    driver -> driver.findElements(By.id("pesticide-warning")).isEmpty()
                            && driver.findElements(By.id("pesticide-harvest")).stream()
                                    .anyMatch(box -> box.getText().contains(harvestFrom)));
            browser.screenshot("pesticide-checked");
            browser.follow(By.id("save"));
            assertThat(browser.path()).isEqualTo(batchPath);

            browser.follow(By.id("record-HARVEST"));
            browser.set(By.name("occurredOn"), TODAY.minusDays(5).toString());
            browser.type(By.name("details[quantityAmount]"), "800");
            new Select(browser.find(By.name("details[quantityUnit]"))).selectByValue("KG");
            browser.follow(By.id("save"));
            assertThat(browser.text(By.id("form-errors")))
                    .contains("安全间隔期为 7 天")
                    .contains("起才能采收");
            assertThat(browser.find(By.name("details[quantityAmount]")).getAttribute("value"))
                    .isEqualTo("800");
            browser.screenshot("harvest-refused");
            browser.set(By.name("occurredOn"), TODAY.minusDays(2).toString());
            browser.follow(By.id("save"));
            assertThat(browser.path()).isEqualTo(batchPath);
            assertThat(browser.text(By.id("batch-status"))).isEqualTo("已采收");
            browser.screenshot("batch-harvested");

            browser.type(By.cssSelector("#serials-form input[name=count]"), "24");
            browser.follow(By.cssSelector("#serials-form button[type=submit]"));
            assertThat(browser.text(By.id("serial-status"))).contains("已发放 24 个单品码");
            browser.screenshot("serials-issued");
            String traceCode = browser.text(By.id("trace-code"));
            HttpResponse<byte[]> sheet = browser.download(batchPath + "/labels.pdf?layout=a4-3x8&serials=true");
            assertThat(sheet.statusCode()).isEqualTo(200);
            assertThat(sheet.headers().firstValue("Content-Type")).hasValue("application/pdf");
            String serialUrl = LabelPdfs.firstLabelText(sheet.body(), LabelLayout.A4_3X8);
            assertThat(serialUrl).startsWith("http://localhost:8080/t/");
            HttpResponse<byte[]> scanned =
                    browser.download(URI.create(serialUrl).getPath());
            assertThat(scanned.statusCode()).isEqualTo(200);
            assertThat(new String(scanned.body(), StandardCharsets.UTF_8)).contains("E2E-001");
            HttpResponse<byte[]> batchLabels = browser.download(batchPath + "/labels.pdf?layout=thermal-50x30");
            assertThat(LabelPdfs.firstLabelText(batchLabels.body(), LabelLayout.THERMAL_50X30))
                    .isEqualTo("http://localhost:8080/t/" + traceCode);
            HttpResponse<byte[]> certificate = browser.download(batchPath + "/certificate.pdf?format=a5");
            assertThat(certificate.statusCode()).isEqualTo(200);
            assertThat(new String(certificate.body(), 0, 5, StandardCharsets.US_ASCII))
                    .isEqualTo("%PDF-");
            browser.get(URI.create(serialUrl).getPath());
            browser.screenshot("consumer-preview");
            browser.get(batchPath);

            Path photo = Files.createTempFile("field-photo-", ".png");
            Files.write(photo, TestImages.png());
            browser.find(By.cssSelector("form.upload-form input[type=file][capture]"))
                    .sendKeys(photo.toAbsolutePath().toString());
            browser.click(By.cssSelector("form.upload-form button[type=submit]"));
            browser.waitUntil(driver ->
                    driver.getPageSource().contains(photo.getFileName().toString()));
            browser.screenshot("photo-uploaded");
            Files.deleteIfExists(photo);

            // The embedded ledger anchors within seconds: the batch page then says so.
            browser.waitUntil(driver -> {
                driver.navigate().refresh();
                return driver.findElement(By.id("batch-anchoring")).getText().equals("已上链");
            });
            browser.get("/portal");
            assertThat(browser.text(By.tagName("main"))).contains("E2E-001").contains("已上链");
            browser.screenshot("dashboard-after");
        }
    }

    @Test
    void theOtherPagesRenderForAPhone() {
        try (Browser browser = Browser.open(port, "portal/pages")) {
            signIn(browser, "farmer");
            browser.get("/portal/organization");
            assertThat(browser.text(By.tagName("h1"))).contains("合作社");
            browser.screenshot("organization");
            browser.get("/portal/imports");
            browser.screenshot("imports");
            browser.get("/portal/receipts");
            browser.screenshot("receipts");
            browser.get("/portal/account/password");
            browser.screenshot("password");
            browser.get("/portal/batches/999999");
            assertThat(browser.text(By.tagName("h1"))).contains("未找到");
            browser.screenshot("not-found");
            browser.get("/portal?lang=en");
            assertThat(browser.text(By.tagName("h1"))).contains("Dashboard");
            browser.screenshot("dashboard-english");
            browser.get("/portal?lang=zh");
        }
    }

    @Test
    void aBuyerOnSuyuanConfirmsAShipmentAndImportsRecordsFromAFile() throws IOException {
        try (Browser browser = Browser.open(port, "portal/supply-and-import")) {
            signIn(browser, "farmer");
            browser.follow(By.linkText("QYJ-2026-001"));
            browser.follow(By.id("record-SHIPMENT"));
            browser.set(By.name("occurredOn"), TODAY.minusDays(1).toString());
            browser.type(By.name("details[buyerName]"), "南陵县丫山家庭农场");
            new Select(browser.find(By.name("details[buyerOrganizationId]"))).selectByVisibleText("南陵县丫山家庭农场");
            browser.type(By.name("details[quantityAmount]"), "200");
            new Select(browser.find(By.name("details[quantityUnit]"))).selectByValue("KG");
            browser.screenshot("shipment-form");
            browser.follow(By.id("save"));
            assertThat(browser.text(By.id("links"))).contains("南陵县丫山家庭农场").contains("待对方确认");
            browser.screenshot("shipment-recorded");
            browser.follow(By.cssSelector("form[action='/logout'] button"));

            signIn(browser, "farmer-nanling");
            assertThat(browser.text(By.tagName("main"))).contains("等你确认收货");
            browser.screenshot("buyer-dashboard");
            browser.follow(By.linkText("收货"));
            browser.screenshot("receipts");
            browser.follow(By.linkText("确认收货"));
            // The buyer chooses no product or plot: the goods stay the cooperative's tomatoes from its greenhouse.
            assertThat(browser.text(By.id("receipt-product"))).isEqualTo("番茄（粉冠一号）");
            assertThat(browser.text(By.id("receipt-origin"))).startsWith("青弋江1号大棚");
            browser.screenshot("receipt-confirm");
            browser.follow(By.cssSelector("form.form button[type=submit]"));
            assertThat(browser.text(By.id("links"))).contains("来源").contains("QYJ-2026-001");
            assertThat(browser.text(By.cssSelector(".summary")))
                    .contains("番茄（粉冠一号）")
                    .doesNotContain("绿茶");
            assertThat(browser.text(By.id("batch-origin"))).contains("青弋江1号大棚", "青弋江蔬菜专业合作社");
            assertThat(browser.text(By.id("timeline"))).contains("收货");
            browser.screenshot("received-batch");

            Path good = Files.createTempFile("records-", ".csv");
            Files.writeString(
                    good,
                    "批次号,记录类型,日期,方式,水源\r\nYS-2026-01,灌溉," + TODAY.minusDays(5) + ",喷灌,山泉水\r\n" + "YS-2026-01,灌溉,"
                            + TODAY.minusDays(4) + ",喷灌,山泉水\r\n");
            browser.get("/portal/imports");
            browser.find(By.cssSelector("#import-form input[type=file]")).sendKeys(good.toString());
            browser.follow(By.cssSelector("#import-form button[type=submit]"));
            browser.waitUntil(driver -> driver.findElement(By.id("import-state"))
                    .getAttribute("data-state")
                    .equals("IMPORTED"));
            browser.screenshot("import-done");

            Path bad = Files.createTempFile("records-", ".csv");
            Files.writeString(
                    bad,
                    "批次号,记录类型,日期,方式,水源\r\nYS-2026-01,灌溉," + TODAY.minusDays(3) + ",喷灌,山泉水\r\n"
                            + "YS-2026-99,灌溉," + TODAY.minusDays(3) + ",喷灌,山泉水\r\n"
                            + "YS-2026-01,灌溉,明天,,山泉水\r\n");
            browser.get("/portal/imports");
            browser.find(By.cssSelector("#import-form input[type=file]")).sendKeys(bad.toString());
            browser.follow(By.cssSelector("#import-form button[type=submit]"));
            browser.waitUntil(driver -> driver.findElement(By.id("import-state"))
                    .getAttribute("data-state")
                    .equals("REJECTED"));
            assertThat(browser.text(By.id("import-problems")))
                    .contains("第 3 行")
                    .contains("YS-2026-99")
                    .contains("第 4 行");
            browser.screenshot("import-rejected");
            Files.deleteIfExists(good);
            Files.deleteIfExists(bad);
        }
    }

    private static void signIn(Browser browser, String username) {
        browser.get("/login");
        browser.type(By.name("username"), username);
        browser.type(By.name("password"), "suyuan-demo");
        browser.follow(By.cssSelector("form.form button[type=submit]"));
        browser.get("/portal");
    }
}
