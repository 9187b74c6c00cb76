package eu.herald.links.web;

import eu.herald.campaigns.CampaignFacts;
import eu.herald.campaigns.CampaignId;
import eu.herald.campaigns.VariantId;
import eu.herald.common.RefusedException;
import eu.herald.links.domain.LinkService;
import eu.herald.links.domain.PosterPaper;
import eu.herald.links.domain.PosterService;
import eu.herald.links.domain.PosterService.Poster;
import eu.herald.links.domain.PosterService.PosterRequest;
import jakarta.validation.Valid;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Print a poster run: choose the variant(s), the paper and the locations; the PDF is downloaded, and kept to be
 * downloaded again with the same links; the runs printed before are listed with each location's counts.
 */
@Controller
class PosterController {

    private final PosterService posters;
    private final LinkService links;

    PosterController(PosterService posters, LinkService links) {
        this.posters = posters;
        this.links = links;
    }

    @GetMapping("/links/posters")
    String form(@RequestParam UUID campaign, Model model) {
        PosterForm form = new PosterForm();
        return show(new CampaignId(campaign), form, model);
    }

    @PostMapping("/links/posters")
    Object print(
            @RequestParam UUID campaign,
            @Valid @ModelAttribute("form") PosterForm form,
            BindingResult errors,
            Model model) {
        CampaignId id = new CampaignId(campaign);
        PosterPaper paper = null;
        try {
            paper = PosterPaper.valueOf(String.valueOf(form.getPaper()));
        } catch (IllegalArgumentException e) {
            errors.rejectValue("paper", "form.required");
        }
        List<VariantId> variants = new ArrayList<>();
        for (String v : form.getVariants()) {
            try {
                variants.add(VariantId.of(v));
            } catch (IllegalArgumentException e) {
                errors.rejectValue("variants", "links.variant.unknown");
            }
        }
        if (errors.hasErrors() || paper == null) {
            return show(id, form, model);
        }
        try {
            Poster poster = posters.print(new PosterRequest(
                    id,
                    variants,
                    paper,
                    Arrays.asList(String.valueOf(form.getLocations()).split("\\R")),
                    form.getTarget(),
                    form.getContact()));
            return pdf(poster.pdf(), links.campaign(id).title(), paper);
        } catch (RefusedException e) {
            String field = switch (e.messageKey()) {
                case "links.poster.variants", "links.poster.languages", "links.variant.unknown" -> "variants";
                case "links.poster.locations", "links.poster.tooMany", "links.location.tooLong" -> "locations";
                case "links.poster.contactTooLong" -> "contact";
                default ->
                    e.messageKey().startsWith("links.target") || e.messageKey().equals("links.poster.noTarget")
                            ? "target"
                            : null;
            };
            if (field == null) {
                errors.reject(e.messageKey(), e.arguments(), e.messageKey());
            } else {
                errors.rejectValue(field, e.messageKey(), e.arguments(), e.messageKey());
            }
            return show(id, form, model);
        }
    }

    /** A poster run printed before, downloaded again: the same pages with the same links. */
    @GetMapping("/links/posters/{run}.pdf")
    ResponseEntity<byte[]> printed(@PathVariable UUID run) {
        PosterService.PrintedRun printed = posters.printed(run);
        return pdf(printed.pdf(), printed.campaign().title(), printed.paper());
    }

    static ResponseEntity<byte[]> pdf(byte[] pdf, String title, PosterPaper paper) {
        String name = title.replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("(^-|-$)", "") + "-" + paper + ".pdf";
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(name, java.nio.charset.StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(pdf);
    }

    private String show(CampaignId id, PosterForm form, Model model) {
        CampaignFacts campaign = links.campaign(id);
        model.addAttribute("campaign", campaign);
        model.addAttribute("form", form);
        model.addAttribute("variants", posters.printable(id));
        model.addAttribute("papers", Arrays.asList(PosterPaper.values()));
        model.addAttribute("canCreate", links.canCreate(campaign));
        model.addAttribute("runs", posters.runs(id));
        return "links/posters";
    }
}
