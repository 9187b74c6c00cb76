package eu.herald.links.web;

import eu.herald.accounts.Access;
import eu.herald.accounts.OrganisationId;
import eu.herald.accounts.OrganisationSummary;
import eu.herald.accounts.Role;
import eu.herald.common.Language;
import eu.herald.common.RefusedException;
import eu.herald.links.domain.LinkService;
import eu.herald.links.domain.Utm;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** ADMIN: the domains each organisation in reach may link to. */
@Controller
class AdminLinksController {

    private final LinkService links;
    private final Access access;

    AdminLinksController(LinkService links, Access access) {
        this.links = links;
        this.access = access;
    }

    @GetMapping("/admin/links")
    String show(Model model) {
        Language language = Language.of(LocaleContextHolder.getLocale());
        Map<OrganisationSummary, String> domains = new LinkedHashMap<>();
        Map<OrganisationSummary, Utm.Template> templates = new LinkedHashMap<>();
        for (OrganisationSummary o : access.reachable(Role.ADMIN)) {
            if (o.active()) {
                domains.put(o, String.join("\n", links.allowedDomains(o.id())));
                templates.put(o, links.utmTemplate(o.id()));
            }
        }
        model.addAttribute("domains", domains);
        model.addAttribute("templates", templates);
        model.addAttribute("language", language);
        return "links/admin";
    }

    @PostMapping("/admin/links")
    String save(@RequestParam UUID organisationId, @RequestParam String domains, RedirectAttributes redirect) {
        try {
            List<String> list = Arrays.asList(domains.split("[\\s,]+"));
            links.replaceAllowedDomains(new OrganisationId(organisationId), list);
            redirect.addFlashAttribute("saved", "links.domains.saved");
        } catch (RefusedException e) {
            redirect.addFlashAttribute("refusal", e.messageKey());
        }
        return "redirect:/admin/links";
    }

    @PostMapping("/admin/links/utm")
    String saveUtm(
            @RequestParam UUID organisationId,
            @RequestParam(defaultValue = "") String source,
            @RequestParam(defaultValue = "") String medium,
            @RequestParam(defaultValue = "") String campaign,
            @RequestParam(defaultValue = "") String content,
            RedirectAttributes redirect) {
        try {
            links.saveUtmTemplate(
                    new OrganisationId(organisationId),
                    new Utm.Template(source.strip(), medium.strip(), campaign.strip(), content.strip()));
            redirect.addFlashAttribute("saved", "links.utm.saved");
        } catch (RefusedException e) {
            redirect.addFlashAttribute("refusal", e.messageKey());
        }
        return "redirect:/admin/links";
    }
}
