package eu.herald.channels.connectors.support;

import eu.herald.channels.ChannelAccountId;
import eu.herald.channels.connectors.RateLimitObserver;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The headers in which a platform announces its rate limit: the calls left and when the window resets (epoch seconds,
 * as X and Bluesky give it, or an ISO-8601 time, as Mastodon does). Each list is tried in order; the first header
 * present counts.
 */
public record RateLimitHeaders(List<String> remaining, List<String> reset) {

    /** {@code X-RateLimit-*} (Mastodon, webhook receivers) and X's {@code x-rate-limit-*}. */
    public static final RateLimitHeaders X_RATE_LIMIT = new RateLimitHeaders(
            List.of("X-RateLimit-Remaining", "x-rate-limit-remaining"),
            List.of("X-RateLimit-Reset", "x-rate-limit-reset"));

    /** The IETF draft's {@code RateLimit-*} without the {@code X-} (Bluesky). */
    public static final RateLimitHeaders RATE_LIMIT =
            new RateLimitHeaders(List.of("RateLimit-Remaining"), List.of("RateLimit-Reset"));

    public RateLimitHeaders {
        remaining = List.copyOf(remaining);
        reset = List.copyOf(reset);
    }

    /** The calls left, if the platform said so with a number. */
    public @Nullable Long remaining(PlatformResponse response) {
        String value = first(response, remaining);
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** When the window resets, if the platform said so in epoch seconds or as an ISO-8601 time. */
    public @Nullable Instant reset(PlatformResponse response) {
        String value = first(response, reset);
        if (value == null) {
            return null;
        }
        String v = value.strip();
        try {
            return Instant.ofEpochSecond(Long.parseLong(v));
        } catch (NumberFormatException notEpoch) {
            try {
                return OffsetDateTime.parse(v).toInstant();
            } catch (DateTimeParseException notIso) {
                return null;
            }
        }
    }

    /** The wait until the reset (never negative), or null without one. */
    public @Nullable Duration untilReset(PlatformResponse response, Instant now) {
        Instant at = reset(response);
        if (at == null) {
            return null;
        }
        Duration wait = Duration.between(now, at);
        return wait.isNegative() ? Duration.ZERO : wait;
    }

    /** Tells {@code observer} what the answer says of the account's rate limit, if it says anything. */
    public void report(RateLimitObserver observer, ChannelAccountId account, PlatformResponse response) {
        Long left = remaining(response);
        Instant at = reset(response);
        if (left != null || at != null) {
            observer.observed(account, left, at);
        }
    }

    private static @Nullable String first(PlatformResponse response, List<String> names) {
        for (String name : names) {
            String value = response.header(name);
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
