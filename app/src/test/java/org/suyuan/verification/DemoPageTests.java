package org.suyuan.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.suyuan.ApiClient;

/**
 * The consumer page of the demo's harvested batch as a phone on a weak connection gets it: one small HTML document
 * that fetches nothing else (no stylesheet, script or font, from here or from any other host). Shares its
 * application, the demo data in a database of its own, with {@link VerificationBrowserTests}.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "suyuan.demo.enabled=true",
            "spring.datasource.url=jdbc:h2:mem:verification-demo;MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
                    + "NON_KEYWORDS=VALUE;DB_CLOSE_DELAY=-1"
        })
@ActiveProfiles("test")
class DemoPageTests {

    /** What a consumer page may weigh at most, uncompressed. */
    static final int MAX_PAGE_BYTES = 60 * 1024;

    private static final Pattern URL = Pattern.compile("(?i)(?:https?:)?//[^\\s\"'<>)]+");

    @LocalServerPort
    int port;

    @Test
    void theVerifiedDemoPageIsOneSmallDocumentThatFetchesNothingElse() {
        String code = DemoBatches.verifiedTraceCode(port);

        ApiClient.Response page =
                ApiClient.anonymous(port).accepting(MediaType.TEXT_HTML_VALUE).get("/t/" + code);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Cache-Control")).contains("no-store");
        String html = page.body();
        assertThat(html).contains("data-status=\"VERIFIED\"");
        // Times are shown as a consumer in 芜湖 reads them, not in the server's UTC.
        java.time.Instant anchoredAt = java.time.Instant.parse(ApiClient.anonymous(port)
                .get("/api/v1/trace/" + code)
                .json()
                .path("verification")
                .path("anchored")
                .path("anchoredAt")
                .asText());
        assertThat(html)
                .contains(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
                        .format(anchoredAt.atZone(java.time.ZoneId.of("Asia/Shanghai"))));
        assertThat(html.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(MAX_PAGE_BYTES);
        assertThat(html).doesNotContainIgnoringCase("<link").doesNotContainIgnoringCase("<script");
        assertThat(html).doesNotContainIgnoringCase("@import").doesNotContainIgnoringCase("@font-face");
        Matcher urls = URL.matcher(html);
        while (urls.find()) {
            assertThat(urls.group())
                    .as("a URL on the page")
                    .matches("(?i)https?://(localhost|127\\.0\\.0\\.1)(:\\d+)?(/.*)?");
        }
    }

    @Test
    void theUnknownCodePageIsSmallToo() {
        String unknown = new org.suyuan.qr.TraceCodeGenerator().next().value();

        ApiClient.Response page =
                ApiClient.anonymous(port).accepting(MediaType.TEXT_HTML_VALUE).get("/t/" + unknown);

        assertThat(page.status()).isEqualTo(404);
        assertThat(page.body().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(MAX_PAGE_BYTES);
        assertThat(page.body()).doesNotContainIgnoringCase("<link").doesNotContainIgnoringCase("<script");
    }
}
