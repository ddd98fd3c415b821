package org.suyuan.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What the layout ({@code layout :: page}) needs on every page: who is signed in, whether to show the producer
 * navigation, and this page's address in the other language. Normal pages get it through {@link PageModelAdvice};
 * error pages built by an exception handler (whose model starts empty) add it themselves.
 */
final class LayoutModel {

    private LayoutModel() {}

    static Map<String, Object> of(HttpServletRequest request) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("signedIn", signedIn());
        model.put("producer", producer());
        model.put("regulator", regulator());
        model.put("administrator", administrator());
        model.put("station", hasRole("ROLE_STATION"));
        model.put("englishUrl", inLanguage(request, "en"));
        model.put("chineseUrl", inLanguage(request, "zh"));
        return model;
    }

    static boolean signedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null
                && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken);
    }

    static boolean producer() {
        return signedIn()
                && SecurityContextHolder.getContext().getAuthentication().getAuthorities().stream()
                        .anyMatch(authority -> "ROLE_PRODUCER".equals(authority.getAuthority()));
    }

    static boolean regulator() {
        return signedIn()
                && SecurityContextHolder.getContext().getAuthentication().getAuthorities().stream()
                        .anyMatch(authority -> "ROLE_REGULATOR".equals(authority.getAuthority())
                                || "ROLE_ADMIN".equals(authority.getAuthority()));
    }

    static boolean hasRole(String authorityName) {
        return signedIn()
                && SecurityContextHolder.getContext().getAuthentication().getAuthorities().stream()
                        .anyMatch(authority -> authorityName.equals(authority.getAuthority()));
    }

    static boolean administrator() {
        return signedIn()
                && SecurityContextHolder.getContext().getAuthentication().getAuthorities().stream()
                        .anyMatch(authority -> "ROLE_ADMIN".equals(authority.getAuthority()));
    }

    static String inLanguage(HttpServletRequest request, String language) {
        // On an error page, switch the language of the page that failed, not of /error.
        Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        Object forwarded = request.getAttribute(RequestDispatcher.FORWARD_REQUEST_URI);
        String uri =
                failed != null ? failed.toString() : forwarded != null ? forwarded.toString() : request.getRequestURI();
        String path = uri.substring(Math.min(request.getContextPath().length(), uri.length()));
        String query = "GET".equals(request.getMethod()) && failed == null && forwarded == null
                ? request.getQueryString()
                : null;
        return UriComponentsBuilder.fromPath(path)
                .query(query)
                .replaceQueryParam(PageLocaleConfiguration.PARAMETER, language)
                .build()
                .toUriString();
    }
}
