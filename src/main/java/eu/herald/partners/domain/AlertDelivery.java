package eu.herald.partners.domain;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What happened to an alert's email for one coordinator. */
public record AlertDelivery(
        UUID userId,
        String displayName,
        String email,
        Status status,
        int attempts,
        @Nullable Instant attemptedAt) {

    public enum Status {
        PENDING,
        SENT,
        FAILED,
        NOT_CONFIGURED
    }
}
