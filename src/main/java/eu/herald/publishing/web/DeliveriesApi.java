package eu.herald.publishing.web;

import eu.herald.campaigns.CampaignId;
import eu.herald.campaigns.MessageId;
import eu.herald.campaigns.VariantId;
import eu.herald.channels.ChannelAccountId;
import eu.herald.publishing.DeliveryId;
import eu.herald.publishing.DeliveryStatus;
import eu.herald.publishing.domain.Attempt;
import eu.herald.publishing.domain.Delivery;
import eu.herald.publishing.domain.DeliveryService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Deliveries through the API: schedule a variant on a channel account, read, list, cancel, retry. */
@RestController
@RequestMapping("/api/v1")
@Tag(
        name = "Deliveries",
        description = "Publish approved variants on channel accounts, exactly once, never silently failing")
class DeliveriesApi {

    record DeliveryRequest(
            @NotNull(message = "{form.required}") UUID channelAccountId,
            @NotNull(message = "{form.required}") Instant at) {}

    record AttemptJson(
            String kind,
            @Nullable Integer number,
            Instant startedAt,
            @Nullable Instant finishedAt,
            @Nullable String outcome,
            @Nullable String explanation,
            @Nullable Integer httpStatus) {}

    record DeliveryJson(
            UUID id,
            String status,
            int attempts,
            @Nullable String externalUrl,
            @Nullable String externalId,
            @Nullable String lastError,
            @Nullable String lastErrorCode,
            boolean stuck,
            UUID variantId,
            UUID messageId,
            UUID campaignId,
            UUID organisationId,
            UUID channelAccountId,
            String channelAccountName,
            String channel,
            String language,
            Instant scheduledAt,
            Instant nextAttemptAt,
            @Nullable Instant publishedAt,
            @Nullable List<AttemptJson> history) {}

    private final DeliveryService deliveries;
    private final MessageSource messages;

    DeliveriesApi(DeliveryService deliveries, MessageSource messages) {
        this.deliveries = deliveries;
        this.messages = messages;
    }

    @PostMapping("/variants/{id}/deliveries")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Schedule an approved variant on a channel account at a time (not in the past)")
    DeliveryJson create(@PathVariable UUID id, @Valid @RequestBody DeliveryRequest request) {
        Delivery delivery =
                deliveries.schedule(new VariantId(id), new ChannelAccountId(request.channelAccountId()), request.at());
        return json(delivery, null);
    }

    @GetMapping("/deliveries/{id}")
    @Operation(summary = "A delivery with its attempts")
    DeliveryJson get(@PathVariable UUID id) {
        DeliveryId deliveryId = new DeliveryId(id);
        return json(deliveries.get(deliveryId), deliveries.attempts(deliveryId));
    }

    @GetMapping("/deliveries")
    @Operation(summary = "Deliveries in reach, newest first; filter by message, campaign or status")
    List<DeliveryJson> list(
            @RequestParam(required = false) @Nullable UUID messageId,
            @RequestParam(required = false) @Nullable UUID campaignId,
            @RequestParam(required = false) @Nullable DeliveryStatus status) {
        return deliveries
                .list(new DeliveryService.Query(
                        null,
                        status,
                        messageId == null ? null : new MessageId(messageId),
                        campaignId == null ? null : new CampaignId(campaignId),
                        false))
                .stream()
                .map(d -> json(d, null))
                .toList();
    }

    @PostMapping("/deliveries/{id}/cancel")
    @Operation(summary = "Cancel a scheduled delivery")
    DeliveryJson cancel(@PathVariable UUID id) {
        return json(deliveries.cancel(new DeliveryId(id)), null);
    }

    @PostMapping("/deliveries/{id}/retry")
    @Operation(summary = "Send a failed delivery again now, with the same idempotency key")
    DeliveryJson retry(@PathVariable UUID id) {
        return json(deliveries.retry(new DeliveryId(id)), null);
    }

    private DeliveryJson json(Delivery d, @Nullable List<Attempt> attempts) {
        Locale locale = LocaleContextHolder.getLocale();
        String lastError = d.lastErrorKey() != null
                ? messages.getMessage(d.lastErrorKey(), null, d.lastErrorKey(), locale)
                : d.lastError();
        return new DeliveryJson(
                d.id().value(),
                d.status().name(),
                d.attempts(),
                d.externalUrl(),
                d.externalId(),
                lastError,
                d.lastErrorKey(),
                d.stuck(),
                d.variant().value(),
                d.message().value(),
                d.campaign().value(),
                d.organisation().value(),
                d.account().value(),
                d.accountName(),
                d.channel().name(),
                d.language().code(),
                d.scheduledAt(),
                d.nextAttemptAt(),
                d.publishedAt(),
                attempts == null
                        ? null
                        : attempts.stream()
                                .map(a -> new AttemptJson(
                                        a.kind().name(),
                                        a.number(),
                                        a.startedAt(),
                                        a.finishedAt(),
                                        a.outcome() == null ? null : a.outcome().name(),
                                        a.outcome() != null && a.outcome().heraldReason() && a.explanation() != null
                                                ? messages.getMessage(a.explanation(), null, a.explanation(), locale)
                                                : a.explanation(),
                                        a.httpStatus()))
                                .toList());
    }
}
