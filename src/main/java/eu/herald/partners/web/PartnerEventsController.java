package eu.herald.partners.web;

import eu.herald.accounts.OrganisationId;
import eu.herald.common.Language;
import eu.herald.common.NotFoundException;
import eu.herald.common.RefusedException;
import eu.herald.partners.domain.AlertService;
import eu.herald.partners.domain.CalendarFeedService;
import eu.herald.partners.domain.DigestFrequency;
import eu.herald.partners.domain.DigestService;
import eu.herald.partners.domain.EventKind;
import eu.herald.partners.domain.EventService;
import eu.herald.partners.domain.NeedToKnow;
import eu.herald.partners.domain.PartnerAlert;
import eu.herald.partners.domain.PartnerEvent;
import jakarta.validation.Valid;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The partner portal's events (calendar, registration, the organisers' form), urgent alerts, a partner's own settings
 * (digest, calendar feed), and the two pages that work without signing in: the feed and the digest's unsubscribe link.
 */
@Controller
class PartnerEventsController {

    private final EventService events;
    private final CalendarFeedService feeds;
    private final DigestService digests;
    private final AlertService alerts;
    private final MessageSource messages;

    PartnerEventsController(
            EventService events,
            CalendarFeedService feeds,
            DigestService digests,
            AlertService alerts,
            MessageSource messages) {
        this.messages = messages;
        this.events = events;
        this.feeds = feeds;
        this.digests = digests;
        this.alerts = alerts;
    }

    @GetMapping("/partners/events")
    String calendar(Model model) {
        model.addAttribute("events", events.calendar());
        model.addAttribute("organiser", !events.organisableOrganisations().isEmpty());
        return "partners/events";
    }

    @GetMapping("/partners/events/{id}")
    String event(@PathVariable UUID id, Model model) {
        model.addAttribute("view", events.view(id));
        return "partners/event";
    }

    /**
     * The registrants of an event the caller organises, as a CSV attendance list (audited; anyone else gets 404).
     */
    @GetMapping("/partners/events/{id}/registrations.csv")
    ResponseEntity<byte[]> registrations(@PathVariable UUID id, Locale locale) {
        EventService.RegistrantList list = events.export(id, "csv");
        List<String> header = Stream.of("name", "group", "organisation", "registeredAt", "signature")
                .map(column -> messages.getMessage("partners.registrants.column." + column, null, locale))
                .toList();
        String csv = RegistrantsCsv.write(header, list.registrants());
        String file = "herald-registrations-" + list.event().localStart().toLocalDate() + ".csv";
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore())
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(file).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(csv.getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping("/partners/events/new")
    String newEvent(Model model) {
        EventForm form = new EventForm();
        form.setLanguage(Language.of(LocaleContextHolder.getLocale()));
        model.addAttribute("form", form);
        return eventFormPage(model);
    }

    @PostMapping("/partners/events")
    String createEvent(
            @Valid @ModelAttribute("form") EventForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            return eventFormPage(model);
        }
        try {
            PartnerEvent created = events.create(
                    new OrganisationId(form.getOrganisationId()), form.draft(), form.isAllGroups(), form.groupIds());
            redirect.addFlashAttribute("saved", "partners.event.created");
            return "redirect:/partners/events/" + created.id();
        } catch (RefusedException e) {
            errors.reject(e.messageKey(), e.arguments(), e.messageKey());
            return eventFormPage(model);
        }
    }

    @PostMapping("/partners/events/{id}/registration")
    String register(@PathVariable UUID id, RedirectAttributes redirect) {
        try {
            events.register(id);
            redirect.addFlashAttribute("saved", "partners.event.registered");
        } catch (RefusedException e) {
            redirect.addFlashAttribute("refusal", e.messageKey());
        }
        return "redirect:/partners/events/" + id;
    }

    @PostMapping("/partners/events/{id}/cancellation")
    String cancel(@PathVariable UUID id, RedirectAttributes redirect) {
        events.cancel(id);
        redirect.addFlashAttribute("saved", "partners.event.cancelled");
        return "redirect:/partners/events/" + id;
    }

    private String eventFormPage(Model model) {
        model.addAttribute("organisations", events.organisableOrganisations());
        model.addAttribute("groups", events.organisableGroups());
        model.addAttribute("kinds", EventKind.values());
        model.addAttribute("levels", NeedToKnow.values());
        model.addAttribute("languages", Language.values());
        model.addAttribute("uiLanguage", Language.of(LocaleContextHolder.getLocale()));
        return "partners/event-form";
    }

    @GetMapping("/partners/settings")
    String settings(Model model) {
        model.addAttribute("frequency", digests.frequency());
        model.addAttribute("frequencies", DigestFrequency.values());
        model.addAttribute("feedSince", feeds.current().orElse(null));
        return "partners/settings";
    }

    @PostMapping("/partners/settings/digest")
    String chooseDigest(
            @RequestParam(required = false) @Nullable DigestFrequency frequency, RedirectAttributes redirect) {
        if (frequency == null) {
            redirect.addFlashAttribute("refusal", "partners.digest.frequencyRequired");
        } else {
            digests.choose(frequency);
            redirect.addFlashAttribute("saved", "partners.digest.saved");
        }
        return "redirect:/partners/settings";
    }

    @PostMapping("/partners/settings/feed")
    String renewFeed(RedirectAttributes redirect) {
        redirect.addFlashAttribute("feedUrl", feeds.renew());
        redirect.addFlashAttribute("saved", "partners.feed.created");
        return "redirect:/partners/settings";
    }

    @PostMapping("/partners/settings/feed/revoke")
    String revokeFeed(RedirectAttributes redirect) {
        feeds.revoke();
        redirect.addFlashAttribute("saved", "partners.feed.revoked");
        return "redirect:/partners/settings";
    }

    /** The calendar feed: no session, the secret token is the key; unknown or revoked tokens are 404. */
    @GetMapping("/partners/feed/{token}")
    ResponseEntity<byte[]> feed(@PathVariable String token) {
        String calendar = feeds.feed(token).orElseThrow(() -> new NotFoundException("feed"));
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "calendar", StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"herald-events.ics\"")
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .body(calendar.getBytes(StandardCharsets.UTF_8));
    }

    /** The digest's unsubscribe link: a confirmation page with a button (a GET changes nothing). */
    @GetMapping("/partners/digest/unsubscribe")
    String unsubscribePage(@RequestParam(defaultValue = "") String token, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("valid", digests.validUnsubscribe(token));
        model.addAttribute("done", false);
        return "partners/unsubscribe";
    }

    @PostMapping("/partners/digest/unsubscribe")
    String unsubscribe(@RequestParam(defaultValue = "") String token, Model model) {
        boolean done = digests.unsubscribe(token);
        model.addAttribute("token", token);
        model.addAttribute("valid", done);
        model.addAttribute("done", done);
        return "partners/unsubscribe";
    }

    @GetMapping("/partners/alerts")
    String alerts(Model model) {
        model.addAttribute("alerts", alerts.all());
        model.addAttribute("organiser", !events.organisableOrganisations().isEmpty());
        model.addAttribute("now", Instant.now());
        return "partners/alerts";
    }

    @GetMapping("/partners/alerts/new")
    String newAlert(Model model) {
        AlertForm form = new AlertForm();
        form.setLanguage(Language.of(LocaleContextHolder.getLocale()));
        model.addAttribute("form", form);
        return alertFormPage(model);
    }

    @PostMapping("/partners/alerts")
    String sendAlert(
            @Valid @ModelAttribute("form") AlertForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            return alertFormPage(model);
        }
        try {
            PartnerAlert alert = alerts.send(
                    new OrganisationId(form.getOrganisationId()),
                    form.groupIds(),
                    form.getTitle(),
                    form.getBody(),
                    form.getLanguage() == null ? Language.EN : form.getLanguage(),
                    Instant.now().plus(Duration.ofDays(form.getDays())));
            redirect.addFlashAttribute("saved", "partners.alert.sent");
            return "redirect:/partners/alerts/" + alert.id();
        } catch (RefusedException e) {
            errors.reject(e.messageKey(), e.arguments(), e.messageKey());
            return alertFormPage(model);
        }
    }

    @GetMapping("/partners/alerts/{id}")
    String alert(@PathVariable UUID id, Model model) {
        model.addAttribute("view", alerts.view(id));
        model.addAttribute("now", Instant.now());
        return "partners/alert";
    }

    @PostMapping("/partners/alerts/{id}/resend")
    String resend(@PathVariable UUID id, RedirectAttributes redirect) {
        try {
            alerts.resend(id);
            redirect.addFlashAttribute("saved", "partners.alert.resent");
        } catch (RefusedException e) {
            redirect.addFlashAttribute("refusal", e.messageKey());
        }
        return "redirect:/partners/alerts/" + id;
    }

    @PostMapping("/partners/alerts/{id}/unpin")
    String unpin(@PathVariable UUID id, RedirectAttributes redirect) {
        try {
            alerts.unpin(id);
            redirect.addFlashAttribute("saved", "partners.alert.unpinned");
        } catch (RefusedException e) {
            redirect.addFlashAttribute("refusal", e.messageKey());
        }
        return "redirect:/partners/alerts/" + id;
    }

    private String alertFormPage(Model model) {
        model.addAttribute("organisations", events.organisableOrganisations());
        model.addAttribute("groups", events.organisableGroups());
        model.addAttribute("languages", Language.values());
        model.addAttribute("uiLanguage", Language.of(LocaleContextHolder.getLocale()));
        return "partners/alert-form";
    }
}
