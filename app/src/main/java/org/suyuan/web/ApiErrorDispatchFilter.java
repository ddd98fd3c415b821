package org.suyuan.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.DispatcherServlet;
import org.suyuan.problem.ProblemResponseWriter;

/**
 * The error dispatch of an API request, answered as problem+json. The API's advice only sees errors of a chosen
 * controller; what fails before one is chosen (an unknown path, a method or content type no endpoint takes, a
 * multipart body that cannot be parsed, a body over the size limit) or in a filter reaches the container's error
 * page instead, where Boot would answer its own JSON, or nothing at all for an oversize upload.
 */
final class ApiErrorDispatchFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(ApiErrorDispatchFilter.class);

    private final ProblemResponseWriter problems;
    private final ErrorAttributes errors;

    ApiErrorDispatchFilter(ProblemResponseWriter problems, ErrorAttributes errors) {
        this.problems = problems;
        this.errors = errors;
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return failed == null || !failed.toString().startsWith(request.getContextPath() + "/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (response.isCommitted()) {
            return;
        }
        Throwable error = cause(request);
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer number ? number : HttpStatus.INTERNAL_SERVER_ERROR.value();
        response.resetBuffer();
        if (error instanceof MaxUploadSizeExceededException || status == HttpStatus.CONTENT_TOO_LARGE.value()) {
            problems.write(
                    response,
                    HttpStatus.CONTENT_TOO_LARGE,
                    "request-too-large",
                    "请求内容太大",
                    "请求内容超过了大小上限（附件最大 10 MB）。请压缩照片或拆分后重试。");
        } else if (isBrokenUpload(error)) {
            problems.write(
                    response,
                    HttpStatus.BAD_REQUEST,
                    "malformed-multipart",
                    "上传的表单数据无效",
                    "上传的内容不完整或格式不正确（例如传输中断，或文件名中有不允许的字符）。请重新选择文件上传。");
        } else if (status == HttpStatus.NOT_FOUND.value()) {
            problems.write(response, HttpStatus.NOT_FOUND, "not-found", "未找到", "没有这个接口，请对照 API 文档检查地址。");
        } else if (status >= 500) {
            log.error("Unexpected error on {}", request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI), error);
            problems.write(
                    response,
                    HttpStatus.INTERNAL_SERVER_ERROR,
                    "internal-error",
                    "服务器内部错误",
                    "服务器出了问题，已保存的数据不受影响。请稍后重试；如果一直出现，请联系管理员。");
        } else {
            HttpStatus known = HttpStatus.resolve(status);
            problems.write(
                    response,
                    known == null ? HttpStatus.BAD_REQUEST : known,
                    "http-" + (known == null ? 400 : status),
                    "请求未能处理",
                    "服务器无法处理这个请求（HTTP " + status + "）。请对照 API 文档检查请求的方法、地址和内容类型。");
        }
    }

    /**
     * Whether the body could not be read as multipart: cut off in transit, or a part's file name with a NUL.
     * Spring wraps Tomcat's parser's failure; a filter reading the parts first (idempotency) meets it unwrapped.
     */
    private static boolean isBrokenUpload(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof MultipartException
                    || cause instanceof org.apache.tomcat.util.http.fileupload.FileUploadException
                    || cause instanceof org.apache.tomcat.util.http.fileupload.InvalidFileNameException) {
                return true;
            }
        }
        return false;
    }

    /** The exception behind the error, without the servlet's "request processing failed" wrapper. */
    private Throwable cause(HttpServletRequest request) {
        Throwable error = errors.getError(new ServletWebRequest(request));
        if (error == null && request.getAttribute(DispatcherServlet.EXCEPTION_ATTRIBUTE) instanceof Throwable t) {
            error = t;
        }
        while (error instanceof ServletException && error.getCause() != null) {
            error = error.getCause();
        }
        return error;
    }
}
