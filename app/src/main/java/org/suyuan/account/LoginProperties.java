package org.suyuan.account;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code suyuan.security.login.*}: how many failed sign-ins are allowed before further attempts are refused (429)
 * without checking the password, counted per account and per client network (IPv4 /24, IPv6 /48) over a sliding
 * window. Form login, HTTP Basic and bearer tokens all count; a success clears the account's count.
 *
 * @param maxFailuresPerAccount failed attempts on one username within the window before it is throttled
 * @param maxFailuresPerNetwork failed attempts from one network within the window before it is throttled (higher:
 *     a school or a mobile carrier's gateway puts many people behind one network)
 * @param window how far back failures count; a throttled account or network is free again once its oldest counted
 *     failure is this old
 * @param concurrentPasswordChecks password hashes (Argon2, about 0.4 s of CPU each) checked at once; 0 means one per
 *     processor. Attempts beyond wait their turn and are throttled then, if failures arrived meanwhile
 */
@Validated
@ConfigurationProperties("suyuan.security.login")
public record LoginProperties(
        @DefaultValue("5") @Min(1) int maxFailuresPerAccount,
        @DefaultValue("30") @Min(1) int maxFailuresPerNetwork,
        @DefaultValue("15m") Duration window,
        @DefaultValue("0") @Min(0) int concurrentPasswordChecks) {

    int passwordCheckPermits() {
        return concurrentPasswordChecks > 0
                ? concurrentPasswordChecks
                : Math.max(1, Runtime.getRuntime().availableProcessors());
    }
}
