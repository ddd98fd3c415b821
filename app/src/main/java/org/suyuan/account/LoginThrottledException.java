package org.suyuan.account;

import java.time.Duration;
import org.springframework.security.authentication.AccountStatusException;

/** A sign-in refused without checking the password: too many failures for this account or network lately. */
final class LoginThrottledException extends AccountStatusException {

    private final transient Duration retryAfter;

    LoginThrottledException(Duration retryAfter) {
        super("Too many failed sign-ins; retry after " + retryAfter.toSeconds() + " s");
        this.retryAfter = retryAfter;
    }

    Duration retryAfter() {
        return retryAfter;
    }
}
