package eu.herald.accounts.web;

import eu.herald.accounts.Access;
import eu.herald.accounts.domain.Membership;
import eu.herald.accounts.domain.UserDirectory;
import eu.herald.common.Language;
import java.util.List;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page after signing in: who you are and where you hold which role. */
@Controller
class HomeController {

    /** A membership as the home page lists it. */
    record MembershipView(String organisation, String role) {}

    private final UserDirectory users;
    private final Access access;

    HomeController(UserDirectory users, Access access) {
        this.users = users;
        this.access = access;
    }

    @GetMapping("/")
    String home(Model model) {
        var me = users.current();
        Language language = Language.of(LocaleContextHolder.getLocale());
        List<MembershipView> memberships = users.ownMemberships().stream()
                .map((Membership m) -> new MembershipView(
                        access.organisation(m.organisation())
                                .map(o -> o.name(language))
                                .orElse("?"),
                        m.role().name()))
                .toList();
        model.addAttribute("me", me);
        model.addAttribute("memberships", memberships);
        return "accounts/home";
    }
}
