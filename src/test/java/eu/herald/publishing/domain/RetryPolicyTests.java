package eu.herald.publishing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryPolicyTests {

    private final Instant now = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void waitsGrowExponentiallyWithFullJitterWithinTheirBounds() {
        RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(10), 2.0, 1.0, Duration.ofHours(1), 5);
        for (int i = 0; i < 200; i++) {
            // base 10 s, 20 s, 40 s; full jitter draws from 0 to twice the base
            assertThat(Duration.between(now, policy.next(now, 1, null)))
                    .isBetween(Duration.ZERO, Duration.ofSeconds(20));
            assertThat(Duration.between(now, policy.next(now, 3, null)))
                    .isBetween(Duration.ZERO, Duration.ofSeconds(80));
        }
    }

    @Test
    void jitterSpreadsTheWaits() {
        RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(10), 2.0, 1.0, Duration.ofHours(1), 5);
        long distinct = java.util.stream.IntStream.range(0, 50)
                .mapToObj(i -> policy.next(now, 2, null))
                .distinct()
                .count();
        assertThat(distinct).isGreaterThan(10);
    }

    @Test
    void neverRetriesBeforeThePlatformsRetryAfter() {
        RetryPolicy policy = new RetryPolicy(Duration.ofMillis(100), 2.0, 1.0, Duration.ofHours(1), 5);
        for (int i = 0; i < 100; i++) {
            assertThat(policy.next(now, 1, Duration.ofSeconds(30))).isAfterOrEqualTo(now.plusSeconds(30));
        }
    }

    @Test
    void theWaitIsCappedAtTheMaximum() {
        RetryPolicy policy = new RetryPolicy(Duration.ofMinutes(10), 10.0, 1.0, Duration.ofMinutes(30), 10);
        assertThat(policy.next(now, 8, null)).isBeforeOrEqualTo(now.plus(Duration.ofMinutes(30)));
    }

    @Test
    void theAttemptBudgetEndsRetries() {
        RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(1), 2.0, 1.0, Duration.ofMinutes(1), 3);
        assertThat(policy.allowsAnother(2)).isTrue();
        assertThat(policy.allowsAnother(3)).isFalse();
        assertThatThrownBy(() -> new RetryPolicy(Duration.ofSeconds(1), 2.0, 1.0, Duration.ofMinutes(1), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
