package org.suyuan.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.suyuan.problem.ProblemResponseWriter;

/**
 * What an API client got wrong in a request's envelope, settled before anything reads it. A {@code Content-Type}
 * that does not parse, or names a wildcard ({@code *}{@code /*} describes no body), is refused with 415; Spring
 * would otherwise fail deep inside argument resolution with a 500. A {@code sort} parameter naming something other
 * than a property ({@code id;drop}, a NUL) is refused with 400 before it reaches a query. An {@code Accept} that does
 * not parse is ignored, as if absent: honouring it would leave even the error answer without a representation.
 */
final class ApiRequestFilter extends OncePerRequestFilter {

    private static final Pattern SORT_PART =
            Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,60}(\\.[A-Za-z][A-Za-z0-9_]{0,60}){0,3}");

    private final ProblemResponseWriter problems;

    ApiRequestFilter(ProblemResponseWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String contentType = request.getContentType();
        if (contentType != null && !parsesAsBodyType(contentType)) {
            problems.write(
                    response,
                    HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "http-415",
                    "内容类型无效",
                    "Content-Type 无效。JSON 请求请使用 application/json，上传文件请使用 multipart/form-data。");
            return;
        }
        // Only reads are paged; asking a POST for its parameters would parse its body here.
        String[] sorts = "GET".equals(request.getMethod()) ? request.getParameterValues("sort") : null;
        if (sorts != null && !Arrays.stream(sorts).allMatch(ApiRequestFilter::isSort)) {
            problems.write(
                    response,
                    HttpStatus.BAD_REQUEST,
                    "invalid-sort",
                    "排序字段无效",
                    "sort 参数应为“字段名”或“字段名,asc|desc”，例如 sort=id,desc。");
            return;
        }
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept != null && !parsesAsAccept(accept)) {
            chain.doFilter(new WithoutAccept(request), response);
            return;
        }
        chain.doFilter(request, response);
    }

    /** {@code property}, {@code property,direction}, or several of them comma-separated; blanks are ignored. */
    private static boolean isSort(String sort) {
        return Arrays.stream(sort.split(","))
                .map(String::strip)
                .allMatch(part -> part.isEmpty() || SORT_PART.matcher(part).matches());
    }

    private static boolean parsesAsBodyType(String contentType) {
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return !type.isWildcardType() && !type.isWildcardSubtype();
        } catch (InvalidMediaTypeException notAMediaType) {
            return false;
        }
    }

    private static boolean parsesAsAccept(String accept) {
        try {
            MediaType.parseMediaTypes(accept);
            return true;
        } catch (InvalidMediaTypeException notAMediaType) {
            return false;
        }
    }

    /** The request without its unreadable {@code Accept} header. */
    private static final class WithoutAccept extends HttpServletRequestWrapper {

        WithoutAccept(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getHeader(String name) {
            return HttpHeaders.ACCEPT.equalsIgnoreCase(name) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return HttpHeaders.ACCEPT.equalsIgnoreCase(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            List<String> names = Collections.list(super.getHeaderNames());
            names.removeIf(HttpHeaders.ACCEPT::equalsIgnoreCase);
            return Collections.enumeration(names);
        }
    }
}
