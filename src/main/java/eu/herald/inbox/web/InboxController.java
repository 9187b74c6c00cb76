package eu.herald.inbox.web;

import eu.herald.accounts.OrganisationSummary;
import eu.herald.common.Channel;
import eu.herald.common.RefusedException;
import eu.herald.inbox.Category;
import eu.herald.inbox.domain.Item;
import eu.herald.inbox.domain.ItemStatus;
import eu.herald.inbox.domain.Moderation;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The unified inbox and an item's page, with what moderators do there. */
@Controller
class InboxController {

    private final Moderation moderation;

    InboxController(Moderation moderation) {
        this.moderation = moderation;
    }

    @GetMapping("/inbox")
    String inbox(
            @RequestParam(required = false) @Nullable UUID organisation,
            @RequestParam(required = false) @Nullable String category,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String sla,
            @RequestParam(required = false) @Nullable String channel,
            @RequestParam(required = false) @Nullable String assignee,
            @RequestParam(required = false, defaultValue = "false") boolean needsHuman,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            Model model) {
        List<OrganisationSummary> organisations = moderation.organisations();
        Moderation.Filter filter = new Moderation.Filter(
                organisation,
                parse(Category.class, category),
                parse(ItemStatus.class, status),
                blankToNull(sla),
                parse(Channel.class, channel),
                blankToNull(assignee),
                needsHuman);
        List<Item> items = moderation.inbox(filter);
        model.addAttribute("items", items);
        model.addAttribute("now", Instant.now());
        model.addAttribute("organisations", organisations);
        model.addAttribute("categories", Category.values());
        model.addAttribute("statuses", ItemStatus.values());
        model.addAttribute("channels", Channel.values());
        model.addAttribute("teams", moderation.teams());
        model.addAttribute("filter", filter);
        model.addAttribute(
                "duty",
                organisations.stream()
                        .map(o -> new Duty(o, moderation.onDuty(o.id().value())))
                        .toList());
        return htmx != null ? "inbox/index :: results" : "inbox/index";
    }

    /** Whether the current user is on duty for an organisation. */
    record Duty(OrganisationSummary organisation, boolean on) {}

    @PostMapping("/inbox/duty")
    String duty(@RequestParam UUID organisation, @RequestParam boolean on, RedirectAttributes redirect) {
        moderation.onDuty(organisation, on);
        redirect.addFlashAttribute("saved", on ? "inbox.duty.started" : "inbox.duty.ended");
        return "redirect:/inbox";
    }

    @GetMapping("/inbox/items/{id}")
    String item(@PathVariable UUID id, Model model) {
        model.addAttribute("view", moderation.view(id));
        model.addAttribute("others", moderation.presence(id));
        model.addAttribute("categories", Category.values());
        model.addAttribute("now", Instant.now());
        return "inbox/item";
    }

    @GetMapping("/inbox/items/{id}/presence")
    String presence(@PathVariable UUID id, Model model) {
        model.addAttribute("others", moderation.presence(id));
        model.addAttribute("itemId", id);
        return "inbox/item :: presence";
    }

    @PostMapping("/inbox/items/{id}/reply")
    String reply(@PathVariable UUID id, @RequestParam(defaultValue = "") String text, RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            var outcome = moderation.reply(id, text);
            return switch (outcome) {
                case SENT -> "inbox.reply.sent";
                case FAILED -> "inbox.reply.failed";
                case NOT_POSSIBLE -> "inbox.reply.notPossible";
            };
        });
    }

    @PostMapping("/inbox/items/{id}/hide")
    String hide(@PathVariable UUID id, RedirectAttributes redirect) {
        return act(id, redirect, () -> moderation.hide(id) ? "inbox.hide.done" : "inbox.hide.notPossible");
    }

    @PostMapping("/inbox/items/{id}/resolve")
    String resolve(@PathVariable UUID id, RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            moderation.resolve(id);
            return "inbox.resolve.done";
        });
    }

    @PostMapping("/inbox/items/{id}/reopen")
    String reopen(@PathVariable UUID id, RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            moderation.reopen(id);
            return "inbox.reopen.done";
        });
    }

    @PostMapping("/inbox/items/{id}/notes")
    String note(@PathVariable UUID id, @RequestParam(defaultValue = "") String text, RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            moderation.note(id, text);
            return "inbox.note.saved";
        });
    }

    @PostMapping("/inbox/items/{id}/category")
    String category(@PathVariable UUID id, @RequestParam String category, RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            Category c = parse(Category.class, category);
            if (c == null) {
                throw new RefusedException("inbox.category.required");
            }
            moderation.recategorise(id, c);
            return "inbox.category.saved";
        });
    }

    @PostMapping("/inbox/items/{id}/keep")
    String keep(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String reason,
            @RequestParam(defaultValue = "true") boolean keep,
            RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            if (keep && reason.isBlank()) {
                throw new RefusedException("inbox.keep.reasonRequired");
            }
            moderation.keep(id, keep ? reason : null);
            return keep ? "inbox.keep.saved" : "inbox.keep.released";
        });
    }

    @PostMapping("/inbox/items/{id}/take")
    String take(@PathVariable UUID id, RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            moderation.take(id);
            return "inbox.take.done";
        });
    }

    private interface Action {
        String run();
    }

    private static String act(UUID id, RedirectAttributes redirect, Action action) {
        try {
            redirect.addFlashAttribute("saved", action.run());
        } catch (RefusedException e) {
            redirect.addFlashAttribute("refusal", e.messageKey());
        }
        return "redirect:/inbox/items/" + id;
    }

    static <E extends Enum<E>> @Nullable E parse(Class<E> type, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return Arrays.stream(type.getEnumConstants())
                .filter(e -> e.name().equals(value))
                .findFirst()
                .orElse(null);
    }

    static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
