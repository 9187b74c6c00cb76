package eu.herald.campaigns;

import eu.herald.common.Channel;
import java.util.List;
import java.util.Optional;

/** Read-only facts about campaigns for other modules, without reach checks (callers check reach themselves). */
public interface CampaignDirectory {

    Optional<CampaignFacts> facts(CampaignId id);

    /** The channel of a variant of one of the campaign's messages; empty if the variant is not the campaign's. */
    Optional<Channel> variantChannel(CampaignId campaign, VariantId variant);

    /** Every variant of every message of the campaign (messages in creation order, then channel and language). */
    List<VariantText> variants(CampaignId campaign);
}
