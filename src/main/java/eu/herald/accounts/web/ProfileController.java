package eu.herald.accounts.web;

import eu.herald.accounts.domain.TokenService;
import eu.herald.accounts.domain.UserDirectory;
import eu.herald.common.RefusedException;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The signed-in user's own page: password and personal access tokens for the API. */
@Controller
@RequestMapping("/profile")
class ProfileController {

    private static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

    private final UserDirectory users;
    private final TokenService tokens;

    ProfileController(UserDirectory users, TokenService tokens) {
        this.users = users;
        this.tokens = tokens;
    }

    @GetMapping
    String profile(Model model) {
        model.addAttribute("form", new PasswordForm());
        return show(model);
    }

    @PostMapping("/password")
    String changePassword(
            @Valid @ModelAttribute("form") PasswordForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        if (!errors.hasErrors() && !form.confirmed()) {
            errors.rejectValue("confirmation", "password.error.mismatch");
        }
        if (!errors.hasErrors()) {
            try {
                users.changeOwnPassword(form.getCurrent(), form.getPassword());
                redirect.addFlashAttribute("saved", "password.changed");
                return "redirect:/profile";
            } catch (RefusedException e) {
                String field = e.messageKey().equals("password.error.current") ? "current" : "password";
                errors.rejectValue(field, e.messageKey(), e.arguments(), e.messageKey());
            }
        }
        form.setCurrent("");
        form.setPassword("");
        form.setConfirmation("");
        return show(model);
    }

    @GetMapping("/tokens")
    String tokens(Model model) {
        model.addAttribute("tokens", tokens.own());
        model.addAttribute("now", Instant.now());
        return "accounts/tokens";
    }

    @PostMapping("/tokens")
    String createToken(
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String expires,
            Model model,
            RedirectAttributes redirect) {
        Instant expiresAt = null;
        try {
            if (!expires.isBlank()) {
                expiresAt = LocalDate.parse(expires)
                        .plusDays(1)
                        .atStartOfDay(BRUSSELS)
                        .toInstant();
            }
            TokenService.NewToken created = tokens.createOwn(name, expiresAt);
            redirect.addFlashAttribute("newToken", created.value());
            redirect.addFlashAttribute("saved", "token.made");
        } catch (RefusedException e) {
            redirect.addFlashAttribute("refusal", e.messageKey());
        } catch (java.time.format.DateTimeParseException e) {
            redirect.addFlashAttribute("refusal", "token.error.expiry");
        }
        return "redirect:/profile/tokens";
    }

    @PostMapping("/tokens/{id}/revoke")
    String revoke(@PathVariable UUID id, RedirectAttributes redirect) {
        tokens.revokeOwn(id);
        redirect.addFlashAttribute("saved", "token.revoked");
        return "redirect:/profile/tokens";
    }

    private String show(Model model) {
        model.addAttribute("me", users.current());
        model.addAttribute("today", LocalDate.now(Clock.system(BRUSSELS)));
        return "accounts/profile";
    }
}
