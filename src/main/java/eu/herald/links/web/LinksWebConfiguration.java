package eu.herald.links.web;

import eu.herald.accounts.Role;
import eu.herald.common.NavigationItem;
import eu.herald.common.RouteAuthorizations;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The links module's routes: the redirect is public; object-level reach is checked by the service. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class LinksWebConfiguration {

    static final String[] READERS = {"COMMUNICATOR", "APPROVER", "ANALYST", "ADMIN"};

    @Bean
    RouteAuthorizations linksRoutes() {
        return routes -> routes.requestMatchers(HttpMethod.GET, "/l/*")
                .permitAll()
                .requestMatchers(HttpMethod.HEAD, "/l/*")
                .permitAll()
                .requestMatchers(
                        HttpMethod.GET,
                        "/links",
                        "/links/*/qr.svg",
                        "/links/*/qr.png",
                        "/links/posters",
                        "/links/posters/*")
                .hasAnyRole(READERS)
                .requestMatchers(HttpMethod.POST, "/links", "/links/variants", "/links/posters")
                .hasRole(Role.COMMUNICATOR.name())
                .requestMatchers(HttpMethod.GET, "/admin/links")
                .hasRole(Role.ADMIN.name())
                .requestMatchers(HttpMethod.POST, "/admin/links", "/admin/links/utm")
                .hasRole(Role.ADMIN.name())
                .requestMatchers(HttpMethod.GET, "/api/v1/links", "/api/v1/links/*/stats", "/api/v1/posters/*")
                .hasAnyRole(READERS)
                .requestMatchers(HttpMethod.POST, "/api/v1/links", "/api/v1/links/variant-links", "/api/v1/posters")
                .hasRole(Role.COMMUNICATOR.name());
    }

    @Bean
    NavigationItem linksAdminNavigation() {
        return new NavigationItem("nav.linkDomains", "/admin/links", Set.of(Role.ADMIN.name()), 830);
    }
}
