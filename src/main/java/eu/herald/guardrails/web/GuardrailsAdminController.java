package eu.herald.guardrails.web;

import eu.herald.accounts.OrganisationId;
import eu.herald.accounts.OrganisationSummary;
import eu.herald.common.Language;
import eu.herald.common.RefusedException;
import eu.herald.guardrails.internal.GuardrailsAdministration;
import eu.herald.guardrails.internal.Lexicon;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/** The admins' page: word lists per rule and language, and each organisation's emergency-line sentences. */
@Controller
@RequestMapping("/admin/guardrails")
class GuardrailsAdminController {

    private final GuardrailsAdministration administration;

    GuardrailsAdminController(GuardrailsAdministration administration) {
        this.administration = administration;
    }

    @GetMapping
    String page(
            @RequestParam(defaultValue = "anxiety") String lexicon,
            @RequestParam(defaultValue = "") String language,
            @RequestParam(defaultValue = "") String organisation,
            Model model) {
        Lexicon shown = Lexicon.fromCode(lexicon).orElse(Lexicon.ANXIETY);
        Language reader = Language.of(LocaleContextHolder.getLocale());
        Language in = Language.fromCode(language).orElse(reader);
        model.addAttribute("lexicon", shown);
        model.addAttribute("lexicons", List.of(Lexicon.values()));
        model.addAttribute("language", in);
        model.addAttribute("textLanguages", List.of(Language.values()));
        model.addAttribute("entries", administration.entries(shown, in));
        model.addAttribute("mayEdit", administration.mayEditLexicons());

        List<OrganisationSummary> organisations = administration.organisations();
        OrganisationSummary chosen = organisations.stream()
                .filter(o -> o.id().toString().equals(organisation))
                .findFirst()
                .orElse(organisations.isEmpty() ? null : organisations.getFirst());
        model.addAttribute("organisations", organisations);
        model.addAttribute("organisation", chosen);
        model.addAttribute("reader", reader);
        if (chosen != null) {
            Map<Language, String> own = administration.wordings(chosen.id());
            Map<Language, String> shownWordings = new EnumMap<>(Language.class);
            Map<Language, String> defaults = new EnumMap<>(Language.class);
            for (Language l : Language.values()) {
                shownWordings.put(l, own.getOrDefault(l, ""));
                defaults.put(l, administration.defaultWording(l));
            }
            model.addAttribute("wordings", shownWordings);
            model.addAttribute("defaults", defaults);
        }
        return "guardrails/admin";
    }

    @PostMapping("/entries")
    String add(
            @RequestParam(defaultValue = "") String lexicon,
            @RequestParam(defaultValue = "") String language,
            @RequestParam(defaultValue = "") String entry,
            RedirectAttributes redirect) {
        Lexicon list = Lexicon.fromCode(lexicon).orElse(Lexicon.ANXIETY);
        Language in = Language.fromCode(language).orElse(Language.EN);
        try {
            administration.add(list, in, entry);
            redirect.addFlashAttribute("saved", "guardrails.admin.saved.entry");
        } catch (RefusedException e) {
            redirect.addFlashAttribute("refusal", e.messageKey());
            redirect.addFlashAttribute("typedEntry", entry);
        }
        return back(list, in, null);
    }

    @PostMapping("/entries/remove")
    String remove(
            @RequestParam(defaultValue = "") String lexicon,
            @RequestParam(defaultValue = "") String language,
            @RequestParam(defaultValue = "") String entry,
            RedirectAttributes redirect) {
        Lexicon list = Lexicon.fromCode(lexicon).orElse(Lexicon.ANXIETY);
        Language in = Language.fromCode(language).orElse(Language.EN);
        try {
            administration.remove(list, in, entry);
            redirect.addFlashAttribute("saved", "guardrails.admin.saved.entry");
        } catch (RefusedException e) {
            redirect.addFlashAttribute("refusal", e.messageKey());
        }
        return back(list, in, null);
    }

    @PostMapping("/wording")
    String wording(
            @RequestParam(defaultValue = "") String organisation,
            @RequestParam(required = false) @Nullable String wordingNl,
            @RequestParam(required = false) @Nullable String wordingFr,
            @RequestParam(required = false) @Nullable String wordingDe,
            @RequestParam(required = false) @Nullable String wordingEn,
            RedirectAttributes redirect) {
        OrganisationId id;
        try {
            id = OrganisationId.of(organisation.trim());
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("refusal", "guardrails.admin.noOrganisation");
            return "redirect:/admin/guardrails";
        }
        Map<Language, String> wanted = new EnumMap<>(Language.class);
        put(wanted, Language.NL, wordingNl);
        put(wanted, Language.FR, wordingFr);
        put(wanted, Language.DE, wordingDe);
        put(wanted, Language.EN, wordingEn);
        try {
            administration.setWordings(id, wanted);
            redirect.addFlashAttribute("saved", "guardrails.admin.saved.wording");
        } catch (RefusedException e) {
            redirect.addFlashAttribute("refusal", e.messageKey());
        }
        return back(null, null, id);
    }

    /** Only the fields sent are changed: a form without a language's field leaves that language alone. */
    private static void put(Map<Language, String> wanted, Language language, @Nullable String value) {
        if (value != null) {
            wanted.put(language, value);
        }
    }

    private static String back(@Nullable Lexicon lexicon, @Nullable Language language, @Nullable OrganisationId id) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/admin/guardrails");
        if (lexicon != null && language != null) {
            uri.queryParam("lexicon", lexicon.code()).queryParam("language", language.code());
            uri.fragment("lists");
        }
        if (id != null) {
            uri.queryParam("organisation", id.toString());
            uri.fragment("wording");
        }
        return "redirect:" + uri.build().toUriString();
    }
}
