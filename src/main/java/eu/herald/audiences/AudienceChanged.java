package eu.herald.audiences;

import eu.herald.common.Actor;
import eu.herald.common.AuditableEvent;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An audience of the catalogue was added, renamed, deactivated or reactivated. */
public record AudienceChanged(
        Actor actor, Change change, AudienceId audience, Map<String, Object> before, Map<String, Object> after)
        implements AuditableEvent {

    public enum Change {
        CREATED,
        RENAMED,
        DEACTIVATED,
        REACTIVATED
    }

    @Override
    public String action() {
        return "audiences.audience." + change.name().toLowerCase(Locale.ROOT);
    }

    /** The catalogue is national reference data: it belongs to no one organisation. */
    @Override
    public @Nullable UUID organisationId() {
        return null;
    }

    @Override
    public String subjectType() {
        return "audience";
    }

    @Override
    public String subjectId() {
        return audience.toString();
    }
}
