package org.suyuan.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.BindException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.suyuan.problem.ConflictException;
import org.suyuan.problem.ProblemException;

/**
 * The one place where errors of page controllers ({@link PageController}) become a readable page in the user's
 * language: what went wrong and what to do, with the right status, never a stack trace, and never a 500 for a
 * user's mistake. Forms show their own errors inline (see {@link FormErrors}); what reaches this advice is what
 * no form can fix, such as another organization's batch (404) or a page only producers may use (403).
 *
 * <p>API controllers have their own advice, which answers problem+json.
 */
@ControllerAdvice(annotations = PageController.class)
class PageProblemAdvice {

    private static final Logger log = LoggerFactory.getLogger(PageProblemAdvice.class);

    private final MessageSource messages;

    PageProblemAdvice(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(ProblemException.class)
    ModelAndView problem(ProblemException exception, HttpServletRequest request, HttpServletResponse response) {
        return page(response, exception.status(), exception.title(), exception.detail(), List.of());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ModelAndView forbidden(HttpServletRequest request, HttpServletResponse response) {
        return byKey(request, response, HttpStatus.FORBIDDEN, "error.403.title", "error.403.producersOnly");
    }

    /** A path or query value of the wrong kind, such as {@code /portal/batches/abc}: nothing there. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView mismatch(HttpServletRequest request, HttpServletResponse response) {
        return byKey(request, response, HttpStatus.NOT_FOUND, "error.404.title", "error.404.advice");
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ModelAndView missingParameter(HttpServletRequest request, HttpServletResponse response) {
        return byKey(request, response, HttpStatus.BAD_REQUEST, "error.400.title", "error.400.advice");
    }

    @ExceptionHandler(BindException.class)
    ModelAndView invalid(BindException exception, HttpServletRequest request, HttpServletResponse response) {
        Locale locale = RequestContextUtils.getLocale(request);
        List<String> fields = exception.getBindingResult().getFieldErrors().stream()
                .map(error -> error.getField() + "：" + messages.getMessage(error, locale))
                .toList();
        return page(
                response,
                HttpStatus.BAD_REQUEST,
                messages.getMessage("error.400.title", null, locale),
                messages.getMessage("error.400.advice", null, locale),
                fields);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ModelAndView methodNotSupported(HttpServletRequest request, HttpServletResponse response) {
        return byKey(request, response, HttpStatus.METHOD_NOT_ALLOWED, "error.405.title", "error.405.advice");
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ModelAndView tooLarge(HttpServletRequest request, HttpServletResponse response) {
        return byKey(request, response, HttpStatus.CONTENT_TOO_LARGE, "error.413.title", "error.413.advice");
    }

    @ExceptionHandler(MultipartException.class)
    ModelAndView brokenUpload(HttpServletRequest request, HttpServletResponse response) {
        return byKey(request, response, HttpStatus.BAD_REQUEST, "error.upload.title", "error.upload.advice");
    }

    @ExceptionHandler({OptimisticLockingFailureException.class, DataIntegrityViolationException.class})
    ModelAndView concurrentChange(RuntimeException exception, HttpServletResponse response) {
        log.info("Write refused by the database: {}", exception.getMessage());
        ConflictException conflict = ConflictException.concurrentChange();
        return page(response, conflict.status(), conflict.title(), conflict.detail(), List.of());
    }

    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception exception, HttpServletRequest request, HttpServletResponse response) {
        log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), exception);
        return byKey(request, response, HttpStatus.INTERNAL_SERVER_ERROR, "error.500.title", "error.500.advice");
    }

    private ModelAndView byKey(
            HttpServletRequest request, HttpServletResponse response, HttpStatus status, String title, String detail) {
        Locale locale = RequestContextUtils.getLocale(request);
        return page(
                response,
                status,
                messages.getMessage(title, null, locale),
                messages.getMessage(detail, null, locale),
                List.of());
    }

    private static ModelAndView page(
            HttpServletResponse response, HttpStatus status, String title, String detail, List<String> fields) {
        response.setStatus(status.value());
        ModelAndView page = new ModelAndView("error", status);
        // An exception handler's model starts empty: the layout's attributes are added here.
        page.addAllObjects(LayoutModel.of(currentRequest()));
        page.addObject("status", status.value());
        page.addObject(ErrorPageRenderer.TITLE_ATTRIBUTE, title);
        page.addObject(ErrorPageRenderer.DETAIL_ATTRIBUTE, detail);
        page.addObject("problemFields", fields);
        return page;
    }

    private static HttpServletRequest currentRequest() {
        return ((org.springframework.web.context.request.ServletRequestAttributes)
                        org.springframework.web.context.request.RequestContextHolder.currentRequestAttributes())
                .getRequest();
    }
}
