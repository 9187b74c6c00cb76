package eu.herald.campaigns;

import eu.herald.common.Actor;
import eu.herald.common.AuditableEvent;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * A message was created, edited (its text, a variant, an uploaded image), moved through its approval states, commented on, scheduled (possibly over the
 * fatigue budget, with the approver's reason) or unscheduled.
 */
public record MessageChanged(
        Actor actor,
        Change change,
        MessageId message,
        CampaignId campaign,
        UUID organisationId,
        MessageStatus status,
        Map<String, Object> before,
        Map<String, Object> after)
        implements AuditableEvent {

    public enum Change {
        CREATED,
        EDITED,
        VARIANT_SAVED,
        VARIANT_REMOVED,
        IMAGE_UPLOADED,
        IMAGE_REMOVED,
        SUBMITTED,
        APPROVED,
        CHANGES_REQUESTED,
        SCHEDULED,
        FATIGUE_OVERRIDDEN,
        UNSCHEDULED,
        COMMENTED,
        ADOPTED,
        OFFERED_AS_TEMPLATE
    }

    @Override
    public String action() {
        return "campaigns.message." + change.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String subjectType() {
        return "message";
    }

    @Override
    public String subjectId() {
        return message.toString();
    }
}
