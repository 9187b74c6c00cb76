package eu.herald.campaigns.domain;

import eu.herald.accounts.OrganisationId;
import eu.herald.audiences.AudienceId;
import eu.herald.campaigns.CampaignId;
import eu.herald.common.Channel;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A prevention campaign of one organisation, for some audiences in some areas over a period. */
public record Campaign(
        CampaignId id,
        OrganisationId organisation,
        String title,
        UUID themeId,
        String objective,
        @Nullable String targetMetric,
        @Nullable BigDecimal targetValue,
        LocalDate startsOn,
        LocalDate endsOn,
        long budgetCents,
        List<String> areas,
        List<AudienceId> audiences,
        List<Channel> channels,
        UUID createdBy,
        int version) {

    public Campaign {
        areas = List.copyOf(areas);
        audiences = List.copyOf(audiences);
        channels = List.copyOf(channels);
    }

    Map<String, Object> auditSummary() {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("title", title);
        summary.put("theme", themeId.toString());
        summary.put("objective", objective);
        if (targetMetric != null) {
            summary.put("target", targetMetric + " " + targetValue);
        }
        summary.put("period", startsOn + "/" + endsOn);
        summary.put("budgetCents", budgetCents);
        summary.put("areas", areas);
        summary.put("audiences", audiences.stream().map(AudienceId::toString).toList());
        summary.put("channels", channels.stream().map(Channel::name).toList());
        return summary;
    }
}
