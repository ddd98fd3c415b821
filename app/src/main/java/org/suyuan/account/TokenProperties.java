package org.suyuan.account;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code suyuan.security.tokens.*}: how long bearer tokens live. A token is refused after its own expiry, after
 * {@code maxLifetime} from its creation whatever expiry it was given (tokens from before this bound included), once
 * revoked, and once its owner changes the password.
 *
 * @param defaultLifetime the lifetime of a token issued without {@code validDays}
 * @param maxLifetime the longest lifetime a token may be issued with, and the age at which any token stops working
 */
@ConfigurationProperties("suyuan.security.tokens")
public record TokenProperties(
        @DefaultValue("30d") Duration defaultLifetime,
        @DefaultValue("90d") Duration maxLifetime) {

    public TokenProperties {
        if (defaultLifetime.compareTo(maxLifetime) > 0) {
            throw new IllegalArgumentException(
                    "suyuan.security.tokens.default-lifetime must not exceed suyuan.security.tokens.max-lifetime");
        }
    }
}
