package eu.herald.channels;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** What a platform reports about one post; a figure the platform does not give is null. */
public record PostMetrics(
        String externalId,
        Instant measuredAt,
        @Nullable Long impressions,
        @Nullable Long likes,
        @Nullable Long shares,
        @Nullable Long replies,
        @Nullable Long clicks) {}
