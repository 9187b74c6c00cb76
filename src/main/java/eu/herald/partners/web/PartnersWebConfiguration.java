package eu.herald.partners.web;

import eu.herald.accounts.Role;
import eu.herald.common.NavigationItem;
import eu.herald.common.RouteAuthorizations;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * The partner portal's routes: partners and administrators read, administrators change. Which group or resource a
 * user reaches is decided by the services (anything else is 404).
 */
@Configuration(proxyBeanMethods = false)
class PartnersWebConfiguration {

    static final String[] READERS = {Role.PARTNER.name(), Role.ADMIN.name()};

    @Bean
    RouteAuthorizations partnersRoutes() {
        return routes -> routes.requestMatchers(HttpMethod.GET, "/partners/resources/new")
                .hasRole(Role.ADMIN.name())
                .requestMatchers(
                        HttpMethod.GET,
                        "/partners",
                        "/partners/groups/*",
                        "/partners/resources/*",
                        "/partners/resources/*/file",
                        "/partners/questions/*")
                .hasAnyRole(READERS)
                .requestMatchers(
                        HttpMethod.POST,
                        "/partners/groups/*/questions",
                        "/partners/questions/*/answers",
                        "/partners/questions/*/accept",
                        "/partners/questions/*/hide",
                        "/partners/answers/*/hide")
                .hasAnyRole(READERS)
                .requestMatchers(
                        HttpMethod.POST,
                        "/partners/groups",
                        "/partners/groups/*/members",
                        "/partners/groups/*/members/*/remove",
                        "/partners/resources")
                .hasRole(Role.ADMIN.name())
                .requestMatchers(
                        HttpMethod.GET,
                        "/api/v1/partners/groups",
                        "/api/v1/partners/groups/*",
                        "/api/v1/partners/resources",
                        "/api/v1/partners/resources/*",
                        "/api/v1/partners/resources/*/file",
                        "/api/v1/partners/groups/*/questions",
                        "/api/v1/partners/questions/*")
                .hasAnyRole(READERS)
                .requestMatchers(
                        HttpMethod.POST,
                        "/api/v1/partners/groups/*/questions",
                        "/api/v1/partners/questions/*/answers",
                        "/api/v1/partners/questions/*/accept",
                        "/api/v1/partners/questions/*/hide",
                        "/api/v1/partners/answers/*/hide")
                .hasAnyRole(READERS)
                .requestMatchers(
                        HttpMethod.POST,
                        "/api/v1/partners/groups",
                        "/api/v1/partners/resources",
                        "/api/v1/partners/resources/*/versions")
                .hasRole(Role.ADMIN.name())
                .requestMatchers(
                        HttpMethod.PUT, "/api/v1/partners/groups/*/members", "/api/v1/partners/resources/*/sharing")
                .hasRole(Role.ADMIN.name())
                .requestMatchers(HttpMethod.DELETE, "/api/v1/partners/groups/*/members/*")
                .hasRole(Role.ADMIN.name());
    }

    @Bean
    NavigationItem partnersNavigation() {
        return new NavigationItem("partners.nav", "/partners", Set.of(READERS), 400);
    }
}
