package eu.herald.accounts.domain;

import eu.herald.accounts.UserId;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A personal access token as listed to its owner: never the token itself, only a hint of its end. */
public record ApiToken(
        UUID id,
        UserId user,
        String name,
        String hint,
        Instant createdAt,
        @Nullable Instant expiresAt,
        @Nullable Instant lastUsedAt,
        @Nullable Instant revokedAt) {

    public boolean usableAt(Instant now) {
        return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
    }
}
