package org.suyuan.rapidtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.suyuan.ApiClient;
import org.suyuan.web.Browser;
import tools.jackson.databind.JsonNode;

/**
 * A township inspection station in a real browser (headless Chromium, a phone's width) on the demo data: the
 * administrator creates the station's account on the users page; the station signs in, types the demo tomato's code
 * as printed, is told when its reading contradicts its verdict, and records a failed organophosphate test with the
 * photo of the strip. The 湾沚区 bureau's console lists the batch among its flags and its batch page says why; the
 * consumer page warns and no longer shows a 承诺达标合格证. Screenshots under {@code target/screenshots/station/}.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "suyuan.demo.enabled=true",
            "spring.datasource.url=jdbc:h2:mem:station-journey;MODE=MySQL;DATABASE_TO_LOWER=TRUE;NON_KEYWORDS=VALUE;"
                    + "DB_CLOSE_DELAY=-1"
        })
@ActiveProfiles("test")
class StationBrowserTests {

    private static final String DEMO_PASSWORD = "suyuan-demo";
    private static final String TOMATO = "QYJ-2026-001";
    private static final String STATION_NAME = "湾沚区六郎镇快检室（测试）";

    /** A real 2 × 2 PNG, as the photo of a test strip. */
    private static final byte[] STRIP = Base64.getDecoder()
            .decode(
                    "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEElEQVR4nGPQqzUCIgYIBQAYKgN1RttJhQAAAABJRU5ErkJggg==");

    @LocalServerPort
    int port;

    @BeforeAll
    static void chromiumIsInstalled() {
        Browser.requireChromium();
    }

    @Test
    void aStationRecordsAFailedRapidTestAndTheConsoleAndTheConsumerPageShowIt() throws IOException {
        String username = "liulang-" + UUID.randomUUID().toString().substring(0, 6);
        String password = "liulang-station-" + UUID.randomUUID().toString().substring(0, 4);
        String code = tomatoCode();
        Path strip = Files.createTempFile("strip", ".png");
        Files.write(strip, STRIP);

        try (Browser browser = Browser.open(port, "station")) {
            signIn(browser, "admin", DEMO_PASSWORD);
            browser.get("/admin/users");
            browser.type(By.cssSelector("#station-form input[name=username]"), username);
            browser.type(By.cssSelector("#station-form input[name=displayName]"), STATION_NAME);
            browser.select(By.cssSelector("#station-form select[name=jurisdictionCode]"), "340210");
            browser.type(By.cssSelector("#station-form input[name=password]"), password);
            browser.type(By.cssSelector("#station-form input[name=confirmPassword]"), password);
            browser.follow(By.cssSelector("#station-form button[type=submit]"));
            assertThat(browser.text(By.id("saved"))).contains(username).contains("湾沚区");
            assertThat(browser.text(By.cssSelector("#users tr[data-username='" + username + "']")))
                    .contains("快检室", STATION_NAME);
            browser.screenshot("station-created");
            browser.follow(By.cssSelector("form[action$='/logout'] button"));

            signIn(browser, username, password);
            browser.follow(By.linkText("快检录入"));
            assertThat(browser.text(By.id("station"))).contains(STATION_NAME, "湾沚区");
            // Typed as the label prints it, in groups.
            browser.type(By.name("code"), code.substring(0, 4) + " " + code.substring(4, 8) + " " + code.substring(8));
            assertThat(browser.find(By.name("item")).getAttribute("value")).isEqualTo("有机磷和氨基甲酸酯类农药");
            assertThat(browser.find(By.name("limit")).getAttribute("value")).isEqualTo("50");
            browser.type(By.name("value"), "62.5");
            browser.click(By.cssSelector("input[name=result][value=PASS]"));
            browser.type(By.name("sampler"), "张丽");
            browser.type(By.name("samplePlace"), "六郎镇农贸市场 12 号摊位");
            browser.follow(By.cssSelector("#rapid-test-form button[type=submit]"));
            assertThat(browser.text(By.cssSelector("#rapid-test-form")))
                    .as("a reading above the limit cannot pass")
                    .contains("高于判定限");
            assertThat(browser.find(By.name("code")).getAttribute("value")).contains(code.substring(8));
            browser.screenshot("contradiction-refused");

            browser.click(By.cssSelector("input[name=result][value=FAIL]"));
            browser.find(By.cssSelector("#rapid-test-form input[type=file][capture]"))
                    .sendKeys(strip.toAbsolutePath().toString());
            browser.follow(By.cssSelector("#rapid-test-form button[type=submit]"));
            WebElement saved = browser.find(By.id("saved"));
            assertThat(saved.getAttribute("data-result")).isEqualTo("FAIL");
            assertThat(saved.getText()).contains(TOMATO, "不合格", "监管部门");
            browser.screenshot("failure-recorded");
            browser.follow(By.cssSelector("form[action$='/logout'] button"));

            signIn(browser, "regulator-wanzhi", DEMO_PASSWORD);
            browser.get("/console");
            WebElement flag = browser.find(By.cssSelector("#flags tr[data-kind=failed-rapid-test]"));
            assertThat(flag.getText()).contains(TOMATO, "快检不合格", STATION_NAME, "62.5%");
            browser.screenshot("console-flag");
            browser.follow(By.cssSelector("#flags tr[data-kind=failed-rapid-test] a"));
            assertThat(browser.text(By.id("rapid-test-failures")))
                    .contains("快检不合格", STATION_NAME, "有机磷和氨基甲酸酯类农药", "62.5%", "50%", "张丽");
            WebElement entry = browser.find(By.cssSelector("#archive li[data-type=RAPID_TEST]"));
            assertThat(entry.getText()).contains("快检", STATION_NAME, "不合格", "张丽");
            browser.screenshot("console-batch");
            browser.follow(By.cssSelector("form[action$='/logout'] button"));

            browser.get("/t/" + code);
            WebElement warning = browser.find(By.id("rapid-test-warning"));
            assertThat(warning.isDisplayed()).isTrue();
            assertThat(warning.getText()).contains("快检", "不合格", STATION_NAME, "62.5%");
            assertThat(browser.text(By.id("certificate"))).doesNotContain("查看合格证");
            assertThat(browser.find(By.cssSelector("#timeline li[data-type=RAPID_TEST]"))
                            .getText())
                    .contains(STATION_NAME, "不合格");
            browser.screenshot("consumer-warning");
        } finally {
            Files.deleteIfExists(strip);
        }
    }

    private String tomatoCode() {
        ApiClient farmer = ApiClient.anonymous(port).as("farmer", DEMO_PASSWORD);
        for (JsonNode batch : farmer.get("/api/v1/batches?size=50").json().path("content")) {
            if (batch.path("batchNumber").asText().equals(TOMATO)) {
                return farmer.get("/api/v1/batches/" + batch.path("id").asLong() + "/codes")
                        .json()
                        .path("content")
                        .get(0)
                        .path("code")
                        .asText();
            }
        }
        throw new AssertionError("no demo batch " + TOMATO);
    }

    private static void signIn(Browser browser, String username, String password) {
        browser.get("/login");
        browser.type(By.name("username"), username);
        browser.type(By.name("password"), password);
        browser.follow(By.cssSelector("form.form button[type=submit]"));
    }
}
