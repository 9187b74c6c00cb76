package eu.herald.links.web;

import eu.herald.campaigns.CampaignId;
import eu.herald.campaigns.VariantId;
import eu.herald.links.domain.LinkService;
import eu.herald.links.domain.PosterPaper;
import eu.herald.links.domain.PosterService;
import eu.herald.links.domain.PosterService.Poster;
import eu.herald.links.domain.PosterService.PosterRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Poster runs: a PDF with one page (and one tracked link) per location. */
@RestController
@Tag(name = "Links", description = "Tracked short links at /l/{code} and their honest click counts")
class PostersApi {

    private final PosterService posters;
    private final LinkService links;

    PostersApi(PosterService posters, LinkService links) {
        this.posters = posters;
        this.links = links;
    }

    record PosterRequestJson(
            @NotNull(message = "{form.required}") UUID campaignId,

            @NotEmpty(message = "{links.poster.variants}") @Size(max = 2, message = "{links.poster.variants}")
            List<UUID> variantIds,

            @Nullable PosterPaper paper,

            @NotEmpty(message = "{links.poster.locations}") List<String> locations,

            @Size(max = 2000, message = "{form.tooLong}") @Nullable
            String target,

            @Size(max = 200, message = "{links.poster.contactTooLong}") @Nullable
            String contact) {}

    @PostMapping("/api/v1/posters")
    @Operation(
            summary = "Print a poster run (COMMUNICATOR of the campaign's organisation): one or two variants (e.g. nl"
                    + " and fr), A4 or A3, a tracked link per location; answers 201 with the PDF, one page per"
                    + " location, and the run's address (Location) to download it again")
    ResponseEntity<byte[]> print(@Valid @RequestBody PosterRequestJson request) {
        PosterPaper paper = request.paper() == null ? PosterPaper.A4 : request.paper();
        Poster poster = posters.print(new PosterRequest(
                new CampaignId(request.campaignId()),
                request.variantIds().stream().map(VariantId::new).toList(),
                paper,
                request.locations(),
                request.target(),
                request.contact()));
        return ResponseEntity.created(URI.create("/api/v1/posters/" + poster.run()))
                .headers(PosterController.pdf(
                                poster.pdf(),
                                links.campaign(new CampaignId(request.campaignId()))
                                        .title(),
                                paper)
                        .getHeaders())
                .body(poster.pdf());
    }

    @GetMapping("/api/v1/posters/{run}")
    @Operation(
            summary = "A poster run printed before (readers of its campaign): the same PDF, with the same links, so"
                    + " reprinting a location's poster keeps its clicks together")
    ResponseEntity<byte[]> printed(@PathVariable UUID run) {
        PosterService.PrintedRun printed = posters.printed(run);
        return PosterController.pdf(printed.pdf(), printed.campaign().title(), printed.paper());
    }
}
