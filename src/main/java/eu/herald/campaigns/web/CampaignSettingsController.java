package eu.herald.campaigns.web;

import eu.herald.audiences.AudienceId;
import eu.herald.audiences.Audiences;
import eu.herald.campaigns.domain.CampaignService;
import eu.herald.campaigns.domain.CampaignSettings;
import eu.herald.campaigns.domain.FatigueBudget;
import eu.herald.common.Language;
import eu.herald.common.RefusedException;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The admin page for campaign themes and fatigue caps. */
@Controller
@RequestMapping("/admin/campaigns")
class CampaignSettingsController {

    private final CampaignSettings settings;
    private final CampaignService campaigns;
    private final Audiences audiences;

    CampaignSettingsController(CampaignSettings settings, CampaignService campaigns, Audiences audiences) {
        this.settings = settings;
        this.campaigns = campaigns;
        this.audiences = audiences;
    }

    @GetMapping
    String page(Model model) {
        Language language = Language.of(LocaleContextHolder.getLocale());
        model.addAttribute("caps", settings.caps());
        model.addAttribute("themes", campaigns.themes());
        model.addAttribute("allAudiences", audiences.audiences());
        model.addAttribute("periods", FatigueBudget.Period.values());
        model.addAttribute("language", language);
        model.addAttribute(
                "audienceNames",
                audiences.audiences().stream()
                        .collect(java.util.stream.Collectors.toMap(a -> a.id().toString(), a -> a.name(language))));
        return "campaigns/settings";
    }

    @PostMapping("/caps")
    String setCap(
            @RequestParam(defaultValue = "") String audience,
            @RequestParam(defaultValue = "0") int maxMessages,
            @RequestParam(defaultValue = "WEEK") FatigueBudget.Period period,
            RedirectAttributes redirect) {
        return change(
                redirect,
                "settings.capSaved",
                () -> settings.setCap(
                        audience.isBlank()
                                ? null
                                : CampaignController.audienceIds(java.util.List.of(audience)).stream()
                                        .findFirst()
                                        .orElseThrow(() -> new RefusedException("campaign.error.unknownAudience")),
                        maxMessages,
                        period));
    }

    @PostMapping("/caps/{audience}/remove")
    String removeCap(@PathVariable UUID audience, RedirectAttributes redirect) {
        return change(redirect, "settings.capRemoved", () -> settings.removeCap(new AudienceId(audience)));
    }

    @PostMapping("/themes")
    String addTheme(
            @RequestParam(defaultValue = "") String key,
            @RequestParam(defaultValue = "") String nameNl,
            @RequestParam(defaultValue = "") String nameFr,
            @RequestParam(defaultValue = "") String nameDe,
            @RequestParam(defaultValue = "") String nameEn,
            RedirectAttributes redirect) {
        Map<Language, String> names = new EnumMap<>(Language.class);
        names.put(Language.NL, nameNl);
        names.put(Language.FR, nameFr);
        names.put(Language.DE, nameDe);
        names.put(Language.EN, nameEn);
        return change(redirect, "settings.themeAdded", () -> settings.addTheme(key.strip(), names));
    }

    @PostMapping("/themes/{id}/active")
    String setActive(@PathVariable UUID id, @RequestParam boolean active, RedirectAttributes redirect) {
        return change(redirect, "settings.themeSaved", () -> settings.setThemeActive(id, active));
    }

    private static String change(RedirectAttributes redirect, String success, Runnable change) {
        try {
            change.run();
            redirect.addFlashAttribute("saved", success);
        } catch (RefusedException e) {
            redirect.addFlashAttribute("refusal", e.messageKey());
        }
        return "redirect:/admin/campaigns";
    }
}
