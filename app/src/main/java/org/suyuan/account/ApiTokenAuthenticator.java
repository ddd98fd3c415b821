package org.suyuan.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import org.suyuan.db.account.ApiToken;
import org.suyuan.db.account.ApiTokenRepository;
import org.suyuan.db.account.UserAccountRepository;

/**
 * Finds the user behind a bearer token's secret. Cheap by design (one indexed lookup of the token's SHA-256,
 * remembered for ten seconds) so that phones and integrators can post many events without a password hash per
 * request. A token counts until the first of: its expiry, {@code suyuan.security.tokens.max-lifetime} after its
 * creation, its revocation. Revoking forgets what this instance remembered at once; another instance may still
 * accept the token for the rest of its ten seconds.
 */
@Component
class ApiTokenAuthenticator {

    private static final Duration REMEMBER_FOR = Duration.ofSeconds(10);
    private static final int REMEMBER_AT_MOST = 10_000;

    private final ApiTokenRepository tokens;
    private final UserAccountRepository users;
    private final TokenProperties properties;
    private final Clock clock;
    private final Map<String, Recent> recentlyAuthenticated = new ConcurrentHashMap<>();

    ApiTokenAuthenticator(
            ApiTokenRepository tokens, UserAccountRepository users, TokenProperties properties, Clock clock) {
        this.tokens = tokens;
        this.users = users;
        this.properties = properties;
        this.clock = clock;
    }

    Optional<SuyuanUserDetails> authenticate(String secret) {
        String tokenHash = ApiTokens.hashOf(secret);
        Instant now = clock.instant();
        Recent recent = recentlyAuthenticated.get(tokenHash);
        if (recent != null && now.isBefore(recent.until())) {
            return Optional.of(recent.user());
        }
        Optional<ApiToken> token = tokens.findByTokenHash(tokenHash).filter(found -> valid(found, now));
        Optional<SuyuanUserDetails> user = token.flatMap(found -> users.findById(found.getUserId()))
                .map(SuyuanUserDetails::new)
                .filter(SuyuanUserDetails::isEnabled);
        user.ifPresent(authenticated -> remember(tokenHash, authenticated, token.get(), now));
        return user;
    }

    /** When the token stops working unless revoked first: its own expiry, or the maximum lifetime, if sooner. */
    Instant effectiveExpiry(ApiToken token) {
        Instant bound = token.getCreatedAt().plus(properties.maxLifetime());
        return token.getExpiresAt() == null || token.getExpiresAt().isAfter(bound) ? bound : token.getExpiresAt();
    }

    /** Forgets the remembered tokens of a user: after a revocation or a password change. */
    void forgetUser(long userId) {
        recentlyAuthenticated.values().removeIf(recent -> recent.user().user().id() == userId);
    }

    private boolean valid(ApiToken token, Instant now) {
        return token.getRevokedAt() == null && effectiveExpiry(token).isAfter(now);
    }

    /**
     * A phone or integrator posting many events sends the same token again and again; remembering it for a few
     * seconds spares two queries per request. Never beyond the token's own expiry.
     */
    private void remember(String tokenHash, SuyuanUserDetails user, ApiToken token, Instant now) {
        Instant until = now.plus(REMEMBER_FOR);
        Instant expiry = effectiveExpiry(token);
        if (expiry.isBefore(until)) {
            until = expiry;
        }
        if (recentlyAuthenticated.size() >= REMEMBER_AT_MOST) {
            recentlyAuthenticated.clear();
        }
        recentlyAuthenticated.put(tokenHash, new Recent(user, until));
    }

    private record Recent(SuyuanUserDetails user, Instant until) {}
}
