package eu.herald.publishing.web;

import eu.herald.accounts.OrganisationId;
import eu.herald.campaigns.MessageId;
import eu.herald.campaigns.VariantId;
import eu.herald.channels.ChannelAccountId;
import eu.herald.common.Language;
import eu.herald.common.NotFoundException;
import eu.herald.common.RefusedException;
import eu.herald.publishing.DeliveryId;
import eu.herald.publishing.DeliveryStatus;
import eu.herald.publishing.domain.Delivery;
import eu.herald.publishing.domain.DeliveryService;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The deliveries pages: the list (refreshed by htmx), one delivery with its attempts, and scheduling a message. */
@Controller
class DeliveryController {

    private static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

    private final DeliveryService deliveries;
    private final MessageSource messages;

    DeliveryController(DeliveryService deliveries, MessageSource messages) {
        this.deliveries = deliveries;
        this.messages = messages;
    }

    @GetMapping("/deliveries")
    String list(
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String organisation,
            @RequestParam(required = false) @Nullable String message,
            @RequestParam(defaultValue = "false") boolean stuck,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            Model model) {
        DeliveryStatus wanted = parseStatus(status);
        OrganisationId org = parseUuid(organisation) == null ? null : new OrganisationId(parseUuid(organisation));
        MessageId msg = parseUuid(message) == null ? null : new MessageId(parseUuid(message));
        List<Delivery> list = deliveries.list(new DeliveryService.Query(org, wanted, msg, null, stuck));
        model.addAttribute("deliveries", list);
        model.addAttribute("statuses", DeliveryStatus.values());
        model.addAttribute("status", wanted == null ? "" : wanted.name());
        model.addAttribute("organisations", deliveries.organisations());
        model.addAttribute("organisation", org == null ? "" : org.toString());
        model.addAttribute("message", msg == null ? "" : msg.toString());
        model.addAttribute("stuck", stuck);
        model.addAttribute("language", language());
        return htmx != null ? "publishing/deliveries :: results" : "publishing/deliveries";
    }

    @GetMapping("/deliveries/{id}")
    String show(@PathVariable UUID id, Model model) {
        DeliveryId deliveryId = new DeliveryId(id);
        Delivery delivery = deliveries.get(deliveryId);
        model.addAttribute("delivery", delivery);
        model.addAttribute("attempts", deliveries.attempts(deliveryId));
        model.addAttribute("canAct", deliveries.canWrite(delivery.organisation()));
        return "publishing/delivery";
    }

    @PostMapping("/deliveries/{id}/cancel")
    String cancel(@PathVariable UUID id, RedirectAttributes redirect) {
        return act(id, redirect, "publishing.cancelled", () -> deliveries.cancel(new DeliveryId(id)));
    }

    @PostMapping("/deliveries/{id}/retry")
    String retry(@PathVariable UUID id, RedirectAttributes redirect) {
        return act(id, redirect, "publishing.retried", () -> deliveries.retry(new DeliveryId(id)));
    }

    private String act(UUID id, RedirectAttributes redirect, String saved, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("saved", saved);
        } catch (RefusedException e) {
            redirect.addFlashAttribute("refusal", e.messageKey());
        }
        return "redirect:/deliveries/" + id;
    }

    @GetMapping("/deliveries/new")
    String choose(@RequestParam(required = false) @Nullable String message, Model model) {
        UUID messageId = parseUuid(message);
        if (messageId == null) {
            throw new NotFoundException("message");
        }
        fill(model, new MessageId(messageId), List.of(), List.of(), "");
        return "publishing/new";
    }

    @PostMapping("/deliveries")
    String schedule(
            @RequestParam(defaultValue = "") String message,
            @RequestParam(name = "target", required = false) @Nullable List<String> targets,
            @RequestParam(defaultValue = "") String at,
            Model model,
            RedirectAttributes redirect) {
        UUID messageId = parseUuid(message);
        if (messageId == null) {
            throw new NotFoundException("message");
        }
        MessageId id = new MessageId(messageId);
        List<String> chosen = targets == null ? List.of() : targets;
        List<String> errors = new ArrayList<>();
        Instant when = null;
        if (chosen.isEmpty()) {
            errors.add(text("publishing.error.noTarget"));
        }
        try {
            when = LocalDateTime.parse(at).atZone(BRUSSELS).toInstant();
        } catch (DateTimeParseException e) {
            errors.add(text("publishing.error.at"));
        }
        if (!errors.isEmpty() || when == null) {
            fill(model, id, chosen, errors, at);
            return "publishing/new";
        }
        int created = 0;
        for (String target : chosen) {
            String[] parts = target.split(":", 2);
            if (parts.length != 2 || parseUuid(parts[0]) == null || parseUuid(parts[1]) == null) {
                continue;
            }
            try {
                deliveries.schedule(
                        new VariantId(UUID.fromString(parts[0])),
                        new ChannelAccountId(UUID.fromString(parts[1])),
                        when);
                created++;
            } catch (RefusedException e) {
                errors.add(messages.getMessage(e.messageKey(), e.arguments(), LocaleContextHolder.getLocale()));
            }
        }
        if (!errors.isEmpty()) {
            fill(model, id, chosen, errors, at);
            model.addAttribute("created", created);
            return "publishing/new";
        }
        redirect.addFlashAttribute("saved", "publishing.scheduled");
        return "redirect:/deliveries?message=" + id;
    }

    private void fill(Model model, MessageId message, List<String> chosen, List<String> errors, String at) {
        DeliveryService.Choices choices = deliveries.choices(message);
        model.addAttribute("choices", choices);
        model.addAttribute("chosen", chosen);
        model.addAttribute("errors", errors);
        String defaultAt = LocalDateTime.ofInstant(
                        (choices.scheduledAt() != null && choices.scheduledAt().isAfter(Instant.now()))
                                ? choices.scheduledAt()
                                : Instant.now().plus(5, ChronoUnit.MINUTES),
                        BRUSSELS)
                .truncatedTo(ChronoUnit.MINUTES)
                .toString();
        model.addAttribute("at", at.isBlank() ? defaultAt : at);
        model.addAttribute("language", language());
    }

    private String text(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }

    private static @Nullable DeliveryStatus parseStatus(@Nullable String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return DeliveryStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static @Nullable UUID parseUuid(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Language language() {
        return Language.of(LocaleContextHolder.getLocale());
    }
}
