package eu.herald.links.web;

import eu.herald.campaigns.CampaignFacts;
import eu.herald.campaigns.CampaignId;
import eu.herald.common.Channel;
import eu.herald.common.RefusedException;
import eu.herald.links.domain.LinkService;
import eu.herald.links.domain.LinkService.LinkSummary;
import jakarta.validation.Valid;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A campaign's tracked links with their counts per channel and location, and a form to create one. */
@Controller
class LinksController {

    /** Totals of a group of links (a channel or a location). */
    record Totals(long clicks, long uniqueVisitors, long previews) {
        Totals plus(LinkSummary row) {
            return new Totals(clicks + row.clicks(), uniqueVisitors + row.uniqueVisitors(), previews + row.previews());
        }
    }

    private final LinkService links;

    LinksController(LinkService links) {
        this.links = links;
    }

    @GetMapping("/links")
    String list(@RequestParam UUID campaign, Model model) {
        model.addAttribute("form", new LinkForm());
        return show(new CampaignId(campaign), model);
    }

    @PostMapping("/links")
    String create(
            @RequestParam UUID campaign,
            @Valid @ModelAttribute("form") LinkForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        CampaignId id = new CampaignId(campaign);
        Channel channel = null;
        if (form.getChannel() != null && !errors.hasFieldErrors("channel")) {
            try {
                channel = Channel.valueOf(form.getChannel());
            } catch (IllegalArgumentException e) {
                errors.rejectValue("channel", "form.required");
            }
        }
        if (!errors.hasErrors() && channel != null && form.getTarget() != null) {
            try {
                links.create(form.getTarget(), id, channel, null, form.getLocation());
                redirect.addFlashAttribute("saved", "links.created");
                return "redirect:/links?campaign=" + campaign;
            } catch (RefusedException e) {
                String field = e.messageKey().startsWith("links.target") ? "target" : null;
                if (field == null) {
                    errors.reject(e.messageKey(), e.arguments(), e.messageKey());
                } else {
                    errors.rejectValue(field, e.messageKey(), e.arguments(), e.messageKey());
                }
            }
        }
        return show(id, model);
    }

    @PostMapping("/links/variants")
    String createForVariants(@RequestParam UUID campaign, RedirectAttributes redirect) {
        int created = links.createVariantLinks(new CampaignId(campaign));
        redirect.addFlashAttribute("saved", created == 0 ? "links.variants.none" : "links.variants.created");
        return "redirect:/links?campaign=" + campaign;
    }

    private String show(CampaignId id, Model model) {
        CampaignFacts campaign = links.campaign(id);
        List<LinkSummary> rows = links.ofCampaign(id);
        Map<Channel, Totals> byChannel = new LinkedHashMap<>();
        Map<String, Totals> byLocation = new LinkedHashMap<>();
        for (LinkSummary row : rows) {
            byChannel.merge(row.link().channel(), new Totals(0, 0, 0).plus(row), (a, b) -> a.plus(row));
            if (row.link().location() != null) {
                byLocation.merge(row.link().location(), new Totals(0, 0, 0).plus(row), (a, b) -> a.plus(row));
            }
        }
        model.addAttribute("campaign", campaign);
        model.addAttribute("rows", rows);
        model.addAttribute("byChannel", byChannel);
        model.addAttribute("byLocation", byLocation);
        model.addAttribute("canCreate", links.canCreate(campaign));
        model.addAttribute("variantUrls", links.variantUrls(id));
        model.addAttribute("channels", Arrays.asList(Channel.values()));
        return "links/links";
    }
}
