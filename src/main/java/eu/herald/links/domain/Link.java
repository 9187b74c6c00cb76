package eu.herald.links.domain;

import eu.herald.campaigns.CampaignId;
import eu.herald.common.Channel;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A tracked short link of a campaign on a channel, perhaps for one variant or one poster location. */
public record Link(
        String code,
        CampaignId campaign,
        UUID organisationId,
        String campaignTitle,
        Channel channel,
        @Nullable UUID variantId,
        @Nullable String location,
        String target,
        String utmQuery,
        Instant createdAt) {}
