package org.suyuan.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.suyuan.db.idempotency.IdempotentRequest;
import org.suyuan.db.idempotency.IdempotentRequestRepository;
import org.suyuan.ledger.RecordHash;
import org.suyuan.problem.ProblemResponseWriter;

/**
 * Honours {@code Idempotency-Key} on every API POST, and the hidden form field {@value FormTokens#FIELD} on every
 * page form, so that a phone that retries on a bad network never records the same event twice.
 *
 * <p>The key, the request and its effects are written in <em>one</em> transaction: a crash half-way leaves
 * nothing behind, and a concurrent duplicate waits on the key's unique index until the first commits. A
 * successful response is stored and replayed to every retry with the same key and the same request; the same
 * key with a different request is refused. Failed requests store nothing, so a retry runs again.
 *
 * <p>An API call succeeds with a 2xx status. A page form succeeds by redirecting (post/redirect/get): a form
 * page rendered again, with errors or with the result of a check, is not a success, is rolled back and is not
 * remembered, so the corrected form can be sent with the same key. A form's body is read through the servlet's
 * parameters (never as raw bytes, which would leave the handler without its parameters), without the CSRF
 * token, which is not part of what the user asked for.
 */
@Component
class IdempotencyFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);

    static final String HEADER = "Idempotency-Key";
    static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,100}");

    private static final String CSRF_PARAMETER = "_csrf";

    private final IdempotentRequestRepository requests;
    private final TransactionTemplate transactions;
    private final ProblemResponseWriter problems;
    private final ErrorPageRenderer errorPages;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    IdempotencyFilter(
            IdempotentRequestRepository requests,
            PlatformTransactionManager transactionManager,
            ProblemResponseWriter problems,
            ErrorPageRenderer errorPages,
            Clock clock,
            ApplicationEventPublisher events) {
        this.requests = requests;
        this.transactions = new TransactionTemplate(transactionManager);
        this.problems = problems;
        this.errorPages = errorPages;
        this.clock = clock;
        this.events = events;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        if (!"POST".equals(request.getMethod())) {
            return true;
        }
        if (isApi(request)) {
            return request.getHeader(HEADER) == null;
        }
        return !isForm(request) || request.getParameter(FormTokens.FIELD) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean api = isApi(request);
        String key = api ? request.getHeader(HEADER) : request.getParameter(FormTokens.FIELD);
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            chain.doFilter(request, response);
            return;
        }
        if (!KEY.matcher(key).matches()) {
            if (api) {
                problems.write(
                        response,
                        HttpStatus.BAD_REQUEST,
                        "invalid-idempotency-key",
                        "Idempotency-Key 无效",
                        "Idempotency-Key 应为 1 至 100 个可见 ASCII 字符，例如一个 UUID。");
            } else {
                errorPages.render(
                        request, response, HttpStatus.BAD_REQUEST, "error.form.invalidToken", "error.form.reload");
            }
            return;
        }
        String username = authentication.getName();
        HttpServletRequest forwarded = api ? new CachedBodyRequest(request) : request;
        String fingerprint = api ? fingerprint((CachedBodyRequest) forwarded) : formFingerprint(request);
        Optional<IdempotentRequest> earlier = requests.find(username, key);
        if (earlier.isPresent()) {
            answerRetry(earlier.get(), fingerprint, request, response, api);
            return;
        }
        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        boolean lost;
        try {
            lost = Boolean.TRUE.equals(inTransaction(
                    request,
                    () -> transactions.execute(transaction -> {
                        long claim = requests.start(username, key, fingerprint, clock.instant());
                        try {
                            chain.doFilter(forwarded, captured);
                        } catch (IOException | ServletException e) {
                            throw new FilterFailure(e);
                        }
                        boolean succeeded = succeeded(captured.getStatus(), api);
                        if (!succeeded || transaction.isRollbackOnly()) {
                            // A handler that answered "done" over a transaction something inside doomed saved nothing:
                            // say so instead of passing on the success.
                            transaction.setRollbackOnly();
                            return succeeded;
                        }
                        requests.complete(
                                claim,
                                captured.getStatus(),
                                captured.getContentType(),
                                captured.getHeader(HttpHeaders.LOCATION),
                                captured.getContentAsByteArray());
                        return false;
                    })));
        } catch (FilterFailure failure) {
            throw failure.unwrap();
        } catch (DataAccessException concurrentDuplicate) {
            // Another request with this key got there first and has now finished (or failed): answer as a retry.
            Optional<IdempotentRequest> first = requests.find(username, key);
            if (first.isPresent()) {
                answerRetry(first.get(), fingerprint, request, response, api);
            } else if (api) {
                problems.write(response, org.suyuan.problem.ConflictException.requestInProgress(), null);
            } else {
                errorPages.render(
                        request, response, HttpStatus.CONFLICT, "error.form.inProgress", "error.form.inProgressAdvice");
            }
            return;
        }
        if (lost) {
            log.error(
                    "{} {} answered {} but its transaction was rolled back",
                    request.getMethod(),
                    request.getRequestURI(),
                    captured.getStatus());
            captured.reset();
            if (api) {
                problems.write(
                        response,
                        HttpStatus.INTERNAL_SERVER_ERROR,
                        "internal-error",
                        "服务器内部错误",
                        "服务器出了问题，这次请求没有保存。请稍后重试；如果一直出现，请联系管理员。");
            } else {
                errorPages.render(
                        request, response, HttpStatus.INTERNAL_SERVER_ERROR, "error.500.title", "error.500.advice");
            }
            return;
        }
        captured.copyBodyToResponse();
    }

    /**
     * Runs the request's transaction, then says it has ended, before anything is answered: work that had to wait
     * until no lock and no connection is held runs then (see {@link RequestTransactionEnded}).
     */
    private <T> T inTransaction(HttpServletRequest request, Supplier<T> transaction) {
        try {
            return transaction.get();
        } finally {
            events.publishEvent(new RequestTransactionEnded(request.getMethod(), request.getRequestURI()));
        }
    }

    private static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    private static boolean isForm(HttpServletRequest request) {
        String contentType = request.getContentType();
        if (contentType == null) {
            return false;
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        return type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data");
    }

    /** An API call succeeds with 2xx; a page form succeeds by redirecting to the result (post/redirect/get). */
    private static boolean succeeded(int status, boolean api) {
        return api ? status < 300 : status >= 300 && status < 400;
    }

    private void answerRetry(
            IdempotentRequest earlier,
            String fingerprint,
            HttpServletRequest request,
            HttpServletResponse response,
            boolean api)
            throws IOException {
        if (!earlier.requestFingerprint().equals(fingerprint)) {
            if (api) {
                problems.write(
                        response,
                        HttpStatus.UNPROCESSABLE_CONTENT,
                        "idempotency-key-reused",
                        "Idempotency-Key 已用于另一个请求",
                        "这个 Idempotency-Key 已经用于内容不同的请求。新的操作请使用新的 Idempotency-Key。");
            } else {
                errorPages.render(
                        request,
                        response,
                        HttpStatus.UNPROCESSABLE_CONTENT,
                        "error.form.alreadySubmitted",
                        "error.form.alreadySubmittedAdvice");
            }
            return;
        }
        if (earlier.state() != IdempotentRequest.State.COMPLETED) {
            response.setHeader(HttpHeaders.RETRY_AFTER, "1");
            if (api) {
                problems.write(response, org.suyuan.problem.ConflictException.requestInProgress(), null);
            } else {
                errorPages.render(
                        request, response, HttpStatus.CONFLICT, "error.form.inProgress", "error.form.inProgressAdvice");
            }
            return;
        }
        response.setStatus(earlier.responseStatus());
        response.setHeader(REPLAYED_HEADER, "true");
        if (earlier.responseContentType() != null) {
            response.setContentType(earlier.responseContentType());
        }
        if (earlier.responseLocation() != null) {
            response.setHeader(HttpHeaders.LOCATION, earlier.responseLocation());
        }
        if (earlier.responseBody() != null) {
            response.getOutputStream().write(earlier.responseBody());
        }
    }

    /** What makes two requests "the same": method, path, query, content type and every byte of the body. */
    private static String fingerprint(CachedBodyRequest request) throws IOException, ServletException {
        List<byte[]> parts = new ArrayList<>();
        parts.add(utf8(request.getMethod() + " " + request.getRequestURI() + "?" + request.getQueryString()));
        parts.add(utf8(String.valueOf(request.getContentType())));
        if (request.isMultipart()) {
            for (Part part : request.getParts()) {
                parts.add(utf8(part.getName() + "|" + part.getSubmittedFileName() + "|"));
                parts.add(part.getInputStream().readAllBytes());
            }
        } else {
            parts.add(request.body());
        }
        return RecordHash.sha256(parts.toArray(byte[][]::new)).hex();
    }

    /**
     * What makes two form posts "the same": method, path, query, every field but the CSRF token (in a stable
     * order) and, for uploads, every file's name and bytes.
     */
    private static String formFingerprint(HttpServletRequest request) throws IOException, ServletException {
        List<byte[]> parts = new ArrayList<>();
        parts.add(utf8(request.getMethod() + " " + request.getRequestURI() + "?" + request.getQueryString()));
        new TreeMap<>(request.getParameterMap()).forEach((name, values) -> {
            if (!CSRF_PARAMETER.equals(name)) {
                parts.add(utf8(name + "=" + String.join("\u0000", values) + "\u0001"));
            }
        });
        String contentType = request.getContentType().toLowerCase(Locale.ROOT);
        if (contentType.startsWith("multipart/")) {
            for (Part part : request.getParts()) {
                if (part.getSubmittedFileName() != null) {
                    parts.add(utf8(part.getName() + "|" + part.getSubmittedFileName() + "|"));
                    parts.add(part.getInputStream().readAllBytes());
                }
            }
        }
        return RecordHash.sha256(parts.toArray(byte[][]::new)).hex();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Carries a checked exception of the filter chain through the transaction callback. */
    private static final class FilterFailure extends RuntimeException {

        FilterFailure(Exception cause) {
            super(cause);
        }

        IOException unwrap() throws ServletException {
            if (getCause() instanceof ServletException servlet) {
                throw servlet;
            }
            return (IOException) getCause();
        }
    }

    /** A request whose body has been read once for the fingerprint and can be read again by the handler. */
    private static final class CachedBodyRequest extends HttpServletRequestWrapper {

        private final boolean multipart;
        private final byte[] body;

        CachedBodyRequest(HttpServletRequest request) throws IOException {
            super(request);
            String contentType = request.getContentType();
            this.multipart = contentType != null && contentType.toLowerCase().startsWith("multipart/");
            this.body = multipart ? new byte[0] : request.getInputStream().readAllBytes();
        }

        boolean isMultipart() {
            return multipart;
        }

        byte[] body() {
            return body;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (multipart) {
                return super.getInputStream();
            }
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("Synchronous reads only");
                }
            };
        }

        @Override
        public BufferedReader getReader() throws IOException {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
