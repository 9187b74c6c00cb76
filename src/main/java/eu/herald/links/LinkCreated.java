package eu.herald.links;

import eu.herald.common.Actor;
import eu.herald.common.AuditableEvent;
import java.util.Map;
import java.util.UUID;

/** A tracked short link was created. */
public record LinkCreated(Actor actor, String code, UUID organisationId, Map<String, Object> after)
        implements AuditableEvent {

    @Override
    public String action() {
        return "links.link.created";
    }

    @Override
    public String subjectType() {
        return "link";
    }

    @Override
    public String subjectId() {
        return code;
    }
}
