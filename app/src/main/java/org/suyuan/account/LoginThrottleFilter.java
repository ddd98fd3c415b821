package org.suyuan.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import org.suyuan.web.ClientNetworks;

/**
 * Refuses a password sign-in (form login or HTTP Basic) of a throttled account or network before the password is
 * hashed. The throttle is asked again right before a hash is computed (see {@link ThrottledAuthenticationProvider}),
 * for attempts that were already waiting when the limit was reached. Bearer tokens need no such door: looking one
 * up is cheap, and the token filter counts unknown ones against the network itself.
 */
final class LoginThrottleFilter extends OncePerRequestFilter {

    private static final String BASIC = "Basic ";

    private final LoginThrottle throttle;
    private final TooManySignIns answers;

    LoginThrottleFilter(LoginThrottle throttle, TooManySignIns answers) {
        this.throttle = throttle;
        this.answers = answers;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Attempt> attempt = attempt(request);
        if (attempt.isPresent()) {
            Optional<Duration> refusal =
                    throttle.refusal(attempt.get().username(), ClientNetworks.of(request.getRemoteAddr()));
            if (refusal.isPresent()) {
                answers.answer(request, response, refusal.get());
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** A password sign-in attempt, for this username (null when the Basic header does not say). */
    private record Attempt(String username) {}

    private static Optional<Attempt> attempt(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
            return Optional.of(new Attempt(basicUsername(authorization.substring(BASIC.length()))));
        }
        if ("POST".equals(request.getMethod())
                && "/login"
                        .equals(request.getRequestURI()
                                .substring(request.getContextPath().length()))) {
            return Optional.of(new Attempt(request.getParameter("username")));
        }
        return Optional.empty();
    }

    private static String basicUsername(String encoded) {
        try {
            String decoded = new String(Base64.getDecoder().decode(encoded.strip()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : decoded.substring(0, colon);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }
}
