package eu.herald.partners;

import eu.herald.common.Actor;
import eu.herald.common.AuditableEvent;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** A question was asked, answered, an answer accepted, or a post hidden by a coordinator. */
public record QuestionChanged(
        Actor actor,
        Change change,
        UUID question,
        UUID organisationId,
        Map<String, Object> before,
        Map<String, Object> after)
        implements AuditableEvent {

    public enum Change {
        ASKED,
        ANSWERED,
        ACCEPTED,
        HIDDEN
    }

    @Override
    public String action() {
        return "partners.question." + change.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String subjectType() {
        return "partner-question";
    }

    @Override
    public String subjectId() {
        return question.toString();
    }
}
