package eu.herald.campaigns.domain;

import eu.herald.campaigns.CampaignDirectory;
import eu.herald.campaigns.CampaignFacts;
import eu.herald.campaigns.CampaignId;
import eu.herald.campaigns.VariantId;
import eu.herald.campaigns.VariantText;
import eu.herald.common.Channel;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Answers other modules' questions about campaigns from the campaigns' own tables. */
@Service
class CampaignDirectoryService implements CampaignDirectory {

    private final Campaigns campaigns;
    private final Messages messages;

    CampaignDirectoryService(Campaigns campaigns, Messages messages) {
        this.campaigns = campaigns;
        this.messages = messages;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<CampaignFacts> facts(CampaignId id) {
        return campaigns.find(id).map(c -> new CampaignFacts(c.id(), c.organisation(), c.title(), c.endsOn()));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Channel> variantChannel(CampaignId campaign, VariantId variant) {
        return messages.variant(variant)
                .filter(v -> messages.find(v.message())
                        .map(m -> m.campaign().equals(campaign))
                        .orElse(false))
                .map(v -> v.channel());
    }

    @Override
    @Transactional(readOnly = true)
    public List<VariantText> variants(CampaignId campaign) {
        return messages.ofCampaign(campaign).stream()
                .flatMap(m -> messages.variants(m.id()).stream()
                        .map(v -> new VariantText(
                                v.id(), m.id(), m.title(), m.status(), v.channel(), v.language(), v.body())))
                .toList();
    }
}
