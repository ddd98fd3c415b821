package org.suyuan.anchoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryBackoffTests {

    private final RetryBackoff backoff = new RetryBackoff(Duration.ofSeconds(1), Duration.ofSeconds(60));

    @Test
    void doublesTheWaitWithEveryFailureUpToTheMaximum() {
        assertThat(backoff.after(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.after(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.after(6)).isEqualTo(Duration.ofSeconds(32));
        assertThat(backoff.after(7)).isEqualTo(Duration.ofSeconds(60));
        assertThat(backoff.after(10_000)).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void doesNotWaitBeforeAnyFailure() {
        assertThat(backoff.after(0)).isZero();
    }

    @Test
    void refusesAMaximumBelowTheInitialWait() {
        assertThatThrownBy(() -> new RetryBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
