package eu.herald.channels.connectors;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What a platform says about an account: who it is there, until when its token works, and how much of its rate
 * limit is left (from headers such as {@code x-ratelimit-remaining} / {@code x-rate-limit-reset}).
 */
public record Health(
        @Nullable String handle,
        @Nullable String profileUrl,
        @Nullable Instant tokenExpiresAt,
        @Nullable Long rateLimitRemaining,
        @Nullable Instant rateLimitResetAt) {}
