package eu.herald.campaigns.domain;

import eu.herald.campaigns.CampaignDirectory;
import eu.herald.campaigns.CampaignFacts;
import eu.herald.campaigns.CampaignId;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Answers other modules' questions about campaigns from the campaigns' own tables. */
@Service
class CampaignDirectoryService implements CampaignDirectory {

    private final Campaigns campaigns;

    CampaignDirectoryService(Campaigns campaigns) {
        this.campaigns = campaigns;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<CampaignFacts> facts(CampaignId id) {
        return campaigns.find(id).map(c -> new CampaignFacts(c.id(), c.organisation(), c.title(), c.endsOn()));
    }
}
