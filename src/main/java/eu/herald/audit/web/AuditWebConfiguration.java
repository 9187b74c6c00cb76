package eu.herald.audit.web;

import eu.herald.accounts.Role;
import eu.herald.common.NavigationItem;
import eu.herald.common.RouteAuthorizations;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** The audit page is for admins, and sits last in their navigation. */
@Configuration(proxyBeanMethods = false)
class AuditWebConfiguration {

    @Bean
    NavigationItem auditNavigation() {
        return new NavigationItem("nav.audit", "/admin/audit", Set.of(Role.ADMIN.name()), 900);
    }

    @Bean
    RouteAuthorizations auditRoutes() {
        return routes -> routes.requestMatchers(HttpMethod.GET, "/admin/audit").hasRole(Role.ADMIN.name());
    }
}
