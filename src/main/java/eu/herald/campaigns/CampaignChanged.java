package eu.herald.campaigns;

import eu.herald.common.Actor;
import eu.herald.common.AuditableEvent;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** A campaign was created or edited, or effort was logged on it. */
public record CampaignChanged(
        Actor actor,
        Change change,
        CampaignId campaign,
        UUID organisationId,
        Map<String, Object> before,
        Map<String, Object> after)
        implements AuditableEvent {

    public enum Change {
        CREATED,
        UPDATED,
        EFFORT_LOGGED
    }

    @Override
    public String action() {
        return "campaigns.campaign." + change.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String subjectType() {
        return "campaign";
    }

    @Override
    public String subjectId() {
        return campaign.toString();
    }
}
