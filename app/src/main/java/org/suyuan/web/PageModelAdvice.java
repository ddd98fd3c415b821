package org.suyuan.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/** What every page's layout needs to know. */
@ControllerAdvice(annotations = Controller.class)
class PageModelAdvice {

    @ModelAttribute("signedIn")
    boolean signedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null
                && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken);
    }

    /** Whether the navigation to the producer portal is shown. */
    @ModelAttribute("producer")
    boolean producer() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return signedIn()
                && authentication.getAuthorities().stream()
                        .anyMatch(authority -> "ROLE_PRODUCER".equals(authority.getAuthority()));
    }

    /** This page in English: the language switch in the layout. */
    @ModelAttribute("englishUrl")
    String englishUrl(HttpServletRequest request) {
        return inLanguage(request, "en");
    }

    /** This page in Chinese. */
    @ModelAttribute("chineseUrl")
    String chineseUrl(HttpServletRequest request) {
        return inLanguage(request, "zh");
    }

    private static String inLanguage(HttpServletRequest request, String language) {
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
