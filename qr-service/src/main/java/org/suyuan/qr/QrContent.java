package org.suyuan.qr;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;

/**
 * The text a QR symbol carries: normally the absolute URL {@code {public base URL}/t/{code}}, or a
 * GS1 Digital Link URL on the same host.
 *
 * <p>The URL is absolute because a phone camera, WeChat or Alipay opens only what the symbol says.
 * The public base URL is the one consumers reach (configuration, not the request's host, which may be
 * an internal name behind a proxy).
 *
 * @param text what the symbol encodes, at most {@link #MAX_LENGTH} characters
 */
public record QrContent(String text) {

    /**
     * Longest content accepted. A label's symbol stays scannable only while small: 62 characters fit
     * version 4 at error correction M; 300 already need version 13.
     */
    public static final int MAX_LENGTH = 300;

    static final String TRACE_PATH = "/t/";

    public QrContent {
        if (text == null || text.isEmpty()) {
            throw InvalidQrContentException.empty();
        }
        if (text.length() > MAX_LENGTH) {
            throw InvalidQrContentException.tooLong(text.length());
        }
    }

    /** Any text, e.g. a URL built elsewhere. */
    public static QrContent of(String text) {
        return new QrContent(text);
    }

    /**
     * {@code {publicBaseUrl}/t/{code}}, e.g. {@code https://suyuan.wuhu.gov.cn/t/0ABCDEFGHJKMNPQRS}.
     *
     * @param publicBaseUrl absolute http(s) URL, optionally with a path prefix; a trailing slash is
     *     ignored
     * @throws InvalidQrContentException if the base URL is not such a URL
     */
    public static QrContent traceUrl(String publicBaseUrl, TraceCode code) {
        Objects.requireNonNull(code, "code");
        return new QrContent(normaliseBaseUrl(publicBaseUrl) + TRACE_PATH + code.value());
    }

    /** {@code {publicBaseUrl}/01/{gtin}/10/{lot}[/21/{serial}]}, for labels that retail scanners read too. */
    public static QrContent digitalLink(String publicBaseUrl, DigitalLink link) {
        Objects.requireNonNull(link, "link");
        return new QrContent(normaliseBaseUrl(publicBaseUrl) + link.path());
    }

    /** Whether the text is plain ASCII, which decides whether the symbol needs a UTF-8 ECI header. */
    public boolean isAscii() {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 127) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return text;
    }

    private static String normaliseBaseUrl(String baseUrl) {
        if (baseUrl == null || baseUrl.isBlank()) {
            throw InvalidQrContentException.badBaseUrl(baseUrl, "missing");
        }
        URI uri;
        try {
            uri = new URI(baseUrl.strip());
        } catch (URISyntaxException e) {
            throw InvalidQrContentException.badBaseUrl(baseUrl, "not a URI");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw InvalidQrContentException.badBaseUrl(baseUrl, "scheme must be http or https");
        }
        if (uri.getHost() == null) {
            throw InvalidQrContentException.badBaseUrl(baseUrl, "no host");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw InvalidQrContentException.badBaseUrl(baseUrl, "query, fragment or user info");
        }
        String normalised = uri.toString();
        while (normalised.endsWith("/")) {
            normalised = normalised.substring(0, normalised.length() - 1);
        }
        return normalised;
    }
}
