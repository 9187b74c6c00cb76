package eu.herald.accounts.security;

import eu.herald.accounts.Role;
import eu.herald.common.RouteAuthorizations;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** The roles the accounts module's pages and API need. */
@Component
class AccountsRoutes implements RouteAuthorizations {

    @Override
    public void authorize(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry routes) {
        routes.requestMatchers("/login", "/invitation")
                .permitAll()
                .requestMatchers(HttpMethod.GET, "/", "/profile", "/profile/tokens")
                .authenticated()
                .requestMatchers(HttpMethod.POST, "/profile/**")
                .authenticated()
                .requestMatchers("/admin/organisations/**", "/admin/organisations", "/admin/users/**", "/admin/users")
                .hasRole(Role.ADMIN.name())
                .requestMatchers(HttpMethod.GET, "/api/v1/me", "/api/v1/organisations")
                .authenticated()
                .requestMatchers("/api/v1/admin/**")
                .hasRole(Role.ADMIN.name());
    }
}
