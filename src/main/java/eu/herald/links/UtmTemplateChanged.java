package eu.herald.links;

import eu.herald.common.Actor;
import eu.herald.common.AuditableEvent;
import java.util.Map;
import java.util.UUID;

/** An organisation's campaign-parameter (UTM) template was changed. */
public record UtmTemplateChanged(
        Actor actor, UUID organisationId, Map<String, Object> before, Map<String, Object> after)
        implements AuditableEvent {

    @Override
    public String action() {
        return "links.utm-template.changed";
    }

    @Override
    public String subjectType() {
        return "organisation";
    }

    @Override
    public String subjectId() {
        return organisationId.toString();
    }
}
