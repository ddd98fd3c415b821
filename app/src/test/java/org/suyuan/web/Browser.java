package org.suyuan.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.suyuan.db.TestDatabases;

/**
 * A real browser for page tests: the system's headless Chromium driven through the system's chromedriver (Debian
 * packages {@code chromium} and {@code chromium-driver}). Nothing is downloaded: both paths are given explicitly,
 * so Selenium Manager is never asked for a driver or a browser.
 *
 * <p>Without Chromium the calling test is skipped with a visible message, unless {@code SUYUAN_REQUIRE_EXTERNAL=true}
 * (CI), which turns the missing browser into a failure. Each browser gets a fresh profile directory, deleted on
 * close, and a phone-sized window (the farmer's view); {@link #screenshot} saves full-page PNGs under
 * {@code target/screenshots/}, which CI keeps as test artifacts.
 */
public final class Browser implements AutoCloseable {

    /** Where the browser and its driver are; override with SUYUAN_CHROMIUM / SUYUAN_CHROMEDRIVER. */
    public static final Path CHROMIUM = Path.of(environment("SUYUAN_CHROMIUM", "/usr/bin/chromium"));

    public static final Path CHROMEDRIVER = Path.of(environment("SUYUAN_CHROMEDRIVER", "/usr/bin/chromedriver"));

    /** The width of the emulated phone screen, in CSS pixels. */
    public static final int WIDTH = 412;

    /** Where screenshots go: app/target/screenshots/{folder}/{name}.png. */
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    /** Runs before any script of each page: collects what the page's Content-Security-Policy blocked. */
    private static final String RECORD_CSP_VIOLATIONS = "window.__suyuanCspViolations = [];"
            + "document.addEventListener('securitypolicyviolation', function (e) {"
            + " window.__suyuanCspViolations.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline')); });";

    private final ChromeDriver driver;
    private final Path profile;
    private final String baseUrl;
    private final Path screenshots;
    private int shots;

    private Browser(ChromeDriver driver, Path profile, String baseUrl, Path screenshots) {
        this.driver = driver;
        this.profile = profile;
        this.baseUrl = baseUrl;
        this.screenshots = screenshots;
    }

    /**
     * Starts a headless Chromium for the application at {@code http://localhost:{port}}; skips (or, when external
     * services are required, fails) the test when Chromium or chromedriver is missing.
     *
     * @param screenshotFolder the folder under {@link #SCREENSHOTS} for this test's screenshots
     */
    public static Browser open(int port, String screenshotFolder) {
        requireChromium();
        Path profile;
        try {
            profile = Files.createTempDirectory("suyuan-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-default-apps",
                "--user-data-dir=" + profile.toAbsolutePath(),
                "--window-size=412,915",
                "--lang=zh-CN");
        options.setAcceptInsecureCerts(false);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        // A desktop window cannot be narrower than about 500 px: emulate the phone's screen instead.
        driver.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", WIDTH, "height", 915, "deviceScaleFactor", 1, "mobile", true));
        // Every page records the Content-Security-Policy violations it meets; get() and follow() fail on any.
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", RECORD_CSP_VIOLATIONS));
        Path folder = SCREENSHOTS.resolve(screenshotFolder);
        try {
            // Only this run's pages: screenshots of an earlier run would be numbered differently.
            if (Files.isDirectory(folder)) {
                deleteQuietly(folder);
            }
            Files.createDirectories(folder);
        } catch (IOException e) {
            driver.quit();
            throw new UncheckedIOException(e);
        }
        return new Browser(driver, profile, "http://localhost:" + port, folder);
    }

    /** Skips or fails the calling test when the system browser is not installed. */
    public static void requireChromium() {
        if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
            return;
        }
        String missing = "Chromium (" + CHROMIUM + ") or chromedriver (" + CHROMEDRIVER + ") is not installed";
        if (TestDatabases.externalServicesRequired()) {
            Assertions.fail(missing + ", and " + TestDatabases.REQUIRE_VARIABLE
                    + "=true makes browser tests mandatory (install the Debian packages chromium and chromium-driver)");
        }
        String message = missing + ": browser tests skipped (install the Debian packages chromium and chromium-driver "
                + "to run them)";
        System.out.println("[SKIPPED] " + message);
        Assumptions.abort(message);
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** Opens a path of the application; fails if the page breaks its Content-Security-Policy. */
    public void get(String path) {
        driver.get(baseUrl + path);
        assertNoCspViolations();
    }

    /**
     * What the current page's Content-Security-Policy blocked, as "directive blocked-URI" lines: an inline style or
     * script the policy does not allow shows here (and would be missing from the page a user sees).
     */
    @SuppressWarnings("unchecked")
    public List<String> cspViolations() {
        Object recorded = driver.executeScript("return window.__suyuanCspViolations || [];");
        return List.copyOf((List<String>) recorded);
    }

    private void assertNoCspViolations() {
        List<String> violations = cspViolations();
        if (!violations.isEmpty()) {
            Assertions.fail("Content-Security-Policy violations on " + driver.getCurrentUrl() + ": " + violations);
        }
    }

    public String url() {
        return driver.getCurrentUrl();
    }

    public String path() {
        return URI.create(driver.getCurrentUrl()).getPath();
    }

    public WebElement find(By by) {
        return driver.findElement(by);
    }

    public List<WebElement> findAll(By by) {
        return driver.findElements(by);
    }

    public String text(By by) {
        return driver.findElement(by).getText();
    }

    /** Types into a field, replacing what it held. */
    public void type(By by, String text) {
        WebElement field = driver.findElement(by);
        field.clear();
        field.sendKeys(text);
    }

    /** Sets a field's value directly: for date inputs, whose typing depends on the browser's locale. */
    public void set(By by, String value) {
        WebElement field = driver.findElement(by);
        driver.executeScript(
                "arguments[0].value = arguments[1];"
                        + "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                        + "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));",
                field,
                value);
    }

    /** Chooses an option of a select by its value. */
    public void select(By by, String value) {
        new org.openqa.selenium.support.ui.Select(driver.findElement(by)).selectByValue(value);
    }

    /** Clicks something that does not leave the page (a select, a button handled by script). */
    public void click(By by) {
        driver.findElement(by).click();
    }

    /**
     * Clicks a link or submit button and waits until the next page has replaced this one: on a busy machine the
     * click returns before the navigation has even started.
     */
    public void follow(By by) {
        WebElement page = driver.findElement(By.tagName("html"));
        driver.findElement(by).click();
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> isGone(page));
        new WebDriverWait(driver, Duration.ofSeconds(60))
                .until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
        assertNoCspViolations();
    }

    private static boolean isGone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (org.openqa.selenium.WebDriverException gone) {
            // Stale, or (as chromedriver sometimes says it) "node does not belong to the document".
            return true;
        }
    }

    /** Waits (up to 60 s) until the condition holds, also across page reloads. */
    public void waitUntil(java.util.function.Function<ChromeDriver, Boolean> condition) {
        new WebDriverWait(driver, Duration.ofSeconds(60))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .ignoring(org.openqa.selenium.NoSuchElementException.class)
                .until(d -> condition.apply(driver));
    }

    /** Saves a full-page screenshot as {nn}-{name}.png and returns its path. */
    public Path screenshot(String name) {
        Object height = ((JavascriptExecutor) driver)
                .executeScript("return Math.max(document.documentElement.scrollHeight, document.body.scrollHeight);");
        Map<String, Object> result = driver.executeCdpCommand(
                "Page.captureScreenshot",
                Map.of(
                        "format",
                        "png",
                        "captureBeyondViewport",
                        true,
                        "clip",
                        Map.of(
                                "x",
                                0,
                                "y",
                                0,
                                "width",
                                WIDTH,
                                "height",
                                Math.min(((Number) height).intValue(), 12000),
                                "scale",
                                1)));
        Path file = screenshots.resolve(String.format("%02d-%s.png", ++shots, name));
        try {
            Files.write(file, Base64.getDecoder().decode((String) result.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** Fetches a path with this browser's session (for files the browser would download, such as PDFs). */
    public HttpResponse<byte[]> download(String path) {
        Cookie session = driver.manage().getCookieNamed("JSESSIONID");
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60));
        if (session != null) {
            request.header("Cookie", "JSESSIONID=" + session.getValue());
        }
        try {
            return HttpClient.newHttpClient().send(request.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteQuietly(profile);
        }
    }

    private static void deleteQuietly(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(file -> file.toFile().delete());
        } catch (IOException ignored) {
            // a temporary profile left behind is harmless
        }
    }

    private static String environment(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
