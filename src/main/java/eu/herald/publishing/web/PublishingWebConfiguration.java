package eu.herald.publishing.web;

import eu.herald.common.NavigationItem;
import eu.herald.common.RouteAuthorizations;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** The publishing module's routes, roles and menu entry. Object-level reach is checked by DeliveryService. */
@Configuration(proxyBeanMethods = false)
class PublishingWebConfiguration {

    static final String[] READERS = {"COMMUNICATOR", "APPROVER", "ANALYST", "ADMIN"};
    static final String[] WRITERS = {"COMMUNICATOR", "APPROVER"};

    @Bean
    RouteAuthorizations publishingRoutes() {
        return routes -> routes.requestMatchers(HttpMethod.GET, "/deliveries/new")
                .hasAnyRole(WRITERS)
                .requestMatchers(HttpMethod.GET, "/deliveries", "/deliveries/*")
                .hasAnyRole(READERS)
                .requestMatchers(HttpMethod.POST, "/deliveries", "/deliveries/*/cancel", "/deliveries/*/retry")
                .hasAnyRole(WRITERS)
                .requestMatchers(HttpMethod.GET, "/api/v1/deliveries", "/api/v1/deliveries/*")
                .hasAnyRole(READERS)
                .requestMatchers(
                        HttpMethod.POST,
                        "/api/v1/variants/*/deliveries",
                        "/api/v1/deliveries/*/cancel",
                        "/api/v1/deliveries/*/retry")
                .hasAnyRole(WRITERS);
    }

    @Bean
    NavigationItem deliveriesNavigation() {
        return new NavigationItem("nav.deliveries", "/deliveries", Set.of(READERS), 130);
    }
}
