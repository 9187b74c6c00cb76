package eu.herald.audit.internal;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What the audit page filters on; every part optional. */
public record AuditFilter(
        @Nullable String who,
        @Nullable String what,
        @Nullable LocalDate from,
        @Nullable LocalDate to,
        @Nullable UUID organisation) {}
