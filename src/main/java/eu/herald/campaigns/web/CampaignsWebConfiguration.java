package eu.herald.campaigns.web;

import eu.herald.accounts.Role;
import eu.herald.common.NavigationItem;
import eu.herald.common.RouteAuthorizations;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** The campaigns module's routes, roles and menu entries. Object-level reach is checked by the services. */
@Configuration(proxyBeanMethods = false)
class CampaignsWebConfiguration {

    static final String[] READERS = {"COMMUNICATOR", "APPROVER", "ANALYST", "ADMIN"};
    static final String[] WRITERS = {"COMMUNICATOR", "APPROVER"};

    @Bean
    RouteAuthorizations campaignsRoutes() {
        return routes -> routes.requestMatchers(HttpMethod.POST, "/campaigns/advice")
                .hasAnyRole(READERS)
                .requestMatchers(HttpMethod.GET, "/campaigns/new", "/campaigns/*/edit", "/messages/*/variants/new")
                .hasRole(Role.COMMUNICATOR.name())
                .requestMatchers(
                        HttpMethod.GET,
                        "/campaigns",
                        "/campaigns/*",
                        "/messages/*",
                        "/messages/*/variants/*",
                        "/messages/*/variants/*/images/*")
                .hasAnyRole(READERS)
                .requestMatchers(
                        HttpMethod.POST,
                        "/campaigns",
                        "/campaigns/*",
                        "/campaigns/*/effort",
                        "/campaigns/*/messages",
                        "/messages/*",
                        "/messages/*/variants",
                        "/messages/*/variants/*/remove",
                        "/messages/*/variants/*/images",
                        "/messages/*/variants/*/images/*/remove",
                        "/messages/*/submit")
                .hasRole(Role.COMMUNICATOR.name())
                .requestMatchers(HttpMethod.GET, "/admin/campaigns")
                .hasRole(Role.ADMIN.name())
                .requestMatchers(
                        HttpMethod.POST,
                        "/admin/campaigns/caps",
                        "/admin/campaigns/caps/*/remove",
                        "/admin/campaigns/themes",
                        "/admin/campaigns/themes/*/active")
                .hasRole(Role.ADMIN.name())
                .requestMatchers(HttpMethod.GET, "/templates")
                .hasRole(Role.COMMUNICATOR.name())
                .requestMatchers(HttpMethod.POST, "/templates/*/adopt", "/messages/*/reshare", "/messages/*/template")
                .hasRole(Role.COMMUNICATOR.name())
                .requestMatchers(HttpMethod.POST, "/messages/*/approve", "/messages/*/request-changes")
                .hasRole(Role.APPROVER.name())
                .requestMatchers(
                        HttpMethod.POST, "/messages/*/schedule", "/messages/*/unschedule", "/messages/*/comments")
                .hasAnyRole(WRITERS)
                .requestMatchers(HttpMethod.GET, "/approvals")
                .hasRole(Role.APPROVER.name())
                .requestMatchers(HttpMethod.GET, "/calendar")
                .hasAnyRole("COMMUNICATOR", "APPROVER", "MODERATOR", "ANALYST", "ADMIN")
                .requestMatchers(
                        HttpMethod.GET,
                        "/api/v1/campaigns",
                        "/api/v1/campaigns/*",
                        "/api/v1/messages/*",
                        "/api/v1/calendar")
                .hasAnyRole(READERS)
                .requestMatchers(
                        HttpMethod.POST,
                        "/api/v1/campaigns",
                        "/api/v1/campaigns/*/messages",
                        "/api/v1/messages/*/submit")
                .hasRole(Role.COMMUNICATOR.name())
                .requestMatchers(
                        HttpMethod.PUT, "/api/v1/campaigns/*", "/api/v1/messages/*", "/api/v1/messages/*/variants")
                .hasRole(Role.COMMUNICATOR.name())
                .requestMatchers(HttpMethod.DELETE, "/api/v1/messages/*/variants/*")
                .hasRole(Role.COMMUNICATOR.name())
                .requestMatchers(HttpMethod.POST, "/api/v1/messages/*/approve", "/api/v1/messages/*/request-changes")
                .hasRole(Role.APPROVER.name())
                .requestMatchers(HttpMethod.POST, "/api/v1/messages/*/schedule")
                .hasAnyRole(WRITERS);
    }

    @Bean
    NavigationItem campaignsNavigation() {
        return new NavigationItem("nav.campaigns", "/campaigns", Set.of(READERS), 100);
    }

    @Bean
    NavigationItem campaignSettingsNavigation() {
        return new NavigationItem("nav.campaignSettings", "/admin/campaigns", Set.of(Role.ADMIN.name()), 820);
    }

    @Bean
    NavigationItem templatesNavigation() {
        return new NavigationItem("nav.templates", "/templates", Set.of(Role.COMMUNICATOR.name()), 105);
    }

    @Bean
    NavigationItem approvalsNavigation() {
        return new NavigationItem("nav.approvals", "/approvals", Set.of(Role.APPROVER.name()), 110);
    }

    @Bean
    NavigationItem calendarNavigation() {
        return new NavigationItem(
                "nav.calendar", "/calendar", Set.of("COMMUNICATOR", "APPROVER", "MODERATOR", "ANALYST", "ADMIN"), 120);
    }
}
