package eu.herald.campaigns.domain;

import eu.herald.accounts.Access;
import eu.herald.accounts.Role;
import eu.herald.audiences.Audiences;
import eu.herald.campaigns.CampaignId;
import eu.herald.campaigns.MediaFile;
import eu.herald.campaigns.MessageChanged;
import eu.herald.campaigns.MessageChanged.Change;
import eu.herald.campaigns.MessageId;
import eu.herald.campaigns.MessageStatus;
import eu.herald.campaigns.VariantId;
import eu.herald.common.Actor;
import eu.herald.common.Channel;
import eu.herald.common.ImageFiles;
import eu.herald.common.Language;
import eu.herald.common.NotFoundException;
import eu.herald.common.RefusedException;
import eu.herald.guardrails.Draft;
import eu.herald.guardrails.Guardrails;
import eu.herald.guardrails.Media;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Composes messages and moves them through four-eyes approval: a communicator writes the master text and its
 * variants, submits; an approver who is not the author approves (only when every variant passes the guardrails and
 * every required language is there) or requests changes; then the message is scheduled within the fatigue budget.
 */
@Service
public class MessageService {

    private final Messages messages;
    private final CampaignService campaigns;
    private final Access access;
    private final Audiences audiences;
    private final Guardrails guardrails;
    private final FatigueBudget fatigue;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    MessageService(
            Messages messages,
            CampaignService campaigns,
            Access access,
            Audiences audiences,
            Guardrails guardrails,
            FatigueBudget fatigue,
            ApplicationEventPublisher events,
            Optional<Clock> clock) {
        this.messages = messages;
        this.campaigns = campaigns;
        this.access = access;
        this.audiences = audiences;
        this.guardrails = guardrails;
        this.fatigue = fatigue;
        this.events = events;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    @Transactional
    public Message create(CampaignId campaignId, String title, String masterText) {
        Campaign campaign = campaigns.getForWriting(campaignId);
        Actor actor = Actor.current();
        Message message = new Message(
                MessageId.random(),
                campaign.id(),
                title.trim(),
                masterText.trim(),
                MessageStatus.DRAFT,
                actor.userId(),
                actor.name(),
                null,
                null,
                null,
                false,
                null,
                null,
                1,
                0);
        messages.insert(message);
        publish(Change.CREATED, message, campaign, Map.of(), Map.of("title", message.title()));
        return message;
    }

    @Transactional(readOnly = true)
    public List<Message> ofCampaign(CampaignId campaign) {
        campaigns.get(campaign);
        return messages.ofCampaign(campaign);
    }

    @Transactional(readOnly = true)
    public MessageView view(MessageId id) {
        Message message = messages.find(id).orElseThrow(() -> new NotFoundException("message"));
        Campaign campaign = campaigns.get(message.campaign());
        List<MessageView.CheckedVariant> checked = messages.variants(id).stream()
                .map(v -> new MessageView.CheckedVariant(
                        v,
                        guardrails.check(
                                new Draft(v.body(), v.channel(), v.language(), v.media(), campaign.organisation()))))
                .toList();
        Set<Language> required = new TreeSet<>(audiences.requiredLanguages(campaign.areas(), campaign.organisation()));
        Map<Channel, Set<Language>> missing = new EnumMap<>(Channel.class);
        Set<Channel> channels = new LinkedHashSet<>();
        checked.forEach(v -> channels.add(v.variant().channel()));
        for (Channel channel : channels) {
            Set<Language> present = new TreeSet<>();
            checked.stream()
                    .filter(v -> v.variant().channel() == channel)
                    .forEach(v -> present.add(v.variant().language()));
            Set<Language> lacking = new TreeSet<>(required);
            lacking.removeAll(present);
            missing.put(channel, lacking);
        }
        return new MessageView(message, campaign, checked, required, missing, messages.comments(id));
    }

    @Transactional
    public Message edit(MessageId id, int version, String title, String masterText) {
        Message before = writable(id);
        Message after = messages.update(withVersion(before.edited(title.trim(), masterText.trim()), version));
        publish(
                Change.EDITED,
                after,
                campaign(after),
                Map.of("status", before.status().name()),
                Map.of("title", after.title(), "status", after.status().name(), "revision", after.revision()));
        return after;
    }

    @Transactional
    public Message saveVariant(
            MessageId id,
            int version,
            Channel channel,
            Language language,
            String body,
            List<Media> media,
            List<String> mediaNames) {
        Message before = writable(id);
        if (body.isBlank()) {
            throw new RefusedException("variant.error.empty");
        }
        messages.saveVariant(
                new Variant(VariantId.random(), id, channel, language, body.strip(), media, mediaNames, List.of(), 0));
        Message after = messages.update(withVersion(before.edited(before.title(), before.masterText()), version));
        publish(
                Change.VARIANT_SAVED,
                after,
                campaign(after),
                Map.of("status", before.status().name()),
                Map.of(
                        "channel",
                        channel.name(),
                        "language",
                        language.code(),
                        "status",
                        after.status().name()));
        return after;
    }

    @Transactional
    public Message removeVariant(MessageId id, int version, VariantId variantId) {
        Message before = writable(id);
        Variant variant = messages.variant(variantId)
                .filter(v -> v.message().equals(id))
                .orElseThrow(() -> new NotFoundException("variant"));
        messages.removeVariant(variantId);
        Message after = messages.update(withVersion(before.edited(before.title(), before.masterText()), version));
        publish(
                Change.VARIANT_REMOVED,
                after,
                campaign(after),
                Map.of(
                        "channel",
                        variant.channel().name(),
                        "language",
                        variant.language().code()),
                Map.of());
        return after;
    }

    /** The largest image a communicator may upload for a variant. */
    public static final long MAX_IMAGE_BYTES = 5L * 1024 * 1024;

    /** At most this many uploaded images per variant (what Mastodon, Bluesky and X take in one post). */
    public static final int MAX_IMAGES = 4;

    /**
     * Uploads an image for a variant: PNG or JPEG checked from its bytes, at most 5 MB, with alt text (accessibility
     * is a guardrail). Like any change to a variant, it sends an approved or scheduled message back to review.
     */
    @Transactional
    public Message uploadImage(
            MessageId id, int version, VariantId variantId, @Nullable String fileName, byte[] bytes, String altText) {
        Message before = writable(id);
        Variant variant = variantOf(id, variantId);
        if (altText.isBlank()) {
            throw new RefusedException("media.error.altText");
        }
        if (altText.strip().length() > 1500) {
            throw new RefusedException("media.error.altTextTooLong", 1500);
        }
        if (variant.uploads().size() >= MAX_IMAGES) {
            throw new RefusedException("media.error.tooMany", MAX_IMAGES);
        }
        ImageFiles.Image image = ImageFiles.inspect(fileName, bytes, MAX_IMAGE_BYTES);
        UUID media = messages.addUpload(
                variantId, image, altText.strip(), Actor.current().userId());
        Message after = messages.update(withVersion(before.edited(before.title(), before.masterText()), version));
        Map<String, Object> details = new java.util.LinkedHashMap<>();
        details.put("variant", variantId.toString());
        details.put("media", media.toString());
        details.put("fileName", image.fileName());
        details.put("contentType", image.contentType());
        details.put("sizeBytes", image.content().length);
        details.put("sha256", image.sha256());
        details.put("status", after.status().name());
        publish(
                Change.IMAGE_UPLOADED,
                after,
                campaign(after),
                Map.of("status", before.status().name()),
                details);
        return after;
    }

    /** Removes an uploaded image (or a described medium) of a variant; back to review as any change. */
    @Transactional
    public Message removeMedium(MessageId id, int version, VariantId variantId, UUID media) {
        Message before = writable(id);
        Variant variant = variantOf(id, variantId);
        int index = variant.uploads().stream()
                .filter(u -> u.mediaId().equals(media))
                .mapToInt(Variant.Upload::index)
                .findFirst()
                .orElseThrow(() -> new NotFoundException("media"));
        String name = variant.mediaNames().get(index);
        if (!messages.removeMedium(variantId, media)) {
            throw new NotFoundException("media");
        }
        Message after = messages.update(withVersion(before.edited(before.title(), before.masterText()), version));
        publish(
                Change.IMAGE_REMOVED,
                after,
                campaign(after),
                Map.of("variant", variantId.toString(), "media", media.toString(), "fileName", name),
                Map.of("status", after.status().name()));
        return after;
    }

    /** An uploaded image of a variant, for whoever may read the campaign; NotFound otherwise. */
    @Transactional(readOnly = true)
    public MediaFile image(MessageId id, VariantId variantId, UUID media) {
        Message message = messages.find(id).orElseThrow(() -> new NotFoundException("message"));
        campaigns.get(message.campaign());
        variantOf(id, variantId);
        return messages.file(variantId, media).orElseThrow(() -> new NotFoundException("media"));
    }

    private Variant variantOf(MessageId id, VariantId variantId) {
        return messages.variant(variantId)
                .filter(v -> v.message().equals(id))
                .orElseThrow(() -> new NotFoundException("variant"));
    }

    @Transactional
    public Message submit(MessageId id, int version) {
        Message before = writable(id);
        if (messages.variants(id).isEmpty()) {
            throw new RefusedException("message.error.noVariants");
        }
        Message after = messages.update(withVersion(before.submitted(), version));
        publish(
                Change.SUBMITTED,
                after,
                campaign(after),
                Map.of("status", before.status().name()),
                Map.of("status", after.status().name()));
        return after;
    }

    /** Approves a message in review: four eyes, no blocking finding, every required language present. */
    @Transactional
    public Message approve(MessageId id, int version) {
        MessageView view = view(id);
        requireApprover(view.campaign());
        if (view.variants().stream().anyMatch(v -> v.check().blocks())) {
            throw new RefusedException("message.error.blockingFindings");
        }
        String missing = missingDescription(view);
        if (!missing.isEmpty()) {
            throw new RefusedException("message.error.missingLanguages", missing);
        }
        if (view.variants().isEmpty()) {
            throw new RefusedException("message.error.noVariants");
        }
        Message before = view.message();
        Message after =
                messages.update(withVersion(before.approvedBy(Actor.current().userId(), clock.instant()), version));
        publish(
                Change.APPROVED,
                after,
                view.campaign(),
                Map.of("status", before.status().name()),
                Map.of("status", after.status().name(), "revision", after.revision()));
        return after;
    }

    @Transactional
    public Message requestChanges(MessageId id, int version, String reason) {
        MessageView view = view(id);
        requireApprover(view.campaign());
        if (reason.isBlank()) {
            throw new RefusedException("message.error.reasonRequired");
        }
        Message before = view.message();
        Message after = messages.update(
                withVersion(before.changesRequestedBy(Actor.current().userId()), version));
        addComment(after, reason);
        publish(
                Change.CHANGES_REQUESTED,
                after,
                view.campaign(),
                Map.of("status", before.status().name()),
                Map.of("status", after.status().name(), "reason", reason.strip()));
        return after;
    }

    /**
     * Schedules an approved message within the campaign's period and the fatigue budget. Beyond a cap, only an
     * approver with a written reason may schedule (the override is audited).
     */
    @Transactional
    public Message schedule(MessageId id, int version, Instant at, @Nullable String overrideReason) {
        Message before = messages.find(id).orElseThrow(() -> new NotFoundException("message"));
        Campaign campaign = campaigns.get(before.campaign());
        requireWriterOrApprover(campaign);
        boolean approver = access.currentUserCan(Role.APPROVER, campaign.organisation());
        if (!at.isAfter(clock.instant())) {
            throw new RefusedException("schedule.error.past");
        }
        LocalDate day = at.atZone(FatigueBudget.BRUSSELS).toLocalDate();
        if (day.isBefore(campaign.startsOn()) || day.isAfter(campaign.endsOn())) {
            throw new RefusedException("schedule.error.outsidePeriod", campaign.startsOn(), campaign.endsOn());
        }
        Message scheduled = withVersion(before.scheduledAt(at), version);
        fatigue.lock();
        List<FatigueBudget.Conflict> conflicts = fatigue.conflicts(id, campaign.audiences(), campaign.areas(), at);
        boolean overriding = !conflicts.isEmpty();
        if (overriding) {
            if (overrideReason == null || overrideReason.isBlank()) {
                throw new FatigueBudgetExceeded(conflicts);
            }
            if (!approver) {
                throw new RefusedException("schedule.error.overrideNeedsApprover");
            }
            if (overrideReason.strip().length() < 10) {
                throw new RefusedException("schedule.error.reasonTooShort");
            }
        }
        Message after = messages.update(scheduled);
        Map<String, Object> details = new java.util.LinkedHashMap<>();
        details.put("status", after.status().name());
        details.put("at", at.toString());
        publish(
                Change.SCHEDULED,
                after,
                campaign,
                Map.of("status", before.status().name()),
                details);
        if (overriding) {
            messages.recordOverride(id, Actor.current().userId(), overrideReason.strip());
            publish(
                    Change.FATIGUE_OVERRIDDEN,
                    after,
                    campaign,
                    Map.of(),
                    Map.of(
                            "reason", overrideReason.strip(),
                            "conflicts",
                                    conflicts.stream()
                                            .map(c -> c.audience() + "/" + c.area())
                                            .toList()));
        }
        return after;
    }

    @Transactional
    public Message unschedule(MessageId id, int version) {
        Message before = messages.find(id).orElseThrow(() -> new NotFoundException("message"));
        Campaign campaign = campaigns.get(before.campaign());
        requireWriterOrApprover(campaign);
        Message after = messages.update(withVersion(before.unscheduled(), version));
        publish(Change.UNSCHEDULED, after, campaign, Map.of("at", String.valueOf(before.scheduledAt())), Map.of());
        return after;
    }

    @Transactional
    public void comment(MessageId id, String body) {
        Message message = messages.find(id).orElseThrow(() -> new NotFoundException("message"));
        Campaign campaign = campaigns.get(message.campaign());
        requireWriterOrApprover(campaign);
        if (body.isBlank() || body.length() > 4000) {
            throw new RefusedException("comment.error.length");
        }
        addComment(message, body);
        publish(Change.COMMENTED, message, campaign, Map.of(), Map.of("comment", body.strip()));
    }

    /** Messages waiting for the current user's approval: in review, in their reach, written by someone else. */
    @Transactional(readOnly = true)
    public List<Message> approvalQueue() {
        UUID me = Actor.current().userId();
        List<UUID> organisations = access.reachable(Role.APPROVER).stream()
                .map(o -> o.id().value())
                .toList();
        return messages.inReview(organisations).stream()
                .filter(m -> !m.authorId().equals(me))
                .toList();
    }

    private void addComment(Message message, String body) {
        Actor actor = Actor.current();
        messages.comment(
                message.id(),
                new Comment(UUID.randomUUID(), actor.userId(), actor.name(), body.strip(), clock.instant()));
    }

    private Message writable(MessageId id) {
        Message message = messages.find(id).orElseThrow(() -> new NotFoundException("message"));
        campaigns.getForWriting(message.campaign());
        return message;
    }

    private Campaign campaign(Message message) {
        return campaigns.get(message.campaign());
    }

    /** Scheduling and commenting are for the organisation's communicators and approvers. */
    private void requireWriterOrApprover(Campaign campaign) {
        if (!access.currentUserCan(Role.APPROVER, campaign.organisation())
                && !access.currentUserCan(Role.COMMUNICATOR, campaign.organisation())) {
            throw new AccessDeniedException("neither communicator nor approver of the campaign's organisation");
        }
    }

    private void requireApprover(Campaign campaign) {
        if (!access.currentUserCan(Role.APPROVER, campaign.organisation())) {
            throw new AccessDeniedException("not an approver of the campaign's organisation");
        }
    }

    private static String missingDescription(MessageView view) {
        List<String> parts = new ArrayList<>();
        view.missingLanguages().forEach((channel, languages) -> {
            if (!languages.isEmpty()) {
                parts.add(channel.name() + ": "
                        + String.join(
                                ", ", languages.stream().map(Language::code).toList()));
            }
        });
        return String.join("; ", parts);
    }

    private static Message withVersion(Message m, int version) {
        return new Message(
                m.id(),
                m.campaign(),
                m.title(),
                m.masterText(),
                m.status(),
                m.authorId(),
                m.authorName(),
                m.approverId(),
                m.approvedAt(),
                m.scheduledAt(),
                m.template(),
                m.templateId(),
                m.templateRevision(),
                m.revision(),
                version);
    }

    private void publish(
            Change change, Message message, Campaign campaign, Map<String, Object> before, Map<String, Object> after) {
        events.publishEvent(new MessageChanged(
                Actor.current(),
                change,
                message.id(),
                campaign.id(),
                campaign.organisation().value(),
                message.status(),
                before,
                after));
    }
}
