package org.suyuan.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.suyuan.problem.ProblemResponseWriter;
import org.suyuan.web.ErrorPageRenderer;

/**
 * The answer to a throttled sign-in: 429 with {@code Retry-After}, as problem+json on the API and as the error page,
 * in the reader's language, elsewhere.
 */
@Component
class TooManySignIns {

    private final ProblemResponseWriter problems;
    private final ErrorPageRenderer pages;

    TooManySignIns(ProblemResponseWriter problems, ErrorPageRenderer pages) {
        this.problems = problems;
        this.pages = pages;
    }

    void answer(HttpServletRequest request, HttpServletResponse response, Duration retryAfter) throws IOException {
        long seconds = Math.max(1, retryAfter.toSeconds());
        long minutes = Math.max(1, (seconds + 59) / 60);
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            problems.write(
                    response,
                    HttpStatus.TOO_MANY_REQUESTS,
                    "too-many-sign-in-attempts",
                    "登录尝试过多",
                    "登录失败次数过多，已暂停登录。请在 " + minutes + " 分钟后重试（Retry-After: " + seconds + " 秒）。");
        } else {
            pages.render(
                    request,
                    response,
                    HttpStatus.TOO_MANY_REQUESTS,
                    "login.throttled.title",
                    "login.throttled.detail",
                    minutes);
        }
    }
}
