package eu.herald.campaigns.web;

import eu.herald.accounts.OrganisationId;
import eu.herald.audiences.AudienceId;
import eu.herald.campaigns.CampaignId;
import eu.herald.campaigns.MessageId;
import eu.herald.campaigns.VariantId;
import eu.herald.campaigns.domain.Campaign;
import eu.herald.campaigns.domain.CampaignDraft;
import eu.herald.campaigns.domain.CampaignService;
import eu.herald.campaigns.domain.ContentCalendar;
import eu.herald.campaigns.domain.Message;
import eu.herald.campaigns.domain.MessageService;
import eu.herald.campaigns.domain.MessageView;
import eu.herald.common.Channel;
import eu.herald.common.Language;
import eu.herald.guardrails.Media;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Campaigns, messages and variants through the API: create, read, update, submit, approve, request changes, schedule. */
@RestController
@RequestMapping("/api/v1")
@Tag(
        name = "Campaigns",
        description = "Plan campaigns, compose messages per channel and language, approve with four eyes")
class CampaignsApi {

    record CampaignRequest(
            @NotNull(message = "{form.required}") UUID organisationId,

            @NotBlank(message = "{form.required}") @Size(max = 200, message = "{form.tooLong}")
            String title,

            @NotNull(message = "{form.required}") UUID themeId,

            @Size(max = 2000, message = "{form.tooLong}") @Nullable
            String objective,

            @Size(max = 200, message = "{form.tooLong}") @Nullable
            String targetMetric,

            @DecimalMin(value = "0", message = "{campaign.targetValue.invalid}") @Nullable
            BigDecimal targetValue,

            @NotNull(message = "{form.date.invalid}") LocalDate startsOn,
            @NotNull(message = "{form.date.invalid}") LocalDate endsOn,

            @DecimalMin(value = "0", message = "{campaign.budget.invalid}") @Nullable
            BigDecimal budget,

            @NotEmpty(message = "{campaign.error.areas}") List<String> areas,

            @NotEmpty(message = "{campaign.error.audiences}")
            List<UUID> audiences,

            @Nullable List<Channel> channels,
            @Nullable Integer version) {

        CampaignDraft draft() {
            return new CampaignDraft(
                    new OrganisationId(organisationId),
                    title,
                    themeId,
                    objective == null ? "" : objective,
                    targetMetric,
                    targetValue,
                    startsOn,
                    endsOn,
                    budget == null ? 0 : budget.movePointRight(2).longValue(),
                    areas.stream().map(String::trim).distinct().toList(),
                    audiences.stream().distinct().map(AudienceId::new).toList(),
                    channels == null ? List.of() : channels.stream().distinct().toList());
        }
    }

    record CampaignJson(
            UUID id,
            UUID organisationId,
            String title,
            UUID themeId,
            String objective,
            @Nullable String targetMetric,
            @Nullable BigDecimal targetValue,
            LocalDate startsOn,
            LocalDate endsOn,
            BigDecimal budget,
            List<String> areas,
            List<UUID> audiences,
            List<Channel> channels,
            int version) {

        static CampaignJson of(Campaign c) {
            return new CampaignJson(
                    c.id().value(),
                    c.organisation().value(),
                    c.title(),
                    c.themeId(),
                    c.objective(),
                    c.targetMetric(),
                    c.targetValue(),
                    c.startsOn(),
                    c.endsOn(),
                    BigDecimal.valueOf(c.budgetCents()).movePointLeft(2),
                    c.areas(),
                    c.audiences().stream().map(AudienceId::value).toList(),
                    c.channels(),
                    c.version());
        }
    }

    record MessageRequest(
            @NotBlank(message = "{form.required}") @Size(max = 200, message = "{form.tooLong}")
            String title,

            @Size(max = 70000, message = "{form.tooLong}") @Nullable
            String masterText,

            @Nullable Integer version) {}

    record MediaJson(
            Media.Kind kind,
            @Nullable String name,
            @Nullable String altText,
            boolean captionsOrTranscript) {}

    record VariantRequest(
            @NotNull(message = "{form.required}") Channel channel,
            @NotNull(message = "{form.required}") String language,

            @NotBlank(message = "{form.required}") @Size(max = 70000, message = "{form.tooLong}")
            String text,

            @Nullable List<MediaJson> media,
            @NotNull(message = "{form.required}") Integer version) {}

    record VersionRequest(
            @NotNull(message = "{form.required}") Integer version) {}

    record ReasonRequest(
            @NotNull(message = "{form.required}") Integer version,

            @NotBlank(message = "{form.required}") @Size(max = 4000, message = "{form.tooLong}")
            String reason) {}

    record ScheduleRequest(
            @NotNull(message = "{form.required}") Integer version,
            @NotNull(message = "{form.required}") Instant at,

            @Size(max = 2000, message = "{form.tooLong}") @Nullable
            String overrideReason) {}

    record FindingJson(String rule, String severity, String message, int start, int end) {}

    record VariantJson(
            UUID id,
            Channel channel,
            String language,
            String text,
            List<MediaJson> media,
            Map<String, Object> length,
            List<FindingJson> findings) {}

    record MessageJson(
            UUID id,
            UUID campaignId,
            String title,
            String masterText,
            String status,
            String author,
            @Nullable Instant approvedAt,
            @Nullable Instant scheduledAt,
            int revision,
            int version,
            List<String> requiredLanguages,
            Map<Channel, List<String>> missingLanguages,
            boolean approvable,
            List<VariantJson> variants) {}

    record CalendarEntryJson(
            UUID messageId,
            String title,
            Instant at,
            UUID organisationId,
            String campaign,
            List<UUID> audiences,
            List<String> areas,
            List<Channel> channels) {}

    private final CampaignService campaigns;
    private final MessageService messages;
    private final ContentCalendar calendar;
    private final MessageSource texts;

    CampaignsApi(CampaignService campaigns, MessageService messages, ContentCalendar calendar, MessageSource texts) {
        this.campaigns = campaigns;
        this.messages = messages;
        this.calendar = calendar;
        this.texts = texts;
    }

    @GetMapping("/campaigns")
    @Operation(summary = "Campaigns of the organisations the caller reaches")
    List<CampaignJson> campaigns() {
        return campaigns.visible().stream().map(CampaignJson::of).toList();
    }

    @PostMapping("/campaigns")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Plan a campaign (COMMUNICATOR of the organisation)")
    CampaignJson plan(@Valid @RequestBody CampaignRequest request) {
        return CampaignJson.of(campaigns.plan(request.draft()));
    }

    @GetMapping("/campaigns/{id}")
    CampaignJson campaign(@PathVariable UUID id) {
        return CampaignJson.of(campaigns.get(new CampaignId(id)));
    }

    @PutMapping("/campaigns/{id}")
    @Operation(summary = "Edit a campaign; send the version you read")
    CampaignJson update(@PathVariable UUID id, @Valid @RequestBody CampaignRequest request) {
        return CampaignJson.of(campaigns.update(
                new CampaignId(id), request.version() == null ? -1 : request.version(), request.draft()));
    }

    @PostMapping("/campaigns/{id}/messages")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Write a message (title and master text) in a campaign")
    MessageJson createMessage(@PathVariable UUID id, @Valid @RequestBody MessageRequest request) {
        Message message = messages.create(
                new CampaignId(id), request.title(), request.masterText() == null ? "" : request.masterText());
        return json(messages.view(message.id()));
    }

    @GetMapping("/messages/{id}")
    @Operation(summary = "A message with its variants, their lengths and guardrail findings, and missing languages")
    MessageJson message(@PathVariable UUID id) {
        return json(messages.view(new MessageId(id)));
    }

    @PutMapping("/messages/{id}")
    @Operation(summary = "Edit the title and master text; after approval this sends the message back to review")
    MessageJson edit(@PathVariable UUID id, @Valid @RequestBody MessageRequest request) {
        MessageId messageId = new MessageId(id);
        messages.edit(
                messageId,
                request.version() == null ? -1 : request.version(),
                request.title(),
                request.masterText() == null ? "" : request.masterText());
        return json(messages.view(messageId));
    }

    @PutMapping("/messages/{id}/variants")
    @Operation(summary = "Create or replace the variant for a channel and language")
    MessageJson saveVariant(@PathVariable UUID id, @Valid @RequestBody VariantRequest request) {
        MessageId messageId = new MessageId(id);
        Language language = Language.fromCode(request.language())
                .orElseThrow(() -> new eu.herald.common.RefusedException("variant.error.language"));
        List<MediaJson> media = request.media() == null ? List.of() : request.media();
        messages.saveVariant(
                messageId,
                request.version(),
                request.channel(),
                language,
                request.text(),
                media.stream()
                        .map(m -> new Media(
                                m.kind() == null ? Media.Kind.IMAGE : m.kind(), m.altText(), m.captionsOrTranscript()))
                        .toList(),
                media.stream()
                        .map(m -> m.name() == null || m.name().isBlank() ? "media" : m.name())
                        .toList());
        return json(messages.view(messageId));
    }

    @DeleteMapping("/messages/{id}/variants/{variantId}")
    MessageJson removeVariant(@PathVariable UUID id, @PathVariable UUID variantId, @RequestParam int version) {
        MessageId messageId = new MessageId(id);
        messages.removeVariant(messageId, version, new VariantId(variantId));
        return json(messages.view(messageId));
    }

    @PostMapping("/messages/{id}/submit")
    @Operation(summary = "Submit for review")
    MessageJson submit(@PathVariable UUID id, @Valid @RequestBody VersionRequest request) {
        messages.submit(new MessageId(id), request.version());
        return json(messages.view(new MessageId(id)));
    }

    @PostMapping("/messages/{id}/approve")
    @Operation(summary = "Approve (an APPROVER who is not the author; no blocking finding; every required language)")
    MessageJson approve(@PathVariable UUID id, @Valid @RequestBody VersionRequest request) {
        messages.approve(new MessageId(id), request.version());
        return json(messages.view(new MessageId(id)));
    }

    @PostMapping("/messages/{id}/request-changes")
    MessageJson requestChanges(@PathVariable UUID id, @Valid @RequestBody ReasonRequest request) {
        messages.requestChanges(new MessageId(id), request.version(), request.reason());
        return json(messages.view(new MessageId(id)));
    }

    @PostMapping("/messages/{id}/schedule")
    @Operation(summary = "Schedule an approved message; beyond a fatigue cap an APPROVER must give overrideReason")
    MessageJson schedule(@PathVariable UUID id, @Valid @RequestBody ScheduleRequest request) {
        messages.schedule(new MessageId(id), request.version(), request.at(), request.overrideReason());
        return json(messages.view(new MessageId(id)));
    }

    @GetMapping("/calendar")
    @Operation(summary = "Scheduled messages of the caller's organisations, their parents and children")
    List<CalendarEntryJson> calendar(@RequestParam LocalDate from, @RequestParam LocalDate to) {
        if (to.isBefore(from) || to.isAfter(from.plusDays(400))) {
            throw new eu.herald.common.RefusedException("calendar.error.range");
        }
        return calendar.entries(from, to.plusDays(1), new ContentCalendar.Filter(null, null, null)).stream()
                .map(e -> new CalendarEntryJson(
                        e.message().value(),
                        e.title(),
                        e.at(),
                        e.organisationId(),
                        e.campaignTitle(),
                        e.audiences().stream().map(AudienceId::value).toList(),
                        e.areas(),
                        e.channels()))
                .toList();
    }

    private MessageJson json(MessageView view) {
        var locale = LocaleContextHolder.getLocale();
        Message m = view.message();
        Map<Channel, List<String>> missing = new java.util.EnumMap<>(Channel.class);
        view.missingLanguages()
                .forEach((channel, languages) -> missing.put(
                        channel, languages.stream().map(Language::code).toList()));
        return new MessageJson(
                m.id().value(),
                m.campaign().value(),
                m.title(),
                m.masterText(),
                m.status().name(),
                m.authorName(),
                m.approvedAt(),
                m.scheduledAt(),
                m.revision(),
                m.version(),
                view.requiredLanguages().stream().map(Language::code).toList(),
                missing,
                view.approvable(),
                view.variants().stream()
                        .map(v -> {
                            Map<String, Object> length = new java.util.LinkedHashMap<>();
                            length.put("used", v.check().length().used());
                            length.put("limit", v.check().length().limit());
                            length.put("unit", v.check().length().unit().name());
                            List<MediaJson> media = new java.util.ArrayList<>();
                            for (int i = 0; i < v.variant().media().size(); i++) {
                                Media medium = v.variant().media().get(i);
                                media.add(new MediaJson(
                                        medium.kind(),
                                        v.variant().mediaNames().get(i),
                                        medium.altText(),
                                        medium.captionsOrTranscript()));
                            }
                            return new VariantJson(
                                    v.variant().id().value(),
                                    v.variant().channel(),
                                    v.variant().language().code(),
                                    v.variant().body(),
                                    media,
                                    length,
                                    v.check().findings().stream()
                                            .map(f -> new FindingJson(
                                                    f.rule().name(),
                                                    f.severity().name(),
                                                    texts.getMessage(
                                                            f.messageKey(),
                                                            f.arguments().toArray(),
                                                            f.messageKey(),
                                                            locale),
                                                    f.start(),
                                                    f.end()))
                                            .toList());
                        })
                        .toList());
    }
}
