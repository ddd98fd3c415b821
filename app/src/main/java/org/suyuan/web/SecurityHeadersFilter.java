package org.suyuan.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Headers that tell the browser what a page may do. Every answer gets {@code Referrer-Policy: same-origin} (a
 * trace URL carries a label's code, which no other site needs to learn) and a {@code Permissions-Policy} that turns
 * off what no page uses. HTML answers get a {@code Content-Security-Policy}: scripts and styles from this origin only,
 * plus the one inline style block of the consumer page, allowed by a nonce drawn for each request (templates read it
 * as {@value #NONCE_ATTRIBUTE}). Other answers (JSON, PDFs, photos) get none, so browsers' PDF viewers keep working.
 * Swagger UI, a third-party page, gets a looser style policy.
 */
final class SecurityHeadersFilter extends OncePerRequestFilter {

    /** The request attribute holding this request's CSP nonce: {@code <style th:attr="nonce=${cspNonce}">}. */
    static final String NONCE_ATTRIBUTE = "cspNonce";

    static final String PERMISSIONS_POLICY = "accelerometer=(), camera=(), geolocation=(), gyroscope=(), "
            + "magnetometer=(), microphone=(), payment=(), usb=()";

    /**
     * One generator per request thread: a shared {@code SecureRandom} (NativePRNG) serialises every request on its
     * lock, which JFR showed as the most contended monitor under a scan load. DRBG instances are independent.
     */
    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(() -> {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            return new SecureRandom();
        }
    });

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        // The error page is rendered in an error dispatch with the container's own response object.
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("Permissions-Policy", PERMISSIONS_POLICY);
        String nonce = nonce();
        request.setAttribute(NONCE_ATTRIBUTE, nonce);
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String policy = path.startsWith("/swagger-ui") ? swaggerPolicy() : pagePolicy(nonce);
        chain.doFilter(request, new HtmlPolicyResponse(response, policy));
    }

    static String pagePolicy(String nonce) {
        return "default-src 'self'; script-src 'self'; style-src 'self' 'nonce-" + nonce + "'; img-src 'self';"
                + " font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self';"
                + " frame-ancestors 'none'";
    }

    private static String swaggerPolicy() {
        return "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:;"
                + " object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    }

    private static String nonce() {
        byte[] bytes = new byte[16];
        RANDOM.get().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** Adds the policy the moment the answer says it is HTML, before anything of it is written. */
    private static final class HtmlPolicyResponse extends HttpServletResponseWrapper {

        private final String policy;

        HtmlPolicyResponse(HttpServletResponse response, String policy) {
            super(response);
            this.policy = policy;
        }

        @Override
        public void setContentType(String type) {
            super.setContentType(type);
            applyTo(type);
        }

        @Override
        public void setHeader(String name, String value) {
            super.setHeader(name, value);
            if (HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name)) {
                applyTo(value);
            }
        }

        @Override
        public void addHeader(String name, String value) {
            super.addHeader(name, value);
            if (HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name)) {
                applyTo(value);
            }
        }

        private void applyTo(String type) {
            if (type != null && type.toLowerCase(Locale.ROOT).startsWith("text/html") && !isCommitted()) {
                super.setHeader("Content-Security-Policy", policy);
            }
        }
    }
}
