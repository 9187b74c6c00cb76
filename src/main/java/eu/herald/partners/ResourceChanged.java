package eu.herald.partners;

import eu.herald.common.Actor;
import eu.herald.common.AuditableEvent;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** A toolbox resource was added, got a new version, or was shared differently. */
public record ResourceChanged(
        Actor actor,
        Change change,
        ResourceId resource,
        UUID organisationId,
        Map<String, Object> before,
        Map<String, Object> after)
        implements AuditableEvent {

    public enum Change {
        CREATED,
        NEW_VERSION,
        SHARED
    }

    @Override
    public String action() {
        return "partners.resource." + change.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @Override
    public String subjectType() {
        return "toolbox-resource";
    }

    @Override
    public String subjectId() {
        return resource.toString();
    }
}
