package eu.herald.inbox.web;

import eu.herald.accounts.OrganisationSummary;
import eu.herald.common.Channel;
import eu.herald.common.Language;
import eu.herald.common.NotFoundException;
import eu.herald.common.RefusedException;
import eu.herald.inbox.Category;
import eu.herald.inbox.domain.Listening;
import eu.herald.inbox.domain.Moderation;
import eu.herald.inbox.domain.PlaybookService;
import eu.herald.inbox.domain.Routing;
import eu.herald.inbox.domain.Rule;
import eu.herald.inbox.domain.Settings;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The playbook editor and its test bench, the organisation's inbox settings, and listening's watchlist. */
@Controller
class PlaybookController {

    private final PlaybookService playbook;
    private final Moderation moderation;
    private final Listening listening;

    PlaybookController(PlaybookService playbook, Moderation moderation, Listening listening) {
        this.playbook = playbook;
        this.moderation = moderation;
        this.listening = listening;
    }

    /** The organisation asked for, or the first the user moderates. */
    private OrganisationSummary organisation(@Nullable UUID id, Model model) {
        List<OrganisationSummary> all = moderation.organisations();
        OrganisationSummary chosen = all.stream()
                .filter(o -> id == null || o.id().value().equals(id))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("organisation"));
        model.addAttribute("organisations", all);
        model.addAttribute("organisation", chosen);
        return chosen;
    }

    @GetMapping("/inbox/playbook")
    String playbook(@RequestParam(required = false) @Nullable UUID organisation, Model model) {
        OrganisationSummary o = organisation(organisation, model);
        model.addAttribute("rules", playbook.rules(o.id().value()));
        model.addAttribute("channels", Channel.values());
        model.addAttribute("benchText", "");
        model.addAttribute("benchChannel", Channel.FACEBOOK);
        return "inbox/playbook";
    }

    @PostMapping("/inbox/playbook/bench")
    String bench(
            @RequestParam UUID organisation,
            @RequestParam(defaultValue = "") String text,
            @RequestParam(defaultValue = "FACEBOOK") String channel,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            Model model) {
        OrganisationSummary o = organisation(organisation, model);
        Channel c = InboxController.parse(Channel.class, channel);
        Channel benchChannel = c == null ? Channel.FACEBOOK : c;
        model.addAttribute("rules", playbook.rules(o.id().value()));
        model.addAttribute("channels", Channel.values());
        model.addAttribute("benchText", text);
        model.addAttribute("benchChannel", benchChannel);
        try {
            Routing routing = playbook.trial(o.id().value(), text, benchChannel);
            model.addAttribute("routing", routing);
        } catch (RefusedException e) {
            model.addAttribute("benchRefusal", e.messageKey());
        }
        return htmx != null ? "inbox/playbook :: bench-result" : "inbox/playbook";
    }

    @GetMapping("/inbox/playbook/rules/new")
    String newRule(@RequestParam(required = false) @Nullable UUID organisation, Model model) {
        OrganisationSummary o = organisation(organisation, model);
        RuleForm form = new RuleForm();
        form.setOrganisation(o.id().value());
        return ruleForm(form, model);
    }

    @GetMapping("/inbox/playbook/rules/{id}")
    String editRule(@PathVariable UUID id, Model model) {
        Rule rule = playbook.rule(id);
        organisation(rule.organisation(), model);
        return ruleForm(RuleForm.of(rule), model);
    }

    private String ruleForm(RuleForm form, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("categories", Category.values());
        model.addAttribute("channels", Channel.values());
        model.addAttribute("languages", Language.values());
        return "inbox/rule";
    }

    @PostMapping("/inbox/playbook/rules")
    String saveRule(@ModelAttribute("form") RuleForm form, Model model, RedirectAttributes redirect) {
        if (form.getOrganisation() == null) {
            throw new NotFoundException("organisation");
        }
        Rule existing = form.getId() == null ? null : playbook.rule(form.getId());
        try {
            playbook.save(form.toRule(form.getOrganisation(), existing));
        } catch (RefusedException e) {
            organisation(form.getOrganisation(), model);
            model.addAttribute("refusal", e.messageKey());
            return ruleForm(form, model);
        }
        redirect.addFlashAttribute("saved", "inbox.rule.saved");
        return "redirect:/inbox/playbook?organisation=" + form.getOrganisation();
    }

    @PostMapping("/inbox/playbook/rules/{id}/delete")
    String deleteRule(@PathVariable UUID id, RedirectAttributes redirect) {
        Rule rule = playbook.rule(id);
        playbook.delete(id);
        redirect.addFlashAttribute("saved", "inbox.rule.deleted");
        return "redirect:/inbox/playbook?organisation=" + rule.organisation();
    }

    @PostMapping("/inbox/playbook/rules/{id}/up")
    String up(@PathVariable UUID id) {
        Rule rule = playbook.rule(id);
        playbook.move(id, -1);
        return "redirect:/inbox/playbook?organisation=" + rule.organisation();
    }

    @PostMapping("/inbox/playbook/rules/{id}/down")
    String down(@PathVariable UUID id) {
        Rule rule = playbook.rule(id);
        playbook.move(id, 1);
        return "redirect:/inbox/playbook?organisation=" + rule.organisation();
    }

    @GetMapping("/inbox/settings")
    String settings(@RequestParam(required = false) @Nullable UUID organisation, Model model) {
        OrganisationSummary o = organisation(organisation, model);
        Settings s = playbook.settings(o.id().value());
        model.addAttribute("settings", s);
        return "inbox/settings";
    }

    @PostMapping("/inbox/settings")
    String saveSettings(
            @RequestParam UUID organisation,
            @RequestParam(defaultValue = "") String emergencyNumber,
            @RequestParam(defaultValue = "") String nonUrgentNumber,
            @RequestParam(defaultValue = "") String dispatchUrl,
            @RequestParam(defaultValue = "") String dispatchSecret,
            @RequestParam(defaultValue = "") String tipEmail,
            @RequestParam(defaultValue = "") String facebookPage,
            @RequestParam(defaultValue = "false") boolean renewSecret,
            RedirectAttributes redirect) {
        try {
            playbook.saveSettings(
                    organisation,
                    emergencyNumber,
                    nonUrgentNumber,
                    InboxController.blankToNull(dispatchUrl),
                    InboxController.blankToNull(dispatchSecret),
                    InboxController.blankToNull(tipEmail),
                    InboxController.blankToNull(facebookPage),
                    renewSecret);
            redirect.addFlashAttribute("saved", "inbox.settings.saved");
        } catch (RefusedException e) {
            redirect.addFlashAttribute("refusal", e.messageKey());
        }
        return "redirect:/inbox/settings?organisation=" + organisation;
    }

    @GetMapping("/inbox/listening")
    String listening(@RequestParam(required = false) @Nullable UUID organisation, Model model) {
        OrganisationSummary o = organisation(organisation, model);
        model.addAttribute("watches", listening.watches(o.id().value()));
        model.addAttribute("matches", listening.recent(o.id().value(), 50));
        return "inbox/listening";
    }

    @PostMapping("/inbox/listening")
    String addWatch(
            @RequestParam UUID organisation,
            @RequestParam(defaultValue = "") String query,
            RedirectAttributes redirect) {
        try {
            listening.add(organisation, query);
            redirect.addFlashAttribute("saved", "inbox.watch.added");
        } catch (RefusedException e) {
            redirect.addFlashAttribute("refusal", e.messageKey());
        }
        return "redirect:/inbox/listening?organisation=" + organisation;
    }

    @PostMapping("/inbox/listening/{id}/delete")
    String removeWatch(@PathVariable UUID id, @RequestParam UUID organisation, RedirectAttributes redirect) {
        listening.remove(organisation, id);
        redirect.addFlashAttribute("saved", "inbox.watch.removed");
        return "redirect:/inbox/listening?organisation=" + organisation;
    }
}
