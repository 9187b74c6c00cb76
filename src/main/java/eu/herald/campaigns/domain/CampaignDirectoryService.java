package eu.herald.campaigns.domain;

import eu.herald.accounts.UserId;
import eu.herald.audiences.Audiences;
import eu.herald.campaigns.CampaignDirectory;
import eu.herald.campaigns.CampaignFacts;
import eu.herald.campaigns.CampaignId;
import eu.herald.campaigns.MediaFile;
import eu.herald.campaigns.MessageStatus;
import eu.herald.campaigns.VariantFacts;
import eu.herald.campaigns.VariantId;
import eu.herald.campaigns.VariantText;
import eu.herald.common.Channel;
import eu.herald.common.NotFoundException;
import eu.herald.common.RefusedException;
import eu.herald.common.Slugs;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Answers other modules' questions about campaigns from the campaigns' own tables. */
@Service
class CampaignDirectoryService implements CampaignDirectory {

    private final Campaigns campaigns;
    private final Messages messages;
    private final MessageService messageService;
    private final FatigueBudget fatigue;
    private final Audiences audiences;
    private final Clock clock;

    CampaignDirectoryService(
            Campaigns campaigns,
            Messages messages,
            MessageService messageService,
            FatigueBudget fatigue,
            Audiences audiences) {
        this.campaigns = campaigns;
        this.messages = messages;
        this.messageService = messageService;
        this.fatigue = fatigue;
        this.audiences = audiences;
        this.clock = Clock.systemUTC();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<MediaFile> image(VariantId id) {
        return messages.firstImage(id);
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
    public Optional<VariantFacts> variant(VariantId id) {
        return messages.variant(id)
                .flatMap(variant -> messages.find(variant.message())
                        .flatMap(message -> campaigns.find(message.campaign()).map(campaign -> {
                            List<VariantFacts.MediaFacts> media = new ArrayList<>();
                            for (int i = 0; i < variant.media().size(); i++) {
                                media.add(new VariantFacts.MediaFacts(
                                        variant.media().get(i).kind().name(),
                                        variant.mediaNames().get(i),
                                        variant.media().get(i).altText()));
                            }
                            String theme = campaigns
                                    .theme(campaign.themeId())
                                    .map(t -> t.name(variant.language()))
                                    .orElse("");
                            List<String> audienceNames = campaign.audiences().stream()
                                    .flatMap(a -> audiences.audience(a).stream())
                                    .map(a -> a.name(variant.language()))
                                    .toList();
                            return new VariantFacts(
                                    variant.id(),
                                    message.id(),
                                    campaign.id(),
                                    campaign.organisation(),
                                    variant.channel(),
                                    variant.language(),
                                    variant.body(),
                                    media,
                                    message.status(),
                                    message.scheduledAt(),
                                    message.title(),
                                    campaign.title(),
                                    Slugs.of(campaign.title()),
                                    theme,
                                    audienceNames,
                                    new UserId(message.authorId()),
                                    message.approverId() == null ? null : new UserId(message.approverId()));
                        })));
    }

    @Override
    @Transactional(readOnly = true)
    public List<VariantFacts> variants(eu.herald.campaigns.MessageId message) {
        return messages.variants(message).stream()
                .flatMap(v -> variant(v.id()).stream())
                .toList();
    }

    @Override
    @Transactional
    public void reserve(VariantId id, Instant at) {
        Variant variant = messages.variant(id).orElseThrow(() -> new NotFoundException("variant"));
        Message message = messages.find(variant.message()).orElseThrow(() -> new NotFoundException("message"));
        switch (message.status()) {
            case SCHEDULED -> {
                // already has its place in the budget
            }
            case APPROVED -> messageService.schedule(message.id(), message.version(), at, null);
            default -> throw new RefusedException("message.error.notApproved");
        }
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<String> sendRefusal(VariantId id) {
        Optional<Variant> variant = messages.variant(id);
        if (variant.isEmpty()) {
            return Optional.of("send.refusal.gone");
        }
        Message message = messages.find(variant.get().message()).orElseThrow();
        if (message.status() != MessageStatus.APPROVED && message.status() != MessageStatus.SCHEDULED) {
            return Optional.of("send.refusal.notApproved");
        }
        Campaign campaign = campaigns.find(message.campaign()).orElseThrow();
        Instant at = message.scheduledAt() != null ? message.scheduledAt() : clock.instant();
        boolean over = !fatigue.conflicts(message.id(), campaign.audiences(), campaign.areas(), at)
                .isEmpty();
        Instant approvedAt = message.approvedAt() != null ? message.approvedAt() : Instant.EPOCH;
        if (over && !messages.overriddenSince(message.id(), approvedAt)) {
            return Optional.of("send.refusal.fatigue");
        }
        return Optional.empty();
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
