package eu.herald.audit.web;

import eu.herald.accounts.Role;
import eu.herald.audit.internal.AuditFilter;
import eu.herald.audit.internal.AuditTrail;
import eu.herald.common.Language;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit page: who did what, when, where; filtered, newest first. One URL, page or htmx fragment. */
@Controller
class AuditController {

    private final AuditTrail trail;

    AuditController(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping("/admin/audit")
    String audit(
            @RequestParam(defaultValue = "") String who,
            @RequestParam(defaultValue = "") String what,
            @RequestParam(defaultValue = "") String from,
            @RequestParam(defaultValue = "") String to,
            @RequestParam(defaultValue = "") String organisation,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model) {
        List<String> errors = new ArrayList<>();
        LocalDate fromDate = date(from, "from", errors);
        LocalDate toDate = date(to, "to", errors);
        UUID organisationId = uuid(organisation);
        var organisations = trail.organisations();
        model.addAttribute("entries", trail.search(new AuditFilter(who, what, fromDate, toDate, organisationId)));
        model.addAttribute("organisations", organisations);
        model.addAttribute("actions", trail.actions());
        model.addAttribute("language", Language.of(LocaleContextHolder.getLocale()));
        model.addAttribute("who", who);
        model.addAttribute("what", what);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("organisation", organisation);
        model.addAttribute("dateErrors", errors);
        model.addAttribute("role", Role.ADMIN);
        model.addAttribute("partial", htmx != null);
        return htmx != null ? "audit/audit :: results" : "audit/audit";
    }

    private static @Nullable LocalDate date(String value, String field, List<String> errors) {
        if (value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            errors.add(field);
            return null;
        }
    }

    private static @Nullable UUID uuid(String value) {
        try {
            return value.isBlank() ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
