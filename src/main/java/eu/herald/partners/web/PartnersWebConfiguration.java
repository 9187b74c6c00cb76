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

    /** Events and alerts: partners, and the ADMINs and COMMUNICATORs who organise them. */
    static final String[] EVENT_READERS = {Role.PARTNER.name(), Role.ADMIN.name(), Role.COMMUNICATOR.name()};

    static final String[] ORGANISERS = {Role.ADMIN.name(), Role.COMMUNICATOR.name()};

    @Bean
    RouteAuthorizations partnersRoutes() {
        return routes -> routes
                // a calendar app polls the feed and a mail program posts the unsubscribe without a session: the
                // secret token (random, stored hashed) or signature is the key, and anything else is 404
                .requestMatchers(HttpMethod.GET, "/partners/feed/*", "/partners/digest/unsubscribe")
                .permitAll()
                .requestMatchers(HttpMethod.POST, "/partners/digest/unsubscribe", "/api/v1/partners/digest/unsubscribe")
                .permitAll()
                .requestMatchers(
                        HttpMethod.GET,
                        "/partners/events/new",
                        "/partners/events/*/registrations.csv",
                        "/partners/alerts/new")
                .hasAnyRole(ORGANISERS)
                .requestMatchers(HttpMethod.POST, "/partners/events", "/partners/alerts", "/partners/alerts/*/resend")
                .hasAnyRole(ORGANISERS)
                .requestMatchers(HttpMethod.POST, "/partners/alerts/*/unpin")
                .hasAnyRole(ORGANISERS)
                .requestMatchers(
                        HttpMethod.GET,
                        "/partners/events",
                        "/partners/events/*",
                        "/partners/alerts",
                        "/partners/alerts/*",
                        "/partners/settings")
                .hasAnyRole(EVENT_READERS)
                .requestMatchers(
                        HttpMethod.POST,
                        "/partners/events/*/registration",
                        "/partners/events/*/cancellation",
                        "/partners/settings/digest",
                        "/partners/settings/feed",
                        "/partners/settings/feed/revoke")
                .hasAnyRole(EVENT_READERS)
                .requestMatchers(HttpMethod.GET, "/api/v1/partners/events", "/api/v1/partners/events/*")
                .hasAnyRole(EVENT_READERS)
                .requestMatchers(HttpMethod.GET, "/api/v1/partners/alerts/*")
                .hasAnyRole(EVENT_READERS)
                .requestMatchers(HttpMethod.POST, "/api/v1/partners/events/*/registration")
                .hasAnyRole(EVENT_READERS)
                .requestMatchers(HttpMethod.DELETE, "/api/v1/partners/events/*/registration")
                .hasAnyRole(EVENT_READERS)
                .requestMatchers(
                        HttpMethod.POST,
                        "/api/v1/partners/events",
                        "/api/v1/partners/alerts",
                        "/api/v1/partners/alerts/*/resend")
                .hasAnyRole(ORGANISERS)
                .requestMatchers(HttpMethod.GET, "/partners/resources/new", "/partners/resources/*/edit")
                .hasRole(Role.ADMIN.name())
                .requestMatchers(HttpMethod.POST, "/partners/resources/*/versions", "/partners/resources/*/sharing")
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

    /** Communicators organise events and alerts without the rest of the portal. */
    @Bean
    NavigationItem partnerEventsNavigation() {
        return new NavigationItem("partners.events.nav", "/partners/events", Set.of(Role.COMMUNICATOR.name()), 401);
    }
}
