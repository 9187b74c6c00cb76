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
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Tracked short links: create one, read its statistics. */
@RestController
@RequestMapping("/api/v1/links")
@Tag(name = "Links", description = "Tracked short links at /l/{code} and their honest click counts")
class LinksApi {

    private final LinkService links;

    LinksApi(LinkService links) {
        this.links = links;
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
