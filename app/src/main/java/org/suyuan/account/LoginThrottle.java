package org.suyuan.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins per account and per client network over a sliding window, and says when the next attempt
 * must be refused and for how long. In memory, per instance: a failure costs the attacker a password hash on the
 * instance that counted it, and that cost is what the throttle bounds (several instances allow proportionally more,
 * which the README states).
 */
@Component
class LoginThrottle {

    /** More keys than this and the ones with no failure inside the window are dropped. */
    private static final int PRUNE_ABOVE = 50_000;

    private final LoginProperties properties;
    private final Clock clock;
    private final Map<String, Failures> accounts = new ConcurrentHashMap<>();
    private final Map<String, Failures> networks = new ConcurrentHashMap<>();

    LoginThrottle(LoginProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * How long to refuse an attempt on this account (may be null: a bearer token names none) from this network, or
     * nothing when it may go ahead.
     */
    Optional<Duration> refusal(String username, String network) {
        Instant now = clock.instant();
        Optional<Duration> account = username == null
                ? Optional.empty()
                : lockedFor(accounts.get(accountKey(username)), properties.maxFailuresPerAccount(), now);
        Optional<Duration> place = network == null
                ? Optional.empty()
                : lockedFor(networks.get(network), properties.maxFailuresPerNetwork(), now);
        if (account.isPresent() && place.isPresent()) {
            return account.get().compareTo(place.get()) >= 0 ? account : place;
        }
        return account.isPresent() ? account : place;
    }

    /**
     * Counts a failed attempt.
     *
     * @return whether this failure throttles the account or the network from now on (the moment worth an audit
     *     entry; later refusals are not counted again)
     */
    boolean failed(String username, String network) {
        Instant now = clock.instant();
        prune(now);
        boolean throttled = false;
        if (username != null) {
            throttled |= accounts.computeIfAbsent(accountKey(username), key -> new Failures())
                    .add(now, properties.maxFailuresPerAccount(), properties.window());
        }
        if (network != null) {
            throttled |= networks.computeIfAbsent(network, key -> new Failures())
                    .add(now, properties.maxFailuresPerNetwork(), properties.window());
        }
        return throttled;
    }

    /** A correct password: the account's failures are forgotten (the network's are not). */
    void succeeded(String username) {
        accounts.remove(accountKey(username));
    }

    private Optional<Duration> lockedFor(Failures failures, int max, Instant now) {
        return failures == null ? Optional.empty() : failures.lockedFor(now, max, properties.window());
    }

    private static String accountKey(String username) {
        String key = username.strip().toLowerCase(Locale.ROOT);
        return key.length() > 100 ? key.substring(0, 100) : key;
    }

    private void prune(Instant now) {
        if (accounts.size() + networks.size() <= PRUNE_ABOVE) {
            return;
        }
        accounts.values().removeIf(failures -> failures.expired(now, properties.window()));
        networks.values().removeIf(failures -> failures.expired(now, properties.window()));
    }

    /** The times of the latest failures of one key, at most as many as it takes to throttle it. */
    private static final class Failures {

        private final ArrayDeque<Instant> times = new ArrayDeque<>();

        synchronized Optional<Duration> lockedFor(Instant now, int max, Duration window) {
            forgetBefore(now.minus(window));
            if (times.size() < max) {
                return Optional.empty();
            }
            Duration left = Duration.between(now, times.peekFirst().plus(window));
            return Optional.of(left.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : left);
        }

        synchronized boolean add(Instant now, int max, Duration window) {
            forgetBefore(now.minus(window));
            times.addLast(now);
            while (times.size() > max) {
                times.removeFirst();
            }
            return times.size() == max;
        }

        synchronized boolean expired(Instant now, Duration window) {
            forgetBefore(now.minus(window));
            return times.isEmpty();
        }

        private void forgetBefore(Instant start) {
            while (!times.isEmpty() && !times.peekFirst().isAfter(start)) {
                times.removeFirst();
            }
        }
    }
}
