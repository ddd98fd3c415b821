package org.suyuan.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;
import org.suyuan.db.account.ApiToken;
import org.suyuan.db.account.ApiTokenRepository;
import org.suyuan.db.account.UserAccountRepository;

/**
 * Authenticates {@code Authorization: Bearer sy_...} requests. Cheap by design (one indexed lookup of the
 * token's SHA-256) so that phones and integrators can post many events without a password hash per request.
 */
final class ApiTokenAuthenticationFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final ApiTokenRepository tokens;
    private final UserAccountRepository users;
    private final AuthenticationEntryPoint entryPoint;
    private final Clock clock;

    ApiTokenAuthenticationFilter(
            ApiTokenRepository tokens, UserAccountRepository users, AuthenticationEntryPoint entryPoint, Clock clock) {
        this.tokens = tokens;
        this.users = users;
        this.entryPoint = entryPoint;
        this.clock = clock;
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
                authenticate(header.substring(BEARER.length()).strip());
        if (user.isEmpty()) {
            SecurityContextHolder.clearContext();
            entryPoint.commence(request, response, new BadCredentialsException("Unknown or expired token"));
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                user.get(), null, user.get().getAuthorities()));
        SecurityContextHolder.setContext(context);
        chain.doFilter(request, response);
    }

    private Optional<SuyuanUserDetails> authenticate(String secret) {
        return tokens.findByTokenHash(ApiTokens.hashOf(secret))
                .filter(this::unexpired)
                .flatMap(token -> users.findById(token.getUserId()))
                .map(SuyuanUserDetails::new)
                .filter(SuyuanUserDetails::isEnabled);
    }

    private boolean unexpired(ApiToken token) {
        return token.getExpiresAt() == null || token.getExpiresAt().isAfter(clock.instant());
    }
}
