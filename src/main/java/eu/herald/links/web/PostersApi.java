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
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
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
                    + " and fr), A4 or A3, a tracked link per location; answers the PDF, one page per location")
    ResponseEntity<byte[]> print(@Valid @RequestBody PosterRequestJson request) {
        PosterPaper paper = request.paper() == null ? PosterPaper.A4 : request.paper();
        Poster poster = posters.print(new PosterRequest(
                new CampaignId(request.campaignId()),
                request.variantIds().stream().map(VariantId::new).toList(),
                paper,
                request.locations(),
                request.target(),
                request.contact()));
        return PosterController.pdf(
                poster, links.campaign(new CampaignId(request.campaignId())).title(), paper);
    }
}
