package eu.herald.accounts.web;

import eu.herald.accounts.domain.InvitationService;
import eu.herald.accounts.domain.User;
import eu.herald.common.RefusedException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.WebUtils;

/** Where an invitation link leads: the invited person chooses a password. */
@Controller
@RequestMapping("/invitation")
class InvitationController {

    /** The cookie where the language switch keeps a visitor's choice (see common's WebConfiguration). */
    private static final String LANGUAGE_COOKIE = "HERALD_LANG";

    private final InvitationService invitations;
    private final LocaleResolver locales;

    InvitationController(InvitationService invitations, LocaleResolver locales) {
        this.invitations = invitations;
        this.locales = locales;
    }

    /**
     * The invitation opens in the language the administrator chose for the invitee, unless the visitor already chose
     * one with the language switch; the switch keeps working on the page.
     */
    @GetMapping
    String show(
            @RequestParam(defaultValue = "") String token,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        Optional<User> user = invitations.userFor(token);
        if (user.isEmpty()) {
            return "accounts/invitation-invalid";
        }
        if (WebUtils.getCookie(request, LANGUAGE_COOKIE) == null) {
            locales.setLocale(request, response, user.get().language().locale());
        }
        model.addAttribute("form", new PasswordForm());
        model.addAttribute("token", token);
        model.addAttribute("invited", user.get());
        return "accounts/invitation";
    }

    @PostMapping
    String accept(
            @RequestParam(defaultValue = "") String token,
            @Valid @ModelAttribute("form") PasswordForm form,
            BindingResult errors,
            Model model) {
        Optional<User> user = invitations.userFor(token);
        if (user.isEmpty()) {
            return "accounts/invitation-invalid";
        }
        if (!errors.hasErrors() && !form.confirmed()) {
            errors.rejectValue("confirmation", "password.error.mismatch");
        }
        if (!errors.hasErrors()) {
            try {
                invitations.accept(token, form.getPassword());
                return "redirect:/login?passwordSet";
            } catch (RefusedException e) {
                errors.rejectValue("password", e.messageKey(), e.arguments(), e.messageKey());
            }
        }
        form.setPassword("");
        form.setConfirmation("");
        model.addAttribute("token", token);
        model.addAttribute("invited", user.get());
        return "accounts/invitation";
    }
}
