package eu.herald.publishing.domain;

import eu.herald.campaigns.CampaignDirectory;
import eu.herald.campaigns.MediaFile;
import eu.herald.campaigns.VariantFacts;
import eu.herald.channels.ChannelAccount;
import eu.herald.channels.ChannelGateway;
import eu.herald.channels.ConnectorException;
import eu.herald.channels.Post;
import eu.herald.channels.Published;
import eu.herald.common.Actor;
import eu.herald.publishing.DeliveryChanged;
import eu.herald.publishing.DeliveryId;
import eu.herald.publishing.PostPublished;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs one delivery at its time, called by db-scheduler on whichever node picked it. The order is what makes it
 * exactly-once:
 *
 * <ol>
 *   <li>If the previous send's outcome is unknown (a timeout, an unreadable answer, or a node that died while the
 *       delivery was SENDING), look the post up first: found → PUBLISHED, no second post; the connector cannot look
 *       up → FAILED visibly rather than risk a duplicate.
 *   <li>Ask campaigns again whether the variant may go out now (approval and fatigue budget): no → FAILED with why.
 *   <li>Claim the send — SENDING, one more attempt, "look it up next time" — in its own committed transaction, so a
 *       crash from here on is seen by the next run as an unknown outcome.
 *   <li>Call the platform with no database transaction open, then record the outcome in one transaction.
 * </ol>
 *
 * The result is when to run again (a retry, a lookup) or empty when the delivery has reached its end.
 */
public class DeliveryEngine {

    static final String CANNOT_LOOK_UP = "publishing.error.cannotLookUp";
    static final String ACCOUNT_UNAVAILABLE = "publishing.error.accountUnavailable";
    static final String VARIANT_GONE = "publishing.error.variantGone";

    private static final Logger log = LoggerFactory.getLogger(DeliveryEngine.class);

    private final Deliveries deliveries;
    private final TransactionTemplate tx;
    private final ChannelGateway gateway;
    private final CampaignDirectory directory;
    private final ApplicationEventPublisher events;
    private final DeliveryNotices notices;
    private final RetryPolicy retries;
    private final String node;
    private final Clock clock;

    DeliveryEngine(
            Deliveries deliveries,
            TransactionTemplate tx,
            ChannelGateway gateway,
            CampaignDirectory directory,
            ApplicationEventPublisher events,
            DeliveryNotices notices,
            RetryPolicy retries,
            String node,
            Clock clock) {
        this.deliveries = deliveries;
        this.tx = tx;
        this.gateway = gateway;
        this.directory = directory;
        this.events = events;
        this.notices = notices;
        this.retries = retries;
        this.node = node;
        this.clock = clock;
    }

    /** Runs the delivery; returns when to run it again, or empty when it has ended (or was never live). */
    public Optional<Instant> run(DeliveryId id) {
        Delivery delivery = deliveries.find(id).orElse(null);
        if (delivery == null || !delivery.status().live()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (delivery.nextAttemptAt().isAfter(now.plusSeconds(1))) {
            return Optional.of(delivery.nextAttemptAt());
        }
        VariantFacts variant = directory.variant(delivery.variant()).orElse(null);
        if (variant == null) {
            return refuse(delivery, VARIANT_GONE, now);
        }
        ChannelAccount account = gateway.account(delivery.account()).orElse(null);
        if (account == null || !account.active()) {
            return refuse(delivery, ACCOUNT_UNAVAILABLE, now);
        }
        Post post = post(delivery, variant, directory.image(delivery.variant()));
        // A SENDING delivery found here was claimed by a run that never recorded its outcome: its node died.
        if (delivery.lookupPending() || delivery.status() == eu.herald.publishing.DeliveryStatus.SENDING) {
            Optional<Instant> afterLookup = lookUp(delivery, variant, post);
            if (afterLookup != null) {
                return afterLookup;
            }
            delivery = deliveries.find(id).orElseThrow();
        }
        if (!retries.allowsAnother(delivery.attemptsInRound())) {
            String last = delivery.lastError() != null ? delivery.lastError() : "";
            return fail(delivery, variant, last, null, null, clock.instant());
        }
        Optional<String> refusal = directory.sendRefusal(delivery.variant());
        if (refusal.isPresent()) {
            return refuse(delivery, refusal.get(), clock.instant());
        }
        Instant started = clock.instant();
        Claim claim = tx.execute(status -> deliveries
                .claimSend(id, started)
                .map(number -> new Claim(number, deliveries.startAttempt(id, Attempt.Kind.SEND, number, started, node)))
                .orElse(null));
        if (claim == null) {
            return Optional.empty();
        }
        Delivery claimed = delivery;
        try {
            Published published = gateway.publish(delivery.account(), post);
            return published(claimed, variant, published, claim.attempt(), Attempt.Outcome.PUBLISHED);
        } catch (ConnectorException.Transient e) {
            Instant now2 = clock.instant();
            int inRound = claim.number() - claimed.retryBase();
            if (!retries.allowsAnother(inRound)) {
                return fail(claimed, variant, e.explanation(), claim.attempt(), Attempt.Outcome.TRANSIENT, now2);
            }
            Instant next = retries.next(now2, inRound, e.retryAfter());
            return later(claimed, claim.attempt(), Attempt.Outcome.TRANSIENT, e.explanation(), next, false, now2);
        } catch (ConnectorException.Permanent e) {
            return fail(claimed, variant, e.explanation(), claim.attempt(), Attempt.Outcome.PERMANENT, clock.instant());
        } catch (ConnectorException.UnknownOutcome e) {
            Instant now2 = clock.instant();
            // Whatever the budget, the next run looks the post up before deciding anything.
            Instant next = retries.next(now2, 1, null);
            return later(claimed, claim.attempt(), Attempt.Outcome.UNKNOWN, e.explanation(), next, true, now2);
        }
    }

    private record Claim(int number, long attempt) {}

    /** The channel cannot search its posts: the delivery fails visibly rather than risk a second post. */
    private Optional<Instant> cannotLookUp(Delivery delivery, VariantFacts variant, Instant started) {
        Instant now = clock.instant();
        tx.executeWithoutResult(status -> deliveries.recordAttempt(
                delivery.id(),
                Attempt.Kind.LOOKUP,
                Attempt.Outcome.CANNOT_LOOK_UP,
                CANNOT_LOOK_UP,
                started,
                now,
                node));
        return fail(delivery, variant, null, CANNOT_LOOK_UP, now);
    }

    /** Null: not found, carry on with a new send; otherwise the run's result. */
    private @Nullable Optional<Instant> lookUp(Delivery delivery, VariantFacts variant, Post post) {
        Instant started = clock.instant();
        Optional<Published> found;
        if (!gateway.canLookUp(delivery.account())) {
            return cannotLookUp(delivery, variant, started);
        }
        try {
            found = gateway.find(delivery.account(), post);
        } catch (UnsupportedOperationException e) {
            return cannotLookUp(delivery, variant, started);
        } catch (ConnectorException.Permanent e) {
            long attempt = tx.execute(
                    status -> deliveries.startAttempt(delivery.id(), Attempt.Kind.LOOKUP, null, started, node));
            return fail(delivery, variant, e.explanation(), attempt, Attempt.Outcome.PERMANENT, clock.instant());
        } catch (ConnectorException e) {
            Instant now = clock.instant();
            Attempt.Outcome outcome =
                    e instanceof ConnectorException.Transient ? Attempt.Outcome.TRANSIENT : Attempt.Outcome.UNKNOWN;
            Duration retryAfter = e instanceof ConnectorException.Transient t ? t.retryAfter() : null;
            long attempt = tx.execute(
                    status -> deliveries.startAttempt(delivery.id(), Attempt.Kind.LOOKUP, null, started, node));
            // a failed look-up spends the budget too, so a platform that never answers cannot keep it waiting forever
            int inRound = tx.execute(status -> deliveries.countAttempt(delivery.id())) - delivery.retryBase();
            if (!retries.allowsAnother(inRound)) {
                return fail(delivery, variant, e.explanation(), attempt, outcome, now);
            }
            Instant next = retries.next(now, Math.max(1, inRound), retryAfter);
            return later(delivery, attempt, outcome, e.explanation(), next, true, now);
        }
        long attempt =
                tx.execute(status -> deliveries.startAttempt(delivery.id(), Attempt.Kind.LOOKUP, null, started, node));
        if (found.isPresent()) {
            return published(delivery, variant, found.get(), attempt, Attempt.Outcome.FOUND);
        }
        Instant now = clock.instant();
        boolean live = Boolean.TRUE.equals(tx.execute(status -> {
            deliveries.finishAttempt(attempt, Attempt.Outcome.NOT_FOUND, null, null, now);
            return deliveries.markNotFound(delivery.id(), now);
        }));
        return live ? null : Optional.empty();
    }

    private Optional<Instant> published(
            Delivery delivery, VariantFacts variant, Published published, long attempt, Attempt.Outcome outcome) {
        Instant now = clock.instant();
        tx.executeWithoutResult(status -> {
            deliveries.finishAttempt(attempt, outcome, null, null, now);
            if (deliveries.markPublished(delivery.id(), published.externalId(), published.url(), now)) {
                Delivery after = deliveries.find(delivery.id()).orElseThrow();
                events.publishEvent(new DeliveryChanged(
                        Actor.SYSTEM,
                        DeliveryChanged.Change.PUBLISHED,
                        delivery.id(),
                        delivery.organisation().value(),
                        delivery.summary(),
                        after.summary()));
                events.publishEvent(new PostPublished(
                        delivery.id(),
                        delivery.account(),
                        published.externalId(),
                        published.url(),
                        variant.id(),
                        variant.message(),
                        variant.campaign(),
                        variant.organisation(),
                        variant.language(),
                        variant.text(),
                        now));
            }
        });
        return Optional.empty();
    }

    private Optional<Instant> later(
            Delivery delivery,
            long attempt,
            Attempt.Outcome outcome,
            String explanation,
            Instant next,
            boolean lookupPending,
            Instant now) {
        tx.executeWithoutResult(status -> {
            deliveries.finishAttempt(attempt, outcome, explanation, null, now);
            deliveries.markRetryLater(delivery.id(), next, explanation, lookupPending, now);
        });
        return Optional.of(next);
    }

    /** Herald, not the platform, ends the delivery: recorded as a check with the reason's message key. */
    private Optional<Instant> refuse(Delivery delivery, String reasonKey, Instant now) {
        VariantFacts variant = directory.variant(delivery.variant()).orElse(null);
        tx.executeWithoutResult(status -> deliveries.recordAttempt(
                delivery.id(), Attempt.Kind.CHECK, Attempt.Outcome.REFUSED, reasonKey, now, now, node));
        return fail(delivery, variant, null, reasonKey, now);
    }

    private Optional<Instant> fail(
            Delivery delivery,
            @Nullable VariantFacts variant,
            String explanation,
            @Nullable Long attempt,
            Attempt.@Nullable Outcome outcome,
            Instant now) {
        tx.executeWithoutResult(status -> {
            if (attempt != null && outcome != null) {
                deliveries.finishAttempt(attempt, outcome, explanation, null, now);
            }
            failed(delivery, variant, explanation, null, now);
        });
        return Optional.empty();
    }

    private Optional<Instant> fail(
            Delivery delivery,
            @Nullable VariantFacts variant,
            @Nullable String explanation,
            String reasonKey,
            Instant now) {
        tx.executeWithoutResult(status -> failed(delivery, variant, explanation, reasonKey, now));
        return Optional.empty();
    }

    private void failed(
            Delivery delivery,
            @Nullable VariantFacts variant,
            @Nullable String explanation,
            @Nullable String reasonKey,
            Instant now) {
        if (!deliveries.markFailed(delivery.id(), explanation, reasonKey, now)) {
            return;
        }
        Delivery after = deliveries.find(delivery.id()).orElseThrow();
        log.info("Delivery {} failed after {} attempt(s)", delivery.id(), after.attempts());
        events.publishEvent(new DeliveryChanged(
                Actor.SYSTEM,
                DeliveryChanged.Change.FAILED,
                delivery.id(),
                delivery.organisation().value(),
                delivery.summary(),
                after.summary()));
        notices.failed(after, variant);
    }

    /**
     * The post as the platform receives it, with the variant's uploaded image (its first; PNG or JPEG with its alt
     * text) as an attachment for the connectors that upload media. Media only described are named in the context.
     */
    static Post post(Delivery delivery, VariantFacts variant, Optional<MediaFile> image) {
        Map<String, String> context = new LinkedHashMap<>();
        context.put("campaign", variant.campaignTitle());
        context.put("campaignSlug", variant.campaignSlug());
        context.put("theme", variant.theme());
        context.put("audiences", String.join(", ", variant.audiences()));
        context.put("organisationName", delivery.organisationName());
        if (!variant.media().isEmpty()) {
            context.put(
                    "media",
                    variant.media().stream()
                            .map(m ->
                                    m.kind() + ": " + m.name() + (m.altText() == null ? "" : " (" + m.altText() + ")"))
                            .collect(Collectors.joining("; ")));
        }
        return new Post(
                delivery.idempotencyKey(),
                variant.text(),
                variant.language(),
                variant.messageTitle(),
                null,
                image.map(f -> new Post.Attachment(f.fileName(), f.contentType(), f.content(), f.altText())).stream()
                        .toList(),
                context);
    }
}
