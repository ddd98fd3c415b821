package org.suyuan.anchoring;

import java.time.Duration;
import java.util.Objects;

/**
 * Exponential back-off between attempts to anchor one prepared root: the initial wait after the first failure,
 * doubling with every further failure, never more than the maximum.
 */
record RetryBackoff(Duration initial, Duration maximum) {

    RetryBackoff {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(maximum, "maximum");
        if (initial.isNegative() || initial.isZero() || maximum.compareTo(initial) < 0) {
            throw new IllegalArgumentException(
                    "Back-off needs 0 < initial <= maximum, got " + initial + " and " + maximum);
        }
    }

    /** The wait after the given number of failed attempts (1 for the first failure). */
    Duration after(int failedAttempts) {
        if (failedAttempts < 1) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failedAttempts - 1, 30);
        Duration wait = initial.multipliedBy(1L << doublings);
        return wait.compareTo(maximum) > 0 ? maximum : wait;
    }
}
