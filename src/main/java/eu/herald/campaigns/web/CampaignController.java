package eu.herald.campaigns.web;

import eu.herald.accounts.Access;
import eu.herald.accounts.Role;
import eu.herald.audiences.AudienceId;
import eu.herald.audiences.Audiences;
import eu.herald.campaigns.CampaignId;
import eu.herald.campaigns.domain.Campaign;
import eu.herald.campaigns.domain.CampaignDraft;
import eu.herald.campaigns.domain.CampaignService;
import eu.herald.campaigns.domain.MessageService;
import eu.herald.common.Channel;
import eu.herald.common.Language;
import eu.herald.common.RefusedException;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Planning pages: the campaign list, the campaign form with channel advice, a campaign's overview and effort log. */
@Controller
@RequestMapping("/campaigns")
class CampaignController {

    private final CampaignService campaigns;
    private final MessageService messages;
    private final Audiences audiences;
    private final Access access;

    CampaignController(CampaignService campaigns, MessageService messages, Audiences audiences, Access access) {
        this.campaigns = campaigns;
        this.messages = messages;
        this.audiences = audiences;
        this.access = access;
    }

    @GetMapping
    String list(Model model) {
        Language language = language();
        model.addAttribute("campaigns", campaigns.visible());
        model.addAttribute("canPlan", !campaigns.plannable().isEmpty());
        model.addAttribute(
                "themes", campaigns.themes().stream().collect(Collectors.toMap(t -> t.id(), t -> t.name(language))));
        model.addAttribute("organisationNames", organisationNames());
        return "campaigns/campaigns";
    }

    /**
     * Finds areas by name, postcode or NIS code: a page of its own without JavaScript, and the results under the
     * campaign form's areas field with htmx (each with a button that adds its code to the field).
     */
    @GetMapping("/areas")
    String areas(
            @RequestParam(defaultValue = "") String q,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            Model model) {
        String query = q.strip();
        model.addAttribute("q", query);
        model.addAttribute("language", language());
        model.addAttribute("found", query.length() < 2 ? List.of() : audiences.searchAreas(query, 10));
        return htmx != null ? "campaigns/areas :: results" : "campaigns/areas";
    }

    @GetMapping("/new")
    String newCampaign(Model model) {
        CampaignForm form = new CampaignForm();
        var plannable = campaigns.plannable();
        if (!plannable.isEmpty()) {
            form.setOrganisationId(plannable.getFirst().id().toString());
            form.setAreas(String.join(" ", plannable.getFirst().municipalityCodes()));
        }
        form.setStartsOn(LocalDate.now());
        form.setEndsOn(LocalDate.now().plusWeeks(4));
        return showForm(form, null, model);
    }

    @PostMapping
    String create(
            @Valid @ModelAttribute("form") CampaignForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        CampaignDraft draft = errors.hasErrors() ? null : form.draft();
        if (!errors.hasErrors() && draft == null) {
            errors.reject("campaign.error.organisation");
        }
        if (draft != null) {
            try {
                Campaign campaign = campaigns.plan(draft);
                redirect.addFlashAttribute("saved", "campaign.saved");
                return "redirect:/campaigns/" + campaign.id();
            } catch (RefusedException e) {
                reject(errors, e);
            }
        }
        return showForm(form, null, model);
    }

    @GetMapping("/{id}")
    String show(@PathVariable CampaignId id, Model model) {
        Campaign campaign = campaigns.get(id);
        Language language = language();
        model.addAttribute("campaign", campaign);
        model.addAttribute("theme", campaigns.theme(campaign.themeId()).name(language));
        model.addAttribute(
                "organisation",
                organisationNames().getOrDefault(campaign.organisation().toString(), ""));
        model.addAttribute("areas", audiences.areas(campaign.areas()));
        model.addAttribute(
                "audienceNames",
                campaign.audiences().stream()
                        .map(a ->
                                audiences.audience(a).map(x -> x.name(language)).orElse("?"))
                        .toList());
        model.addAttribute("advice", audiences.recommend(campaign.audiences(), language));
        model.addAttribute("messages", messages.ofCampaign(id));
        model.addAttribute("efforts", campaigns.efforts(id));
        model.addAttribute(
                "totalHours",
                campaigns.efforts(id).stream().map(e -> e.hours()).reduce(BigDecimal.ZERO, BigDecimal::add));
        model.addAttribute("canWrite", campaigns.canWrite(campaign));
        model.addAttribute("language", language);
        model.addAttribute("today", LocalDate.now());
        return "campaigns/campaign";
    }

    @GetMapping("/{id}/edit")
    String edit(@PathVariable CampaignId id, Model model) {
        Campaign campaign = campaigns.getForWriting(id);
        return showForm(CampaignForm.of(campaign), campaign, model);
    }

    @PostMapping("/{id}")
    String update(
            @PathVariable CampaignId id,
            @Valid @ModelAttribute("form") CampaignForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        Campaign campaign = campaigns.getForWriting(id);
        form.setOrganisationId(campaign.organisation().toString());
        CampaignDraft draft = errors.hasErrors() ? null : form.draft();
        if (draft != null) {
            try {
                campaigns.update(id, form.getVersion(), draft);
                redirect.addFlashAttribute("saved", "campaign.saved");
                return "redirect:/campaigns/" + id;
            } catch (RefusedException e) {
                reject(errors, e);
            } catch (OptimisticLockingFailureException e) {
                errors.reject("form.conflict");
            }
        }
        return showForm(form, campaign, model);
    }

    @PostMapping("/{id}/effort")
    String logEffort(
            @PathVariable CampaignId id,
            @RequestParam(defaultValue = "") String workedOn,
            @RequestParam(defaultValue = "") String hours,
            @RequestParam(defaultValue = "") String activity,
            RedirectAttributes redirect) {
        try {
            if (activity.isBlank() || activity.length() > 500) {
                throw new RefusedException("effort.error.activity");
            }
            campaigns.logEffort(id, LocalDate.parse(workedOn), new BigDecimal(hours.replace(',', '.')), activity);
            redirect.addFlashAttribute("saved", "effort.saved");
        } catch (RefusedException e) {
            redirect.addFlashAttribute("refusal", e.messageKey());
        } catch (DateTimeParseException | NumberFormatException e) {
            redirect.addFlashAttribute("refusal", "effort.error.input");
        }
        return "redirect:/campaigns/" + id + "#effort";
    }

    /** Channel advice for the audiences ticked in the form: an htmx fragment, also a page without JavaScript. */
    @PostMapping("/advice")
    String advice(@RequestParam(defaultValue = "") List<String> audiences, Model model) {
        model.addAttribute("advice", this.audiences.recommend(audienceIds(audiences), language()));
        return "campaigns/advice :: advice";
    }

    private String showForm(CampaignForm form, Campaign campaign, Model model) {
        Language language = language();
        model.addAttribute("form", form);
        model.addAttribute("campaign", campaign);
        model.addAttribute("organisations", campaigns.plannable());
        model.addAttribute("themes", campaigns.themes());
        model.addAttribute("allAudiences", audiences.audiences());
        model.addAttribute("channels", Channel.values());
        model.addAttribute("language", language);
        model.addAttribute("advice", audiences.recommend(audienceIds(form.getAudiences()), language));
        model.addAttribute("knownAreas", audiences.areas(form.areaCodes()));
        return "campaigns/campaign-form";
    }

    private Map<String, String> organisationNames() {
        Language language = language();
        return READERS.stream()
                .flatMap(role -> access.reachable(role).stream())
                .collect(Collectors.toMap(o -> o.id().toString(), o -> o.name(language), (a, b) -> a));
    }

    private static final List<Role> READERS = List.of(Role.COMMUNICATOR, Role.APPROVER, Role.ANALYST, Role.ADMIN);

    private static void reject(BindingResult errors, RefusedException e) {
        String field = switch (e.messageKey()) {
            case "campaign.error.areas", "campaign.error.unknownArea" -> "areas";
            case "campaign.error.audiences", "campaign.error.unknownAudience" -> "audiences";
            case "campaign.error.period" -> "endsOn";
            case "campaign.error.target" -> "targetValue";
            case "campaign.error.theme" -> "themeId";
            default -> null;
        };
        if (field == null) {
            errors.reject(e.messageKey(), e.arguments(), e.messageKey());
        } else {
            errors.rejectValue(field, e.messageKey(), e.arguments(), e.messageKey());
        }
    }

    private static Language language() {
        return Language.of(LocaleContextHolder.getLocale());
    }

    /** Audience ids from a form; malformed ones are left out (they cannot name an audience). */
    static List<AudienceId> audienceIds(List<String> values) {
        return values.stream()
                .flatMap(value -> {
                    try {
                        return java.util.stream.Stream.of(AudienceId.of(value));
                    } catch (IllegalArgumentException e) {
                        return java.util.stream.Stream.empty();
                    }
                })
                .toList();
    }
}
