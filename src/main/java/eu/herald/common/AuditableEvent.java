package eu.herald.common;

import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A past-tense domain event that belongs in the audit trail. Every module's state changes implement it; the audit
 * module records each one after the change commits.
 */
public interface AuditableEvent {

    /** Who made the change. */
    Actor actor();

    /** A stable, dotted action name, e.g. {@code accounts.user.invited}. */
    String action();

    /** The organisation the change belongs to, if any. */
    @Nullable
    UUID organisationId();

    /** What was changed: a type and id, e.g. {@code user} and its id. */
    String subjectType();

    @Nullable
    String subjectId();

    /** A summary of the state before the change (empty for a creation). Nothing secret. */
    default Map<String, Object> before() {
        return Map.of();
    }

    /** A summary of the state after the change (empty for a removal). Nothing secret. */
    default Map<String, Object> after() {
        return Map.of();
    }
}
