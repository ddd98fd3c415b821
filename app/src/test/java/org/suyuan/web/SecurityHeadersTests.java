package org.suyuan.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.suyuan.ApiClient;
import org.suyuan.qr.TraceCodeGenerator;

/**
 * The headers that tell a browser what a page may do: a Content-Security-Policy on every page (with a fresh nonce
 * for the consumer page's inline style), Referrer-Policy and Permissions-Policy on every answer, and a session
 * cookie other sites' requests do not carry.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SecurityHeadersTests {

    private static final Pattern STYLE_NONCE = Pattern.compile("<style nonce=\"([A-Za-z0-9+/=]{20,})\">");

    @LocalServerPort
    int port;

    @Test
    void pagesCarryAStrictContentSecurityPolicyAndPrivacyHeaders() {
        ApiClient.Response landing =
                ApiClient.anonymous(port).accepting(MediaType.TEXT_HTML_VALUE).get("/");

        assertThat(landing.status()).isEqualTo(200);
        String policy = landing.header("Content-Security-Policy");
        assertThat(policy)
                .contains("default-src 'self'")
                .contains("script-src 'self';")
                .contains("object-src 'none'")
                .contains("frame-ancestors 'none'")
                .doesNotContain("unsafe-inline")
                .doesNotContain("unsafe-eval");
        assertThat(landing.header("Referrer-Policy")).isEqualTo("same-origin");
        assertThat(landing.header("Permissions-Policy")).contains("camera=()").contains("geolocation=()");
        assertThat(landing.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void theConsumerPageInlineStyleIsAllowedByAFreshNonce() {
        String unknown = new TraceCodeGenerator().next().value();
        ApiClient html = ApiClient.anonymous(port).accepting(MediaType.TEXT_HTML_VALUE);

        List<String> nonces = new java.util.ArrayList<>();
        for (int scan = 0; scan < 2; scan++) {
            ApiClient.Response page = html.get("/t/" + unknown);
            assertThat(page.status()).isEqualTo(404);
            Matcher style = STYLE_NONCE.matcher(page.body());
            assertThat(style.find())
                    .as("the page's inline style carries a nonce")
                    .isTrue();
            assertThat(page.header("Content-Security-Policy"))
                    .contains("style-src 'self' 'nonce-" + style.group(1) + "'");
            nonces.add(style.group(1));
        }
        assertThat(nonces.get(0)).as("a nonce is drawn per request").isNotEqualTo(nonces.get(1));
    }

    @Test
    void apiAnswersCarryPrivacyHeadersButNoPagePolicy() {
        ApiClient.Response answer = ApiClient.anonymous(port)
                .get("/api/v1/trace/" + new TraceCodeGenerator().next().value());

        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.header("Referrer-Policy")).isEqualTo("same-origin");
        assertThat(answer.header("Permissions-Policy")).contains("microphone=()");
        assertThat(answer.header("Content-Security-Policy")).isNull();

        ApiClient.Response refusedEarly = ApiClient.anonymous(port).get("/api/v1/batches?sort=id%3Bdrop");
        assertThat(refusedEarly.status()).isEqualTo(400);
        assertThat(refusedEarly.header("Referrer-Policy"))
                .as("also on what a filter refuses before security")
                .isEqualTo("same-origin");
    }

    @Test
    void theSessionCookieIsSameSiteLaxAndHttpOnly() throws Exception {
        HttpResponse<String> login = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                                .header("Accept", "text/html")
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        String cookie = login.headers().allValues("Set-Cookie").stream()
                .filter(value -> value.startsWith("JSESSIONID="))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie: " + login.headers()));
        assertThat(cookie).contains("SameSite=Lax").contains("HttpOnly");
    }
}
