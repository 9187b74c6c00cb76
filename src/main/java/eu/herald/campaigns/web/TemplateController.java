package eu.herald.campaigns.web;

import eu.herald.campaigns.CampaignId;
import eu.herald.campaigns.MessageId;
import eu.herald.campaigns.domain.Campaign;
import eu.herald.campaigns.domain.CampaignService;
import eu.herald.campaigns.domain.Message;
import eu.herald.campaigns.domain.TemplateService;
import eu.herald.common.RefusedException;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Federal templates to adopt and police-zone messages to share along. */
@Controller
class TemplateController {

    private final TemplateService templates;
    private final CampaignService campaigns;

    TemplateController(TemplateService templates, CampaignService campaigns) {
        this.templates = templates;
        this.campaigns = campaigns;
    }

    @GetMapping("/templates")
    String templates(Model model) {
        List<Campaign> writable =
                campaigns.visible().stream().filter(campaigns::canWrite).toList();
        model.addAttribute("templates", templates.templates());
        model.addAttribute("shareable", templates.shareable());
        model.addAttribute("campaigns", writable);
        return "campaigns/templates";
    }

    @PostMapping("/templates/{id}/adopt")
    String adopt(
            @PathVariable MessageId id,
            @RequestParam(defaultValue = "") String campaignId,
            RedirectAttributes redirect) {
        return copy(redirect, campaignId, campaign -> templates.adopt(id, campaign), "template.adopted");
    }

    @PostMapping("/messages/{id}/reshare")
    String reshare(
            @PathVariable MessageId id,
            @RequestParam(defaultValue = "") String campaignId,
            RedirectAttributes redirect) {
        return copy(redirect, campaignId, campaign -> templates.reshare(id, campaign), "template.reshared");
    }

    @PostMapping("/messages/{id}/template")
    String offer(
            @PathVariable MessageId id,
            @RequestParam(defaultValue = "true") boolean offered,
            RedirectAttributes redirect) {
        try {
            templates.offer(id, offered);
            redirect.addFlashAttribute("saved", offered ? "template.offered" : "template.withdrawn");
        } catch (RefusedException e) {
            redirect.addFlashAttribute("refusal", e.messageKey());
        }
        return "redirect:/messages/" + id;
    }

    private String copy(
            RedirectAttributes redirect,
            String campaignId,
            java.util.function.Function<CampaignId, Message> copy,
            String success) {
        CampaignId campaign;
        try {
            campaign = CampaignId.of(campaignId);
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("refusal", "template.error.campaign");
            return "redirect:/templates";
        }
        Message created = copy.apply(campaign);
        redirect.addFlashAttribute("saved", success);
        return "redirect:/messages/" + created.id();
    }
}
