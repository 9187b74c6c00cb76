package eu.herald.channels.connectors.feed;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A published feed entry. */
record FeedEntry(
        UUID id,
        UUID accountId,
        String idempotencyKey,
        String title,
        String text,
        @Nullable String link,
        String language,
        @Nullable String theme,
        List<String> audiences,
        Instant publishedAt) {}
