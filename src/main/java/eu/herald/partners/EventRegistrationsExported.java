package eu.herald.partners;

import eu.herald.common.Actor;
import eu.herald.common.AuditableEvent;
import java.util.Map;
import java.util.UUID;

/**
 * An organiser downloaded the list of an event's registrants (personal data leaving Herald): who, which event, how
 * many rows and in what format — never the names themselves.
 */
public record EventRegistrationsExported(Actor actor, UUID event, UUID organisationId, int rows, String format)
        implements AuditableEvent {

    @Override
    public String action() {
        return "partners.event.registrations-exported";
    }

    @Override
    public String subjectType() {
        return "partner-event";
    }

    @Override
    public String subjectId() {
        return event.toString();
    }

    @Override
    public Map<String, Object> after() {
        return Map.of("rows", rows, "format", format);
    }
}
