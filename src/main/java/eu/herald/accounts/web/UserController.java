package eu.herald.accounts.web;

import eu.herald.accounts.Access;
import eu.herald.accounts.OrganisationId;
import eu.herald.accounts.OrganisationSummary;
import eu.herald.accounts.Role;
import eu.herald.accounts.UserId;
import eu.herald.accounts.domain.InvitationService;
import eu.herald.accounts.domain.Membership;
import eu.herald.accounts.domain.NewUser;
import eu.herald.accounts.domain.User;
import eu.herald.accounts.domain.UserDirectory;
import eu.herald.common.Language;
import eu.herald.common.RefusedException;
import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
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

/** Admin pages for users and their memberships. */
@Controller
@RequestMapping("/admin/users")
class UserController {

    /** A membership as the user page lists it. */
    record MembershipView(UUID id, String organisation, Role role) {}

    private final UserDirectory users;
    private final Access access;

    UserController(UserDirectory users, Access access) {
        this.users = users;
        this.access = access;
    }

    /** The list; with {@code HX-Request} only the result table, for the search-as-you-type. */
    @GetMapping
    String list(
            @RequestParam(defaultValue = "") String q,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model) {
        model.addAttribute("users", users.visible(q));
        model.addAttribute("q", q);
        model.addAttribute("partial", htmx != null);
        return htmx != null ? "accounts/users :: results" : "accounts/users";
    }

    @GetMapping("/invite")
    String inviteForm(Model model) {
        InviteForm form = new InviteForm();
        form.setLanguage(Language.of(LocaleContextHolder.getLocale()));
        return showInvite(form, model);
    }

    @PostMapping("/invite")
    String invite(
            @Valid @ModelAttribute("form") InviteForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        OrganisationId organisation = parse(form.getOrganisationId());
        if (organisation == null && !errors.hasFieldErrors("organisationId")) {
            errors.rejectValue("organisationId", "membership.error.organisation");
        }
        if (!errors.hasErrors()) {
            try {
                UserDirectory.Invited invited = users.invite(new NewUser(
                        form.getEmail(),
                        form.getDisplayName(),
                        form.getLanguage(),
                        organisation,
                        form.getRole(),
                        form.isServiceAccount()));
                flashInvitation(invited.invitation(), redirect);
                redirect.addFlashAttribute("saved", "user.invited");
                return "redirect:/admin/users/" + invited.user().id();
            } catch (RefusedException e) {
                if (e.messageKey().equals("user.error.emailTaken")) {
                    errors.rejectValue("email", e.messageKey());
                } else {
                    errors.reject(e.messageKey(), e.arguments(), e.messageKey());
                }
            }
        }
        return showInvite(form, model);
    }

    @GetMapping("/{id}")
    String show(@PathVariable UserId id, Model model) {
        User user = users.get(id);
        return showUser(user, UserForm.of(user), model);
    }

    @PostMapping("/{id}")
    String update(
            @PathVariable UserId id,
            @Valid @ModelAttribute("form") UserForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        User user = users.get(id);
        if (!errors.hasErrors()) {
            try {
                users.update(id, form.getVersion(), form.getEmail(), form.getDisplayName(), form.getLanguage());
                redirect.addFlashAttribute("saved", "user.saved");
                return "redirect:/admin/users/" + id;
            } catch (RefusedException e) {
                if (e.messageKey().equals("user.error.emailTaken")) {
                    errors.rejectValue("email", e.messageKey());
                } else {
                    errors.reject(e.messageKey(), e.arguments(), e.messageKey());
                }
            } catch (OptimisticLockingFailureException e) {
                errors.reject("form.conflict");
            }
        }
        return showUser(user, form, model);
    }

    @PostMapping("/{id}/deactivate")
    String deactivate(@PathVariable UserId id, @RequestParam int version, RedirectAttributes redirect) {
        return change(id, redirect, "user.deactivated", () -> users.deactivate(id, version));
    }

    @PostMapping("/{id}/reactivate")
    String reactivate(@PathVariable UserId id, @RequestParam int version, RedirectAttributes redirect) {
        return change(id, redirect, "user.reactivated", () -> users.reactivate(id, version));
    }

    @PostMapping("/{id}/invitation")
    String resend(@PathVariable UserId id, RedirectAttributes redirect) {
        try {
            flashInvitation(users.resendInvitation(id), redirect);
            redirect.addFlashAttribute("saved", "user.invitationSent");
        } catch (RefusedException e) {
            redirect.addFlashAttribute("refusal", e.messageKey());
        }
        return "redirect:/admin/users/" + id;
    }

    @PostMapping("/{id}/memberships")
    String grant(
            @PathVariable UserId id,
            @RequestParam(defaultValue = "") String organisationId,
            @RequestParam(required = false) Role role,
            RedirectAttributes redirect) {
        OrganisationId organisation = parse(organisationId);
        if (organisation == null || role == null) {
            redirect.addFlashAttribute("refusal", "membership.error.incomplete");
            return "redirect:/admin/users/" + id;
        }
        return change(id, redirect, "membership.granted", () -> users.grant(id, organisation, role));
    }

    @PostMapping("/{id}/memberships/{membership}/revoke")
    String revoke(@PathVariable UserId id, @PathVariable UUID membership, RedirectAttributes redirect) {
        return change(id, redirect, "membership.revoked", () -> users.revoke(id, membership));
    }

    private String change(UserId id, RedirectAttributes redirect, String success, Runnable change) {
        try {
            change.run();
            redirect.addFlashAttribute("saved", success);
        } catch (RefusedException e) {
            redirect.addFlashAttribute("refusal", e.messageKey());
        } catch (OptimisticLockingFailureException e) {
            redirect.addFlashAttribute("refusal", "form.conflict");
        }
        return "redirect:/admin/users/" + id;
    }

    private static void flashInvitation(InvitationService.Sent sent, RedirectAttributes redirect) {
        if (sent != null && sent.showLinkToAdmin()) {
            redirect.addFlashAttribute("invitationLink", sent.link());
            redirect.addFlashAttribute("invitationMail", sent.mail().name());
        }
    }

    private String showInvite(InviteForm form, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("organisations", activeAdministered());
        model.addAttribute("roles", Role.values());
        model.addAttribute("languageChoices", Language.values());
        model.addAttribute("language", language());
        return "accounts/user-invite";
    }

    private String showUser(User user, UserForm form, Model model) {
        List<OrganisationSummary> administered = activeAdministered();
        Language language = language();
        List<MembershipView> memberships = users.memberships(user.id()).stream()
                .map((Membership m) -> new MembershipView(
                        m.id(),
                        access.organisation(m.organisation())
                                .map(o -> o.name(language))
                                .orElse("?"),
                        m.role()))
                .toList();
        model.addAttribute("user", user);
        model.addAttribute("form", form);
        model.addAttribute("memberships", memberships);
        model.addAttribute("organisations", administered);
        model.addAttribute(
                "home",
                access.organisation(user.homeOrganisation())
                        .map(o -> o.name(language))
                        .orElse("?"));
        model.addAttribute("roles", Role.values());
        model.addAttribute("languageChoices", Language.values());
        model.addAttribute("language", language);
        return "accounts/user";
    }

    private List<OrganisationSummary> activeAdministered() {
        return access.reachable(Role.ADMIN).stream()
                .filter(OrganisationSummary::active)
                .toList();
    }

    private static OrganisationId parse(String id) {
        try {
            return id == null || id.isBlank() ? null : OrganisationId.of(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Language language() {
        return Language.of(LocaleContextHolder.getLocale());
    }
}
