package eu.herald.publishing.domain;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One thing the engine did for a delivery: a send, a lookup after an unknown outcome, or the check at send time.
 *
 * @param number the send's number (1, 2, …) for sends; null for lookups and checks
 * @param outcome null while the send is under way (or when its node died during it)
 * @param explanation the platform's own words, or a Herald message key for REFUSED and CANNOT_LOOK_UP
 */
public record Attempt(
        long id,
        Kind kind,
        @Nullable Integer number,
        Instant startedAt,
        @Nullable Instant finishedAt,
        @Nullable Outcome outcome,
        @Nullable String explanation,
        @Nullable Integer httpStatus,
        String node) {

    public enum Kind {
        SEND,
        LOOKUP,
        CHECK
    }

    public enum Outcome {
        PUBLISHED,
        TRANSIENT,
        PERMANENT,
        UNKNOWN,
        FOUND,
        NOT_FOUND,
        CANNOT_LOOK_UP,
        REFUSED;

        /** Whether the explanation is a Herald message key rather than a platform's words. */
        public boolean heraldReason() {
            return this == REFUSED || this == CANNOT_LOOK_UP;
        }
    }
}
