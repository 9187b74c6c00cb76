package eu.herald.publishing;

import eu.herald.accounts.OrganisationId;
import eu.herald.campaigns.CampaignId;
import eu.herald.campaigns.MessageId;
import eu.herald.campaigns.VariantId;
import eu.herald.channels.ChannelAccountId;
import eu.herald.common.Language;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A delivery went live: which post on which account carries which variant. The inbox uses it to give reactions
 * their thread context; analytics to fetch metrics. Published after the delivery's commit.
 */
public record PostPublished(
        DeliveryId delivery,
        ChannelAccountId account,
        String externalId,
        @Nullable String url,
        VariantId variant,
        MessageId message,
        CampaignId campaign,
        OrganisationId organisation,
        Language language,
        String text,
        Instant publishedAt) {}
