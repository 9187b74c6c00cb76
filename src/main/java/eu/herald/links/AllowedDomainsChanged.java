package eu.herald.links;

import eu.herald.common.Actor;
import eu.herald.common.AuditableEvent;
import java.util.Map;
import java.util.UUID;

/** An organisation's allow-list of link domains was changed. */
public record AllowedDomainsChanged(
        Actor actor, UUID organisationId, Map<String, Object> before, Map<String, Object> after)
        implements AuditableEvent {

    @Override
    public String action() {
        return "links.domains.changed";
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
