package eu.herald.publishing.domain;

import io.github.resilience4j.core.IntervalFunction;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * When to try again after a transient fault: exponential backoff with jitter (resilience4j's
 * {@link IntervalFunction#ofExponentialRandomBackoff}), never earlier than the platform's {@code Retry-After}, and
 * not at all once the attempt budget is spent.
 */
public final class RetryPolicy {

    private final IntervalFunction backoff;
    private final int maxAttempts;

    public RetryPolicy(PublishingProperties properties) {
        this(
                properties.initialBackoff(),
                properties.backoffMultiplier(),
                properties.jitter(),
                properties.maxBackoff(),
                properties.maxAttempts());
    }

    RetryPolicy(Duration initial, double multiplier, double jitter, Duration max, int maxAttempts) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        this.backoff = IntervalFunction.ofExponentialRandomBackoff(initial, multiplier, jitter, max);
        this.maxAttempts = maxAttempts;
    }

    /** Whether another send may follow {@code attemptsInRound} sends since the delivery was created or retried. */
    public boolean allowsAnother(int attemptsInRound) {
        return attemptsInRound < maxAttempts;
    }

    /** When the next attempt may start after the {@code attemptsInRound}-th failed one. */
    public Instant next(Instant now, int attemptsInRound, @Nullable Duration retryAfter) {
        Duration wait = Duration.ofMillis(backoff.apply(Math.max(1, attemptsInRound)));
        if (retryAfter != null && retryAfter.compareTo(wait) > 0) {
            wait = retryAfter;
        }
        return now.plus(wait);
    }

    public int maxAttempts() {
        return maxAttempts;
    }
}
