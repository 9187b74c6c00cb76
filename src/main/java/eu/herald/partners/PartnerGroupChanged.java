package eu.herald.partners;

import eu.herald.common.Actor;
import eu.herald.common.AuditableEvent;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** A partner group was created or renamed, or its members changed. */
public record PartnerGroupChanged(
        Actor actor,
        Change change,
        GroupId group,
        UUID organisationId,
        Map<String, Object> before,
        Map<String, Object> after)
        implements AuditableEvent {

    public enum Change {
        CREATED,
        UPDATED,
        MEMBER_SET,
        MEMBER_REMOVED
    }

    @Override
    public String action() {
        return "partners.group." + change.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String subjectType() {
        return "partner-group";
    }

    @Override
    public String subjectId() {
        return group.toString();
    }
}
