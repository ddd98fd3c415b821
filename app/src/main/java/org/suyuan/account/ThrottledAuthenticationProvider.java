package org.suyuan.account;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.suyuan.web.ClientNetworks;

/**
 * Password sign-in (form login and HTTP Basic) behind the login throttle. Password hashes are checked a few at a time
 * (one per processor by default), and each attempt asks the throttle again once its turn comes: a burst of
 * parallel guesses costs as many Argon2 hashes as it takes to reach the limit, and the rest are refused cheaply,
 * while correct passwords in parallel (an integrator's Basic calls) only wait their turn.
 */
@Component
class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private final DaoAuthenticationProvider passwords;
    private final LoginThrottle throttle;
    private final Semaphore checks;
    private final ApplicationEventPublisher events;

    ThrottledAuthenticationProvider(
            UserDetailsService users,
            PasswordEncoder encoder,
            LoginThrottle throttle,
            LoginProperties properties,
            ApplicationEventPublisher events) {
        this.passwords = new DaoAuthenticationProvider(users);
        this.passwords.setPasswordEncoder(encoder);
        this.throttle = throttle;
        this.checks = new Semaphore(properties.passwordCheckPermits(), true);
        this.events = events;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String username = attempt.getName();
        String network = ClientNetworks.of(clientAddress(attempt));
        checks.acquireUninterruptibly();
        try {
            Optional<Duration> refusal = throttle.refusal(username, network);
            if (refusal.isPresent()) {
                throw new LoginThrottledException(refusal.get());
            }
            try {
                Authentication authenticated = passwords.authenticate(attempt);
                throttle.succeeded(username);
                return authenticated;
            } catch (BadCredentialsException wrongPassword) {
                boolean nowThrottled = throttle.failed(username, network);
                events.publishEvent(AccountActivity.signInFailed(username));
                if (nowThrottled) {
                    events.publishEvent(AccountActivity.signInThrottled(username));
                }
                throw wrongPassword;
            }
        } finally {
            checks.release();
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /** Where the attempt came from, as the servlet container settled it (see the trusted proxies). */
    static String clientAddress(Authentication attempt) {
        if (attempt.getDetails() instanceof WebAuthenticationDetails details) {
            return details.getRemoteAddress();
        }
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }
}
