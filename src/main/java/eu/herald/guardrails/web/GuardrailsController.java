package eu.herald.guardrails.web;

import eu.herald.common.Channel;
import eu.herald.common.Language;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;

/**
 * "Check a text" for communicators and approvers: the page works as a plain form, and with htmx the result updates
 * while typing (the same URL answers an {@code HX-Request} with the findings fragment only).
 *
 * <p><b>The findings fragment for other pages</b> (the campaigns editor): {@code POST /guardrails/check}, form-encoded
 * with the page's CSRF token (htmx sends it as a header, see static/js/herald.js), roles COMMUNICATOR, APPROVER or
 * ADMIN. Fields: {@code text} (up to 100 000 characters; may be empty), {@code channel} (a {@link Channel} name, e.g.
 * {@code FACEBOOK}), {@code language} (optional: {@code nl}, {@code fr}, {@code de} or {@code en}; empty or absent:
 * detected), {@code organisation} (optional: an organisation id whose emergency-line sentence applies; the user must
 * hold one of those roles there, else 404; absent: the first organisation the user checks for). Answer: 200 with
 * the HTML fragment {@code guardrails/findings :: findings}, one {@code <div id="guardrails-findings">} carrying its
 * own heading (h2), the language, the length against the channel's limit, the text with each finding marked and
 * numbered, and the findings table, in the reader's language; invalid fields give the same fragment with the error
 * messages instead of findings. Include it with e.g. {@code hx-post="/guardrails/check" hx-trigger="input changed
 * delay:400ms" hx-include="closest form" hx-target="#guardrails-findings" hx-swap="outerHTML"}.
 */
@Controller
class GuardrailsController {

    private final CheckService checks;

    GuardrailsController(CheckService checks) {
        this.checks = checks;
    }

    @GetMapping("/guardrails")
    String page(Model model) {
        model.addAttribute("form", new CheckForm());
        return show(model);
    }

    @PostMapping("/guardrails")
    String check(
            @Valid @ModelAttribute("form") CheckForm form,
            BindingResult errors,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            Model model) {
        result(form, errors, model);
        return htmx != null ? "guardrails/findings :: findings" : show(model);
    }

    /** The reusable findings fragment (see the class comment for its contract). */
    @PostMapping("/guardrails/check")
    String fragment(@Valid @ModelAttribute("form") CheckForm form, BindingResult errors, Model model) {
        result(form, errors, model);
        return "guardrails/findings :: findings";
    }

    private void result(CheckForm form, BindingResult errors, Model model) {
        model.addAttribute(
                "fieldErrors",
                errors.getFieldErrors().stream()
                        .map(e -> e.getDefaultMessage() == null ? "" : e.getDefaultMessage())
                        .toList());
        if (!errors.hasErrors() && form.getChannel() != null && !form.getText().isBlank()) {
            model.addAttribute(
                    "check",
                    checks.view(
                            form.getText(), form.getChannel(), form.getLanguage(), form.getOrganisation(), locale()));
            model.addAttribute("text", form.getText());
        }
    }

    private static String show(Model model) {
        model.addAttribute("channels", List.of(Channel.values()));
        model.addAttribute("textLanguages", List.of(Language.values()));
        return "guardrails/check";
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
