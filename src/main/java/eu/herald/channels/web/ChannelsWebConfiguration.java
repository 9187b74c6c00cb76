package eu.herald.channels.web;

import eu.herald.common.NavigationItem;
import eu.herald.common.RouteAuthorizations;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The channels module's routes: owners (ADMIN, COMMUNICATOR) manage accounts, MODERATORs and ANALYSTs read them; the
 * feeds are public. Object-level reach is checked by the service (outside it: 404).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ChannelsWebConfiguration {

    static final String[] READERS = {"ADMIN", "COMMUNICATOR", "MODERATOR", "ANALYST"};
    static final String[] OWNERS = {"ADMIN", "COMMUNICATOR"};

    @Bean
    RouteAuthorizations channelsRoutes() {
        return routes -> routes.requestMatchers(HttpMethod.GET, "/feeds/*")
                .permitAll()
                .requestMatchers(HttpMethod.HEAD, "/feeds/*")
                .permitAll()
                .requestMatchers(HttpMethod.GET, "/channels/new", "/channels/*/reconnect")
                .hasAnyRole(OWNERS)
                .requestMatchers(HttpMethod.GET, "/channels", "/channels/*")
                .hasAnyRole(READERS)
                .requestMatchers(
                        HttpMethod.POST,
                        "/channels",
                        "/channels/*/check",
                        "/channels/*/reconnect",
                        "/channels/*/disable")
                .hasAnyRole(OWNERS)
                .requestMatchers(HttpMethod.GET, "/api/v1/channel-accounts", "/api/v1/channel-accounts/*")
                .hasAnyRole(READERS)
                .requestMatchers(
                        HttpMethod.POST,
                        "/api/v1/channel-accounts",
                        "/api/v1/channel-accounts/*/check",
                        "/api/v1/channel-accounts/*/disable")
                .hasAnyRole(OWNERS)
                .requestMatchers(HttpMethod.PUT, "/api/v1/channel-accounts/*")
                .hasAnyRole(OWNERS);
    }

    @Bean
    NavigationItem channelsNavigation() {
        return new NavigationItem("channels.nav", "/channels", Set.of(READERS), 450);
    }
}
