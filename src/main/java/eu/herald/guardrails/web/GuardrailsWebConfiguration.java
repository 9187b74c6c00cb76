package eu.herald.guardrails.web;

import eu.herald.accounts.Role;
import eu.herald.common.NavigationItem;
import eu.herald.common.RouteAuthorizations;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** Who may check texts (those who write and approve them, and admins) and who edits the word lists (admins). */
@Configuration(proxyBeanMethods = false)
class GuardrailsWebConfiguration {

    private static final String[] CHECKERS = {Role.COMMUNICATOR.name(), Role.APPROVER.name(), Role.ADMIN.name()};

    @Bean
    NavigationItem guardrailsNavigation() {
        return new NavigationItem("nav.guardrails", "/guardrails", Set.of(CHECKERS), 300);
    }

    @Bean
    NavigationItem guardrailsAdminNavigation() {
        return new NavigationItem("nav.guardrailsAdmin", "/admin/guardrails", Set.of(Role.ADMIN.name()), 850);
    }

    @Bean
    RouteAuthorizations guardrailsRoutes() {
        return routes -> routes.requestMatchers(HttpMethod.GET, "/guardrails")
                .hasAnyRole(CHECKERS)
                .requestMatchers(HttpMethod.POST, "/guardrails", "/guardrails/check")
                .hasAnyRole(CHECKERS)
                .requestMatchers(HttpMethod.POST, "/api/v1/guardrails/check")
                .hasAnyRole(CHECKERS)
                .requestMatchers("/admin/guardrails", "/admin/guardrails/**")
                .hasRole(Role.ADMIN.name());
    }
}
