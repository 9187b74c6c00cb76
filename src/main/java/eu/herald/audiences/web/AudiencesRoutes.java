package eu.herald.audiences.web;

import eu.herald.accounts.Role;
import eu.herald.common.RouteAuthorizations;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Reading audiences, areas, advice and language rules: every role that works on messages (not partners, who get
 * their closed portal). Changing them: administrators (national reference data: those who reach the whole tree).
 */
@Component
class AudiencesRoutes implements RouteAuthorizations {

    static final String[] READERS = {
        Role.ADMIN.name(), Role.COMMUNICATOR.name(), Role.APPROVER.name(), Role.MODERATOR.name(), Role.ANALYST.name()
    };

    @Override
    public void authorize(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry routes) {
        routes.requestMatchers(HttpMethod.GET, "/audiences")
                .hasAnyRole(READERS)
                .requestMatchers(
                        "/admin/audiences",
                        "/admin/audiences/**",
                        "/admin/areas",
                        "/admin/areas/**",
                        "/admin/language-rules",
                        "/admin/language-rules/**")
                .hasRole(Role.ADMIN.name())
                .requestMatchers(
                        HttpMethod.GET,
                        "/api/v1/audiences",
                        "/api/v1/areas",
                        "/api/v1/areas/*",
                        "/api/v1/language-rules")
                .hasAnyRole(READERS)
                .requestMatchers(HttpMethod.POST, "/api/v1/channel-advice")
                .hasAnyRole(READERS)
                .requestMatchers("/api/v1/admin/areas/**")
                .hasRole(Role.ADMIN.name());
    }
}
