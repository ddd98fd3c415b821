package org.suyuan.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
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
 * token's SHA-256, remembered for ten seconds) so that phones and integrators can post many events without a
 * password hash per request.
 */
final class ApiTokenAuthenticationFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";
    private static final Duration REMEMBER_FOR = Duration.ofSeconds(10);
    private static final int REMEMBER_AT_MOST = 10_000;

    private final ApiTokenRepository tokens;
    private final UserAccountRepository users;
    private final AuthenticationEntryPoint entryPoint;
    private final Clock clock;
    private final Map<String, Recent> recentlyAuthenticated = new ConcurrentHashMap<>();

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
        String tokenHash = ApiTokens.hashOf(secret);
        Instant now = clock.instant();
        Recent recent = recentlyAuthenticated.get(tokenHash);
        if (recent != null && now.isBefore(recent.until())) {
            return Optional.of(recent.user());
        }
        Optional<ApiToken> token = tokens.findByTokenHash(tokenHash).filter(this::unexpired);
        Optional<SuyuanUserDetails> user = token.flatMap(found -> users.findById(found.getUserId()))
                .map(SuyuanUserDetails::new)
                .filter(SuyuanUserDetails::isEnabled);
        user.ifPresent(authenticated -> remember(tokenHash, authenticated, token.get(), now));
        return user;
    }

    /**
     * A phone or integrator posting many events sends the same token again and again; remembering it for a few
     * seconds spares two queries per request. Never beyond the token's own expiry.
     */
    private void remember(String tokenHash, SuyuanUserDetails user, ApiToken token, Instant now) {
        Instant until = now.plus(REMEMBER_FOR);
        if (token.getExpiresAt() != null && token.getExpiresAt().isBefore(until)) {
            until = token.getExpiresAt();
        }
        if (recentlyAuthenticated.size() >= REMEMBER_AT_MOST) {
            recentlyAuthenticated.clear();
        }
        recentlyAuthenticated.put(tokenHash, new Recent(user, until));
    }

    private record Recent(SuyuanUserDetails user, Instant until) {}

    private boolean unexpired(ApiToken token) {
        return token.getExpiresAt() == null || token.getExpiresAt().isAfter(clock.instant());
    }
}
