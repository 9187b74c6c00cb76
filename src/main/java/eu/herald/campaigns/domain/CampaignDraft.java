package eu.herald.campaigns.domain;

import eu.herald.accounts.OrganisationId;
import eu.herald.audiences.AudienceId;
import eu.herald.common.Channel;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What a communicator filled in for a campaign. */
public record CampaignDraft(
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
        List<Channel> channels) {}
