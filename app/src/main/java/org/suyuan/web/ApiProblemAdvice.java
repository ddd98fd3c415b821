package org.suyuan.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.core.PropertyReferenceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.suyuan.problem.ConflictException;
import org.suyuan.problem.ProblemException;
import org.suyuan.problem.ProblemTypes;
import org.suyuan.problem.Problems;
import org.suyuan.problem.ValidationFailedException;

/**
 * The one place where API errors become RFC 9457 problem+json: a stable {@code type} per error, a Chinese
 * {@code detail} that says what to do, never a stack trace or a class name.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblemAdvice.class);

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<ProblemDetail> problem(ProblemException exception, HttpServletRequest request) {
        return ResponseEntity.status(exception.status())
                .body(Problems.of(exception, URI.create(request.getRequestURI())));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> forbidden(AccessDeniedException exception, HttpServletRequest request) {
        return respond(HttpStatus.FORBIDDEN, "forbidden", "没有权限", "当前用户没有权限执行此操作。", request);
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ProblemDetail> unauthorized(AuthenticationException exception, HttpServletRequest request) {
        return respond(HttpStatus.UNAUTHORIZED, "unauthorized", "需要登录", "请先登录。", request);
    }

    @ExceptionHandler({OptimisticLockingFailureException.class, DataIntegrityViolationException.class})
    ResponseEntity<ProblemDetail> concurrentChange(RuntimeException exception, HttpServletRequest request) {
        log.info("Write refused by the database: {}", exception.getMessage());
        return problem(ConflictException.concurrentChange(), request);
    }

    /** {@code ?sort=} naming something a list cannot be sorted by: the caller's mistake, not the server's. */
    @ExceptionHandler({PropertyReferenceException.class, InvalidDataAccessApiUsageException.class})
    ResponseEntity<ProblemDetail> unknownSortProperty(RuntimeException exception, HttpServletRequest request) {
        if (!(exception instanceof PropertyReferenceException)
                && !(exception.getCause() instanceof PropertyReferenceException)) {
            return unexpected(exception, request);
        }
        return respond(
                HttpStatus.BAD_REQUEST,
                "invalid-sort",
                "排序字段无效",
                "sort 参数中有列表不能按其排序的字段。请去掉 sort 参数，或按列表中的字段排序，例如 sort=id,desc。",
                request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception exception, HttpServletRequest request) {
        log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), exception);
        return respond(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "internal-error",
                "服务器内部错误",
                "服务器出了问题，已保存的数据不受影响。请稍后重试；如果一直出现，请联系管理员。",
                request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException exception, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<ValidationFailedException.FieldError> errors = exception.getBindingResult().getFieldErrors().stream()
                .map(e -> new ValidationFailedException.FieldError(e.getField(), e.getDefaultMessage()))
                .sorted(Comparator.comparing(ValidationFailedException.FieldError::field))
                .toList();
        return asObject(problem(new ValidationFailedException(errors), servletRequest(request)));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException exception,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        List<ValidationFailedException.FieldError> errors = exception.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new ValidationFailedException.FieldError(
                                result.getMethodParameter().getParameterName(), error.getDefaultMessage())))
                .toList();
        return asObject(problem(new ValidationFailedException(errors), servletRequest(request)));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException exception, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Throwable cause = exception.getMostSpecificCause();
        if (cause instanceof ProblemException problem) {
            return asObject(problem(problem, servletRequest(request)));
        }
        return asObject(respond(
                HttpStatus.BAD_REQUEST,
                "malformed-request",
                "请求格式不正确",
                "请求内容不是有效的 JSON，或某个字段的类型不对（例如日期应写成 2026-05-01）。",
                servletRequest(request)));
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(
            MaxUploadSizeExceededException exception, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return asObject(respond(
                HttpStatus.CONTENT_TOO_LARGE,
                "attachment-too-large",
                "文件太大",
                "上传的文件超过大小上限（10 MB）。请压缩照片后重试。",
                servletRequest(request)));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception exception, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(exception, body, headers, status, request);
        // Spring's own errors (400 for a malformed path variable, 405, 406, 415...) get a stable type too, instead of
        // about:blank or none at all.
        if (response != null
                && response.getBody() instanceof ProblemDetail problem
                && (problem.getType() == null || URI.create("about:blank").equals(problem.getType()))) {
            problem.setType(ProblemTypes.uri("http-" + status.value()));
        }
        return response;
    }

    private static ResponseEntity<ProblemDetail> respond(
            HttpStatus status, String slug, String title, String detail, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(ProblemTypes.uri(slug));
        problem.setTitle(title);
        problem.setInstance(URI.create(request.getRequestURI()));
        return ResponseEntity.status(status).body(problem);
    }

    private static HttpServletRequest servletRequest(WebRequest request) {
        return ((ServletWebRequest) request).getRequest();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ResponseEntity<Object> asObject(ResponseEntity<ProblemDetail> response) {
        return (ResponseEntity) response;
    }
}
