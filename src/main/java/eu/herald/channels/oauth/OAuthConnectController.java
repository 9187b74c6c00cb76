package eu.herald.channels.oauth;

import eu.herald.channels.ChannelAccount;
import eu.herald.common.RefusedException;
import eu.herald.common.RouteAuthorizations;
import jakarta.servlet.http.HttpSession;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code GET /channels/oauth/{platform}/start} sends an owner to X or Google; {@code GET
 * /channels/oauth/{platform}/callback} is where the platform sends them back. Started authorisations live in the
 * owner's HTTP session, so a callback in another session finds nothing.
 */
@Controller
class OAuthConnectController {

    static final String PENDING = OAuthConnectController.class.getName() + ".pending";

    private final OAuthConnect connect;

    OAuthConnectController(OAuthConnect connect) {
        this.connect = connect;
    }

    @GetMapping("/channels/oauth/{platform}/start")
    String start(
            @PathVariable String platform,
            @RequestParam(required = false) @Nullable UUID organisationId,
            @RequestParam(required = false) @Nullable UUID accountId,
            @RequestParam(required = false) @Nullable String name,
            HttpSession session,
            RedirectAttributes redirect) {
        Map<String, OAuthConnect.Pending> pending = pending(session);
        try {
            return "redirect:" + connect.start(platform, organisationId, accountId, name, pending);
        } catch (RefusedException e) {
            redirect.addFlashAttribute("refusal", e.messageKey());
            return "redirect:/channels";
        } finally {
            keep(session, pending);
        }
    }

    @GetMapping("/channels/oauth/{platform}/callback")
    String callback(
            @PathVariable String platform,
            @RequestParam(required = false) @Nullable String state,
            @RequestParam(required = false) @Nullable String code,
            @RequestParam(required = false) @Nullable String error,
            HttpSession session,
            RedirectAttributes redirect) {
        Map<String, OAuthConnect.Pending> pending = pending(session);
        try {
            ChannelAccount account = connect.finish(platform, state, code, error, pending);
            redirect.addFlashAttribute("saved", "channels.oauth.connected");
            return "redirect:/channels/" + account.id();
        } catch (RefusedException e) {
            redirect.addFlashAttribute("refusal", e.messageKey());
            return "redirect:/channels";
        } finally {
            keep(session, pending);
        }
    }

    /** A copy of the session's started authorisations; {@link #keep} writes it back (so a JDBC session saves it). */
    @SuppressWarnings("unchecked")
    private static Map<String, OAuthConnect.Pending> pending(HttpSession session) {
        Object existing = session.getAttribute(PENDING);
        return existing instanceof Map<?, ?> map
                ? new HashMap<>((Map<String, OAuthConnect.Pending>) map)
                : new HashMap<>();
    }

    private static void keep(HttpSession session, Map<String, OAuthConnect.Pending> pending) {
        session.setAttribute(PENDING, new HashMap<>(pending));
    }

    /** Owners (ADMIN, COMMUNICATOR) connect accounts; reach is checked by the flow (outside it: 404). */
    @Configuration(proxyBeanMethods = false)
    static class Routes {
        @Bean
        RouteAuthorizations channelsOAuthRoutes() {
            return routes -> routes.requestMatchers(
                            HttpMethod.GET, "/channels/oauth/*/start", "/channels/oauth/*/callback")
                    .hasAnyRole("ADMIN", "COMMUNICATOR");
        }
    }
}
