package eu.herald.inbox.web;

import eu.herald.accounts.Role;
import eu.herald.common.NavigationItem;
import eu.herald.common.RouteAuthorizations;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * The inbox's routes. Moderators and admins use the pages (object reach is checked by the services); the webhooks
 * are public but signature-checked, and live in the stateless API chain (no session, no CSRF) — exactly these three
 * routes; the contact form is public with CSRF.
 */
@Configuration(proxyBeanMethods = false)
class InboxWebConfiguration {

    static final String[] MODERATORS = {Role.MODERATOR.name(), Role.ADMIN.name()};

    @Bean
    RouteAuthorizations inboxRoutes() {
        return routes -> routes.requestMatchers(HttpMethod.GET, "/api/v1/inbox/webhooks/facebook")
                .permitAll()
                .requestMatchers(HttpMethod.POST, "/api/v1/inbox/webhooks/facebook")
                .permitAll()
                .requestMatchers(HttpMethod.POST, "/api/v1/inbox/webhooks/organisations/*")
                .permitAll()
                .requestMatchers(HttpMethod.GET, "/contact")
                .permitAll()
                .requestMatchers(HttpMethod.POST, "/contact")
                .permitAll()
                .requestMatchers(HttpMethod.GET, "/api/v1/inbox/items")
                .hasAnyRole(MODERATORS)
                .requestMatchers(
                        HttpMethod.GET,
                        "/inbox",
                        "/inbox/items/*",
                        "/inbox/items/*/presence",
                        "/inbox/playbook",
                        "/inbox/playbook/rules/new",
                        "/inbox/playbook/rules/*",
                        "/inbox/settings",
                        "/inbox/listening")
                .hasAnyRole(MODERATORS)
                .requestMatchers(
                        HttpMethod.POST,
                        "/inbox/duty",
                        "/inbox/items/*/reply",
                        "/inbox/items/*/hide",
                        "/inbox/items/*/resolve",
                        "/inbox/items/*/reopen",
                        "/inbox/items/*/notes",
                        "/inbox/items/*/category",
                        "/inbox/items/*/keep",
                        "/inbox/items/*/take",
                        "/inbox/playbook/bench",
                        "/inbox/playbook/rules",
                        "/inbox/playbook/rules/*/delete",
                        "/inbox/playbook/rules/*/up",
                        "/inbox/playbook/rules/*/down",
                        "/inbox/settings",
                        "/inbox/listening",
                        "/inbox/listening/*/delete")
                .hasAnyRole(MODERATORS);
    }

    @Bean
    NavigationItem inboxNavigation() {
        return new NavigationItem("inbox.nav.inbox", "/inbox", Set.of(MODERATORS), 400);
    }

    @Bean
    NavigationItem playbookNavigation() {
        return new NavigationItem("inbox.nav.playbook", "/inbox/playbook", Set.of(MODERATORS), 410);
    }
}
