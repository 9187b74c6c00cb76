package eu.herald.partners;

import eu.herald.common.Actor;
import eu.herald.common.AuditableEvent;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** An urgent partner alert was sent to groups' coordinators, sent again to those it failed for, or unpinned. */
public record PartnerAlertChanged(
        Actor actor,
        Change change,
        UUID alert,
        UUID organisationId,
        Map<String, Object> before,
        Map<String, Object> after)
        implements AuditableEvent {

    public enum Change {
        SENT,
        RESENT,
        UNPINNED
    }

    @Override
    public String action() {
        return "partners.alert." + change.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String subjectType() {
        return "partner-alert";
    }

    @Override
    public String subjectId() {
        return alert.toString();
    }
}
