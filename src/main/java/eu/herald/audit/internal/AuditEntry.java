package eu.herald.audit.internal;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One recorded change. {@code before} and {@code after} are JSON summaries. */
public record AuditEntry(
        long id,
        Instant occurredAt,
        @Nullable UUID actorId,
        String actorName,
        @Nullable UUID organisationId,
        String action,
        String subjectType,
        @Nullable String subjectId,
        String before,
        String after) {}
