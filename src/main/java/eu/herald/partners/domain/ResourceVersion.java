package eu.herald.partners.domain;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One version in a resource's history (without its file's bytes). */
public record ResourceVersion(
        int number,
        String title,
        @Nullable String fileName,
        @Nullable String mediaType,
        long sizeBytes,
        String note,
        Instant changedAt) {}
