package eu.herald.notifications.web;

import eu.herald.accounts.UserId;
import eu.herald.common.Actor;
import eu.herald.common.NotFoundException;
import eu.herald.common.RouteAuthorizations;
import eu.herald.notifications.Notice;
import eu.herald.notifications.Notifications;
import eu.herald.notifications.internal.NoticeBoard;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The signed-in user's notices: what needs them, newest first. */
@Controller
class NotificationsController {

    /** A notice as the page shows it, in the reader's language. */
    record Shown(
            UUID id,
            String title,
            String detail,
            boolean read,
            java.time.Instant at,
            @Nullable String link) {}

    private final NoticeBoard board;
    private final MessageSource messages;
    private final Notifications notifications;

    NotificationsController(NoticeBoard board, MessageSource messages, Notifications notifications) {
        this.board = board;
        this.messages = messages;
        this.notifications = notifications;
    }

    @Bean
    static RouteAuthorizations notificationsRoutes() {
        return routes -> routes.requestMatchers(HttpMethod.GET, "/notifications")
                .authenticated()
                .requestMatchers(HttpMethod.POST, "/notifications/*/open", "/notifications/read", "/notifications/test")
                .authenticated();
    }

    @GetMapping("/notifications")
    String list(Model model) {
        UUID user = user();
        Locale locale = LocaleContextHolder.getLocale();
        List<Shown> shown = board.latest(user).stream()
                .map(n -> new Shown(
                        n.id(),
                        text(n, ".subject", locale),
                        text(n, ".body", locale),
                        n.read(),
                        n.createdAt(),
                        n.link()))
                .toList();
        model.addAttribute("notices", shown);
        return "notifications/list";
    }

    @PostMapping("/notifications/{id}/open")
    String open(@PathVariable UUID id) {
        var notice = board.open(user(), id).orElseThrow(() -> new NotFoundException("notice"));
        return "redirect:" + (notice.link() != null ? notice.link() : "/notifications");
    }

    @PostMapping("/notifications/read")
    String readAll(RedirectAttributes redirect) {
        board.readAll(user());
        redirect.addFlashAttribute("saved", "notifications.allRead");
        return "redirect:/notifications";
    }

    /** Sends the user a notice and its email, so they can see that both reach them. */
    @PostMapping("/notifications/test")
    String test(RedirectAttributes redirect) {
        notifications.notify(new Notice(
                Set.of(new UserId(user())),
                "notifications.test",
                List.of(Actor.current().name()),
                "/notifications",
                true));
        redirect.addFlashAttribute("saved", "notifications.testSent");
        return "redirect:/notifications";
    }

    private String text(eu.herald.notifications.internal.Notice notice, String suffix, Locale locale) {
        return messages.getMessage(notice.key() + suffix, notice.args().toArray(), notice.key(), locale);
    }

    private static UUID user() {
        UUID user = Actor.current().userId();
        if (user == null) {
            throw new NotFoundException("notice");
        }
        return user;
    }
}
