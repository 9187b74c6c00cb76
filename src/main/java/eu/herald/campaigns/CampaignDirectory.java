package eu.herald.campaigns;

import java.util.Optional;

/** Read-only facts about campaigns for other modules, without reach checks (callers check reach themselves). */
public interface CampaignDirectory {

    Optional<CampaignFacts> facts(CampaignId id);
}
