package org.suyuan.verification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.suyuan.web.Browser;

/**
 * The consumer page in a real browser (headless Chromium, a phone's screen) on the demo data: a shopper scans the
 * harvested batch's label, sees it verified, opens the verification details, reads the page in English; and scans a
 * code Suyuan never issued. Every page is saved as a screenshot under {@code target/screenshots/consumer/}.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "suyuan.demo.enabled=true",
            "spring.datasource.url=jdbc:h2:mem:verification-demo;MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
                    + "NON_KEYWORDS=VALUE;DB_CLOSE_DELAY=-1"
        })
@ActiveProfiles("test")
class VerificationBrowserTests {

    @LocalServerPort
    int port;

    @BeforeAll
    static void chromiumIsInstalled() {
        Browser.requireChromium();
    }

    @Test
    void aShopperSeesTheDemoBatchVerifiedWithItsRootAndInEnglish() {
        String code = DemoBatches.verifiedTraceCode(port);

        try (Browser browser = Browser.open(port, "consumer/verified")) {
            browser.get("/t/" + code);
            assertThat(browser.find(By.id("status")).getAttribute("data-status"))
                    .isEqualTo("VERIFIED");
            assertThat(browser.text(By.cssSelector("#status strong"))).contains("已核验");
            assertThat(browser.find(By.cssSelector("#proof dl")).isDisplayed()).isFalse();
            browser.screenshot("verified");

            browser.click(By.cssSelector("#proof summary"));
            browser.waitUntil(
                    driver -> browser.find(By.cssSelector("#proof dd.hash")).isDisplayed());
            String root =
                    browser.findAll(By.cssSelector("#proof dd.hash")).get(1).getText();
            assertThat(root).matches("[0-9a-f]{64}");
            browser.screenshot("verified-details");

            browser.get("/t/" + code + "?lang=en");
            assertThat(browser.find(By.id("status")).getAttribute("data-status"))
                    .isEqualTo("VERIFIED");
            assertThat(browser.text(By.cssSelector("#status strong")))
                    .isEqualTo("Verified: the record is intact and anchored");
            assertThat(browser.find(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
            browser.screenshot("verified-english");
        }
    }

    @Test
    void aShopperScanningAnUnknownCodeIsWarnedOfACounterfeit() {
        String unknown = new org.suyuan.qr.TraceCodeGenerator().next().value();

        try (Browser browser = Browser.open(port, "consumer/unknown")) {
            browser.get("/t/" + unknown);
            assertThat(browser.find(By.id("status")).getAttribute("data-status"))
                    .isEqualTo("UNKNOWN");
            assertThat(browser.text(By.cssSelector("#status strong"))).contains("查无此码");
            browser.screenshot("unknown");
        }
    }
}
