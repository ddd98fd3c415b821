package org.suyuan.archive;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The last line behind {@link RefusalLog}: when a request ends, whatever refusal it noted but nobody wrote (a
 * transaction owner that did not say it had ended) is written now, after the answer rather than never, and nothing
 * noted on this thread is left for the next request it serves. Ordered just outside every filter that has no order
 * of its own, so every transaction of the request has ended by then.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 1)
class RefusalLogFilter extends OncePerRequestFilter {

    private final RefusalLog refusals;

    RefusalLogFilter(RefusalLog refusals) {
        this.refusals = refusals;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } finally {
            refusals.writeNoted();
        }
    }
}
