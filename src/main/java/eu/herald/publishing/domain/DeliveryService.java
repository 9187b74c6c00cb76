package eu.herald.publishing.domain;

import com.github.kagkarlsson.scheduler.Scheduler;
import eu.herald.accounts.Access;
import eu.herald.accounts.OrganisationId;
import eu.herald.accounts.OrganisationSummary;
import eu.herald.accounts.Role;
import eu.herald.campaigns.CampaignDirectory;
import eu.herald.campaigns.CampaignId;
import eu.herald.campaigns.MessageId;
import eu.herald.campaigns.VariantFacts;
import eu.herald.campaigns.VariantId;
import eu.herald.channels.ChannelAccount;
import eu.herald.channels.ChannelAccountId;
import eu.herald.channels.ChannelGateway;
import eu.herald.common.Actor;
import eu.herald.common.NotFoundException;
import eu.herald.common.RefusedException;
import eu.herald.publishing.DeliveryChanged;
import eu.herald.publishing.DeliveryId;
import eu.herald.publishing.DeliveryStatus;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Scheduling, reading, cancelling and retrying deliveries, with the current user's reach checked on each. */
@Service
public class DeliveryService {

    /** A time this close to now (or in the last minutes, e.g. "this minute" in a form) means "now". */
    static final Duration PAST_GRACE = Duration.ofMinutes(5);

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Role[] READERS = {Role.COMMUNICATOR, Role.APPROVER, Role.ANALYST, Role.ADMIN};

    private final Deliveries deliveries;
    private final CampaignDirectory directory;
    private final ChannelGateway gateway;
    private final Access access;
    private final Scheduler scheduler;
    private final ApplicationEventPublisher events;
    private final Clock clock = Clock.systemUTC();

    DeliveryService(
            Deliveries deliveries,
            CampaignDirectory directory,
            ChannelGateway gateway,
            Access access,
            Scheduler scheduler,
            ApplicationEventPublisher events) {
        this.deliveries = deliveries;
        this.directory = directory;
        this.gateway = gateway;
        this.access = access;
        this.scheduler = scheduler;
        this.events = events;
    }

    /**
     * Schedules an approved variant on a channel account at {@code at}: the message takes its place in the fatigue
     * budget, and db-scheduler will run the delivery then, on any node.
     */
    @Transactional
    public Delivery schedule(VariantId variantId, ChannelAccountId accountId, Instant at) {
        VariantFacts variant = directory.variant(variantId).orElseThrow(() -> new NotFoundException("variant"));
        requireWriter(variant.organisation());
        if (!variant.approved()) {
            throw new RefusedException("publishing.error.notApproved");
        }
        ChannelAccount account = gateway.account(accountId)
                .filter(a -> canWrite(a.organisation()))
                .orElseThrow(() -> new NotFoundException("channelAccount"));
        if (!account.active()) {
            throw new RefusedException("publishing.error.accountNotActive", account.name());
        }
        if (!account.type().publishes(variant.channel())) {
            throw new RefusedException("publishing.error.channelMismatch", account.name());
        }
        Instant now = clock.instant();
        if (at.isBefore(now.minus(PAST_GRACE))) {
            throw new RefusedException("publishing.error.inThePast");
        }
        Instant when = at.isBefore(now) ? now : at;
        directory.reserve(variantId, when);
        return create(variant, account, when, Actor.current().userId());
    }

    /** Creates the delivery and its execution in the caller's transaction; no reach check (callers check). */
    Delivery create(VariantFacts variant, ChannelAccount account, Instant when, @Nullable UUID by) {
        Instant now = clock.instant();
        String organisationName = access.organisation(variant.organisation())
                .map(o -> o.name(variant.language()))
                .orElse("");
        Delivery delivery = new Delivery(
                DeliveryId.random(),
                variant.id(),
                variant.message(),
                variant.campaign(),
                variant.organisation(),
                organisationName,
                account.id(),
                account.name(),
                account.type().name(),
                variant.channel(),
                variant.language(),
                variant.messageTitle(),
                when,
                when,
                DeliveryStatus.SCHEDULED,
                idempotencyKey(),
                0,
                0,
                false,
                null,
                null,
                null,
                null,
                null,
                false,
                by,
                now,
                now,
                null);
        try {
            deliveries.insert(delivery);
        } catch (DuplicateKeyException e) {
            throw new RefusedException("publishing.error.duplicate", account.name());
        }
        scheduler.schedule(
                PublishingScheduler.DELIVERY.instance(delivery.id().toString()).build(), when);
        events.publishEvent(new DeliveryChanged(
                Actor.current(),
                DeliveryChanged.Change.CREATED,
                delivery.id(),
                delivery.organisation().value(),
                Map.of(),
                delivery.summary()));
        return delivery;
    }

    /** 128 random bits, URL-safe: Mastodon takes any string as its Idempotency-Key. */
    static String idempotencyKey() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return "herald-" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Transactional(readOnly = true)
    public Delivery get(DeliveryId id) {
        return deliveries
                .find(id)
                .filter(d -> canRead(d.organisation()))
                .orElseThrow(() -> new NotFoundException("delivery"));
    }

    @Transactional(readOnly = true)
    public List<Attempt> attempts(DeliveryId id) {
        get(id);
        return deliveries.attempts(id);
    }

    /** What the deliveries list shows. */
    public record Query(
            @Nullable OrganisationId organisation,
            @Nullable DeliveryStatus status,
            @Nullable MessageId message,
            @Nullable CampaignId campaign,
            boolean stuckOnly) {}

    @Transactional(readOnly = true)
    public List<Delivery> list(Query query) {
        Set<UUID> reach = readable();
        if (query.organisation() != null) {
            reach.retainAll(Set.of(query.organisation().value()));
        }
        return deliveries.list(new Deliveries.Filter(
                reach, query.status(), query.message(), query.campaign(), query.stuckOnly(), 500));
    }

    /** The organisations whose deliveries the current user may read, in tree order. */
    public List<OrganisationSummary> organisations() {
        Map<OrganisationId, OrganisationSummary> all = new java.util.LinkedHashMap<>();
        for (Role role : READERS) {
            access.reachable(role).forEach(o -> all.putIfAbsent(o.id(), o));
        }
        return List.copyOf(all.values());
    }

    @Transactional
    public Delivery cancel(DeliveryId id) {
        Delivery before = get(id);
        requireWriter(before.organisation());
        if (!deliveries.cancel(id, clock.instant())) {
            throw new RefusedException("publishing.error.notCancellable");
        }
        Delivery after = deliveries.find(id).orElseThrow();
        events.publishEvent(new DeliveryChanged(
                Actor.current(),
                DeliveryChanged.Change.CANCELLED,
                id,
                before.organisation().value(),
                before.summary(),
                after.summary()));
        return after;
    }

    /** FAILED → SCHEDULED now, with the same idempotency key (so the platform still recognises a duplicate). */
    @Transactional
    public Delivery retry(DeliveryId id) {
        Delivery before = get(id);
        requireWriter(before.organisation());
        Instant now = clock.instant();
        if (!deliveries.retry(id, now)) {
            throw new RefusedException("publishing.error.notRetryable");
        }
        // the failed run's execution is normally gone; if it is still being completed, move it to now instead
        if (!scheduler.scheduleIfNotExists(
                PublishingScheduler.DELIVERY.instance(id.toString()).build(), now)) {
            scheduler.reschedule(PublishingScheduler.DELIVERY.instanceId(id.toString()), now);
        }
        Delivery after = deliveries.find(id).orElseThrow();
        events.publishEvent(new DeliveryChanged(
                Actor.current(),
                DeliveryChanged.Change.RETRIED,
                id,
                before.organisation().value(),
                before.summary(),
                after.summary()));
        return after;
    }

    /** A variant of the message with the organisation's active accounts that publish its channel. */
    public record VariantChoice(VariantFacts variant, List<ChannelAccount> accounts) {}

    /** What the "schedule on channels" page offers for a message. */
    public record Choices(
            MessageId message,
            String title,
            boolean approved,
            @Nullable Instant scheduledAt,
            List<VariantChoice> variants) {}

    @Transactional(readOnly = true)
    public Choices choices(MessageId message) {
        List<VariantFacts> variants = directory.variants(message);
        if (variants.isEmpty() || !canRead(variants.getFirst().organisation())) {
            throw new NotFoundException("message");
        }
        VariantFacts first = variants.getFirst();
        requireWriter(first.organisation());
        List<ChannelAccount> accounts = gateway.accounts(first.organisation()).stream()
                .filter(ChannelAccount::active)
                .toList();
        List<VariantChoice> choices = variants.stream()
                .map(v -> new VariantChoice(
                        v,
                        accounts.stream()
                                .filter(a -> a.type().publishes(v.channel()))
                                .toList()))
                .toList();
        return new Choices(message, first.messageTitle(), first.approved(), first.scheduledAt(), choices);
    }

    public boolean canWrite(OrganisationId organisation) {
        return access.currentUserCan(Role.COMMUNICATOR, organisation)
                || access.currentUserCan(Role.APPROVER, organisation);
    }

    private boolean canRead(OrganisationId organisation) {
        for (Role role : READERS) {
            if (access.currentUserCan(role, organisation)) {
                return true;
            }
        }
        return false;
    }

    private void requireWriter(OrganisationId organisation) {
        if (!canRead(organisation)) {
            throw new NotFoundException("delivery");
        }
        if (!canWrite(organisation)) {
            throw new AccessDeniedException("neither communicator nor approver of the organisation");
        }
    }

    private Set<UUID> readable() {
        Set<UUID> ids = new LinkedHashSet<>();
        organisations().forEach(o -> ids.add(o.id().value()));
        return ids;
    }
}
