package org.suyuan.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Answers with the error page from outside Spring MVC (a servlet filter), in the user's language: the request is
 * forwarded to the error page with a title and what to do. Inside controllers, the page advice does the same.
 */
@Component
public class ErrorPageRenderer {

    /** Request attributes the error page shows when present (see {@code templates/error.html}). */
    static final String TITLE_ATTRIBUTE = "problemTitle";

    static final String DETAIL_ATTRIBUTE = "problemDetail";

    private final MessageSource messages;
    private final LocaleResolver locales;

    ErrorPageRenderer(MessageSource messages, LocaleResolver locales) {
        this.messages = messages;
        this.locales = locales;
    }

    /**
     * Renders the error page with the given status and the messages under the two keys, the detail filled in with
     * the arguments ({0}, {1}...).
     */
    public void render(
            HttpServletRequest request,
            HttpServletResponse response,
            HttpStatus status,
            String titleKey,
            String detailKey,
            Object... detailArguments)
            throws IOException {
        Locale locale = locales.resolveLocale(request);
        request.setAttribute(TITLE_ATTRIBUTE, messages.getMessage(titleKey, null, locale));
        request.setAttribute(DETAIL_ATTRIBUTE, messages.getMessage(detailKey, detailArguments, locale));
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, status.value());
        request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, request.getRequestURI());
        response.setStatus(status.value());
        try {
            request.getRequestDispatcher("/error").forward(request, response);
        } catch (ServletException e) {
            throw new IOException("Cannot render the error page", e);
        }
    }
}
