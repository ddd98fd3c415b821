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
 * The Content-Security-Policy in a real browser, on the demo data: the consumer page keeps its inline style (the
 * status box is coloured), the pages with scripts keep them, and nothing is blocked; while a style injected without
 * the nonce is blocked and reported, which shows that the browser tests' violation check can see a violation.
 * ({@link Browser#get} and {@link Browser#follow} fail every browser test on a page that breaks the policy.)
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "suyuan.demo.enabled=true",
            "spring.datasource.url=jdbc:h2:mem:verification-demo;MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
                    + "NON_KEYWORDS=VALUE;DB_CLOSE_DELAY=-1"
        })
@ActiveProfiles("test")
class ContentSecurityPolicyBrowserTests {

    @LocalServerPort
    int port;

    @BeforeAll
    static void chromiumIsInstalled() {
        Browser.requireChromium();
    }

    @Test
    void pagesRenderUnderThePolicyAndAnInjectedStyleIsBlocked() {
        String code = DemoBatches.verifiedTraceCode(port);

        try (Browser browser = Browser.open(port, "csp")) {
            browser.get("/t/" + code);
            // The inline style applied: the verified box has its green border.
            assertThat(browser.find(By.id("status")).getCssValue("border-top-color"))
                    .isEqualTo("rgba(47, 138, 69, 1)");
            browser.screenshot("consumer");

            browser.get("/");
            browser.screenshot("landing");
            browser.get("/login");
            browser.type(By.name("username"), "farmer");
            browser.type(By.name("password"), "suyuan-demo");
            browser.follow(By.cssSelector("form.form button[type=submit]"));
            browser.get("/portal");
            // The stylesheet applied: the navigation bar is the brand's green, not the browser's default.
            assertThat(browser.find(By.cssSelector("header.bar")).getCssValue("background-color"))
                    .isNotEqualTo("rgba(0, 0, 0, 0)");
            browser.screenshot("portal");

            assertThat(browser.cspViolations()).isEmpty();
            browser.driver()
                    .executeScript("var s = document.createElement('style'); s.textContent = 'body{color:red}';"
                            + " document.head.appendChild(s);");
            browser.waitUntil(driver -> !browser.cspViolations().isEmpty());
            assertThat(browser.cspViolations()).anyMatch(violation -> violation.startsWith("style-src"));
        }
    }
}
