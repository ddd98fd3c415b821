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
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The boundary that writes a request's refusals when a filter further in wraps the whole request in one transaction
 * (the idempotency filter does, for every keyed API call and every page form): only once that transaction has ended
 * is the batch lock released and its connection back in the pool. The answer is held back until the refusals are
 * written, so a client that was refused can count on finding its attempt among the refused ones; only POSTs, which
 * are what can be refused, and whose answers are small, are held. Ordered just outside every filter that has no
 * order of its own.
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
        ContentCachingResponseWrapper held = new ContentCachingResponseWrapper(response);
        try {
            refusals.writeAfter(() -> {
                try {
                    chain.doFilter(request, held);
                } catch (IOException | ServletException e) {
                    throw new ChainFailure(e);
                }
                return null;
            });
        } catch (ChainFailure failure) {
            failure.rethrow();
        }
        held.copyBodyToResponse();
    }

    /** Carries a checked exception of the filter chain through {@link RefusalLog#writeAfter}. */
    private static final class ChainFailure extends RuntimeException {

        ChainFailure(Exception cause) {
            super(cause);
        }

        void rethrow() throws IOException, ServletException {
            if (getCause() instanceof ServletException servlet) {
                throw servlet;
            }
            throw (IOException) getCause();
        }
    }
}
