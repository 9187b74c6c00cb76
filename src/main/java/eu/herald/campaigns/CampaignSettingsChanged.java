package eu.herald.campaigns;

import eu.herald.common.Actor;
import eu.herald.common.AuditableEvent;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An admin changed a campaign theme or a fatigue cap. */
public record CampaignSettingsChanged(
        Actor actor, String what, String subjectId, Map<String, Object> before, Map<String, Object> after)
        implements AuditableEvent {

    @Override
    public String action() {
        return "campaigns.settings." + what;
    }

    @Override
    public @Nullable UUID organisationId() {
        return null;
    }

    @Override
    public String subjectType() {
        return what.startsWith("theme") ? "theme" : "fatigue_cap";
    }
}
