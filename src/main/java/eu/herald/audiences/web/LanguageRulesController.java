package eu.herald.audiences.web;

import eu.herald.accounts.OrganisationId;
import eu.herald.audiences.domain.LanguageRules;
import eu.herald.common.Language;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admin pages: the languages each organisation in the administrator's reach adds to those of its areas. */
@Controller
@RequestMapping("/admin/language-rules")
class LanguageRulesController {

    private final LanguageRules rules;

    LanguageRulesController(LanguageRules rules) {
        this.rules = rules;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("organisations", rules.administered());
        model.addAttribute("language", language());
        return "audiences/language-rules";
    }

    @GetMapping("/{organisationId}")
    String edit(@PathVariable String organisationId, Model model) {
        LanguageRules.OrganisationRules organisation = rules.administered(Ids.organisation(organisationId));
        return show(organisation, LanguagesForm.of(organisation.extraLanguages()), model);
    }

    @PostMapping("/{organisationId}")
    String save(
            @PathVariable String organisationId,
            @ModelAttribute("form") LanguagesForm form,
            RedirectAttributes redirect) {
        OrganisationId organisation = Ids.organisation(organisationId);
        rules.changeExtraLanguages(organisation, form.languages());
        redirect.addFlashAttribute("saved", "audiences.languageRules.saved");
        return "redirect:/admin/language-rules";
    }

    private String show(LanguageRules.OrganisationRules organisation, LanguagesForm form, Model model) {
        model.addAttribute("organisation", organisation);
        model.addAttribute("form", form);
        model.addAttribute("choices", Language.values());
        model.addAttribute("language", language());
        return "audiences/language-rules-form";
    }

    private static Language language() {
        return Language.of(LocaleContextHolder.getLocale());
    }
}
