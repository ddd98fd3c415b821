package org.suyuan.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A signed-in browser without the browser, for page tests that need no JavaScript: a real HTTP session with form
 * login, the CSRF token read from the pages, and form posts as a browser sends them. Redirects are not followed,
 * so a test sees the post/redirect/get step.
 */
public final class PageClient {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final HttpClient http;
    private final String baseUrl;
    private String csrf;

    private PageClient(String baseUrl) {
        this.baseUrl = baseUrl;
        CookieManager cookies = new CookieManager();
        cookies.setCookiePolicy(CookiePolicy.ACCEPT_ALL);
        this.http = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(30))
                .build();
    }

    /** A client signed in through the login form. */
    public static PageClient signIn(int port, String username, String password) {
        PageClient client = new PageClient("http://localhost:" + port);
        client.get("/login");
        Response login = client.postForm("/login", Map.of("username", username, "password", password));
        if (login.status() != 302 || login.location().contains("error")) {
            throw new IllegalStateException(
                    "Sign-in as " + username + " failed: " + login.status() + " " + login.location());
        }
        return client;
    }

    /** One try at the login form, whatever it answers (a redirect, or a refusal such as 429). */
    public static Response attemptSignIn(int port, String username, String password) {
        PageClient client = anonymous(port);
        client.get("/login");
        return client.postForm("/login", Map.of("username", username, "password", password));
    }

    /** A browser session that has not signed in: it gets a CSRF token from the first page it opens. */
    public static PageClient anonymous(int port) {
        return new PageClient("http://localhost:" + port);
    }

    /** An answer: status, headers, and the body as text and bytes. */
    public record Response(int status, Map<String, String> headers, byte[] bytes) {

        public String body() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        public String location() {
            return headers.getOrDefault("location", "");
        }

        public String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    public Response get(String path) {
        return remember(send(
                HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").GET()));
    }

    /** Posts a form as a browser does, with the session's CSRF token. */
    public Response postForm(String path, Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        if (csrf != null) {
            all.putIfAbsent("_csrf", csrf);
        }
        String body = all.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return remember(send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(body))));
    }

    /** Posts a multipart form with one file, as an upload form does. */
    public Response postFile(
            String path, Map<String, String> fields, String fileField, String filename, byte[] content) {
        String boundary = "suyuan-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        Map<String, String> all = new LinkedHashMap<>(fields);
        if (csrf != null) {
            all.putIfAbsent("_csrf", csrf);
        }
        all.forEach((name, value) -> write(
                body,
                "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value
                        + "\r\n"));
        write(
                body,
                "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
                        + filename + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
        body.writeBytes(content);
        write(body, "\r\n--" + boundary + "--\r\n");
        return remember(send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))));
    }

    /** The first hidden idempotency key on the page: what the next post of that form carries. */
    public static Optional<String> formToken(String html) {
        Matcher matcher =
                Pattern.compile("name=\"idempotencyKey\" value=\"([^\"]+)\"").matcher(html);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    private Response remember(Response response) {
        Matcher matcher = CSRF.matcher(response.body());
        if (matcher.find()) {
            csrf = matcher.group(1);
        }
        return response;
    }

    private URI uri(String path) {
        return URI.create(baseUrl + path);
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<byte[]> response = http.send(
                    request.timeout(Duration.ofSeconds(120)).build(), HttpResponse.BodyHandlers.ofByteArray());
            Map<String, String> headers = new LinkedHashMap<>();
            response.headers().map().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
            return new Response(response.statusCode(), headers, response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
