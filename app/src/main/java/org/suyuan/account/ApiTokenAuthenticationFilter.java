package org.suyuan.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;
import org.suyuan.web.ClientNetworks;

/**
 * Authenticates {@code Authorization: Bearer sy_...} requests (see {@link ApiTokenAuthenticator}). An unknown,
 * expired or revoked token counts as a failed sign-in of the client's network; once the network is throttled, the
 * answer is 429 instead of 401.
 */
final class ApiTokenAuthenticationFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final ApiTokenAuthenticator tokens;
    private final LoginThrottle throttle;
    private final TooManySignIns tooMany;
    private final AuthenticationEntryPoint entryPoint;
    private final ApplicationEventPublisher events;

    ApiTokenAuthenticationFilter(
            ApiTokenAuthenticator tokens,
            LoginThrottle throttle,
            TooManySignIns tooMany,
            AuthenticationEntryPoint entryPoint,
            ApplicationEventPublisher events) {
        this.tokens = tokens;
        this.throttle = throttle;
        this.tooMany = tooMany;
        this.entryPoint = entryPoint;
        this.events = events;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            chain.doFilter(request, response);
            return;
        }
        Optional<SuyuanUserDetails> user =
                tokens.authenticate(header.substring(BEARER.length()).strip());
        if (user.isEmpty()) {
            SecurityContextHolder.clearContext();
            String network = ClientNetworks.of(request.getRemoteAddr());
            throttle.failed(null, network);
            events.publishEvent(new AccountActivity(AccountActivity.Action.SIGN_IN_FAILED, null, "未知、过期或已撤销的访问令牌"));
            Optional<Duration> refusal = throttle.refusal(null, network);
            if (refusal.isPresent()) {
                tooMany.answer(request, response, refusal.get());
            } else {
                entryPoint.commence(request, response, new BadCredentialsException("Unknown or expired token"));
            }
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new BearerTokenAuthentication(user.get()));
        SecurityContextHolder.setContext(context);
        chain.doFilter(request, response);
    }
}
