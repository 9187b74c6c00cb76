package eu.herald.links.web;

import eu.herald.campaigns.CampaignId;
import eu.herald.common.Channel;
import eu.herald.links.domain.Link;
import eu.herald.links.domain.LinkService;
import eu.herald.links.domain.LinkStats;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
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

/** Tracked short links: create one, read its statistics. */
@RestController
@RequestMapping("/api/v1/links")
@Tag(name = "Links", description = "Tracked short links at /l/{code} and their honest click counts")
class LinksApi {

    private final LinkService links;
    private final MessageSource messages;

    LinksApi(LinkService links, MessageSource messages) {
        this.links = links;
        this.messages = messages;
    }

    record LinkRequest(
            @NotBlank(message = "{form.required}") @Size(max = 2000, message = "{form.tooLong}")
            String target,

            @NotNull(message = "{form.required}") UUID campaignId,

            @NotNull(message = "{form.required}") Channel channel,

            @Nullable UUID variantId,

            @Size(max = 100, message = "{form.tooLong}") @Nullable
            String location) {}

    record LinkJson(String code, String shortUrl) {}

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a tracked short link (COMMUNICATOR of the campaign's organisation)")
    LinkJson create(@Valid @RequestBody LinkRequest request) {
        Link link = links.create(
                request.target(),
                new CampaignId(request.campaignId()),
                request.channel(),
                request.variantId(),
                request.location());
        return new LinkJson(link.code(), links.shortUrl(link.code()));
    }

    record CampaignLinkJson(
            String code,
            String shortUrl,
            Channel channel,
            @Nullable UUID variantId,
            @Nullable String location,
            String target,
            long clicks,
            long uniqueVisitors,
            long previews) {}

    @GetMapping(params = "campaignId")
    @Operation(
            summary = "A campaign's tracked links with their counts (readers of the campaign): one per channel, variant"
                    + " address and poster location; uniqueVisitors as in the statistics (per day, summed)")
    List<CampaignLinkJson> ofCampaign(@RequestParam UUID campaignId) {
        return links.ofCampaign(new CampaignId(campaignId)).stream()
                .map(l -> new CampaignLinkJson(
                        l.link().code(),
                        l.shortUrl(),
                        l.link().channel(),
                        l.link().variantId(),
                        l.link().location(),
                        l.link().target(),
                        l.clicks(),
                        l.uniqueVisitors(),
                        l.previews()))
                .toList();
    }

    record CampaignRequest(
            @NotNull(message = "{form.required}") UUID campaignId) {}

    record VariantLinkJson(
            UUID variantId,
            Channel channel,
            String language,
            String url,
            @Nullable String shortUrl,
            @Nullable String refusal) {}

    record VariantLinksJson(int created, List<VariantLinkJson> links) {}

    @PostMapping("/variant-links")
    @Operation(
            summary = "Create a tracked link for every web address in the campaign's messages (COMMUNICATOR of the"
                    + " campaign's organisation), e.g. while drafting so the short link can go into the text; links"
                    + " already made are kept. Answers how many were created and every address with its short link,"
                    + " or why it has none (not on the organisation's allow-list)")
    VariantLinksJson forVariants(@Valid @RequestBody CampaignRequest request) {
        CampaignId campaign = new CampaignId(request.campaignId());
        int created = links.createVariantLinks(campaign);
        List<VariantLinkJson> all = links.variantUrls(campaign).stream()
                .map(u -> new VariantLinkJson(
                        u.variant().id().value(),
                        u.variant().channel(),
                        u.variant().language().code(),
                        u.url(),
                        u.shortUrl(),
                        u.refusal() == null
                                ? null
                                : messages.getMessage(
                                        u.refusal(), u.refusalArguments().toArray(), LocaleContextHolder.getLocale())))
                .toList();
        return new VariantLinksJson(created, all);
    }

    @GetMapping("/{code}/stats")
    @Operation(
            summary = "Clicks, unique visitors and previews of a link, per day and per channel",
            description = "uniqueVisitors counts distinct visitors per day (the visitor hash's salt rotates daily and"
                    + " is then deleted, so a visitor cannot be recognised across days); the total is the sum of the"
                    + " days: a visitor coming back on another day counts again.")
    LinkStats stats(@PathVariable String code) {
        return links.stats(code);
    }
}
