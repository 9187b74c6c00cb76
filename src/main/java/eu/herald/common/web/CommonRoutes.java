package eu.herald.common.web;

import eu.herald.common.RouteAuthorizations;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Routes every page needs: assets, the error page, the language switch, health, metrics and API docs (Swagger UI
 * answers /api/docs with a redirect to its page under /api/swagger-ui/).
 */
@Component
class CommonRoutes implements RouteAuthorizations {

    @Override
    public void authorize(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry routes) {
        routes.requestMatchers(HttpMethod.GET, "/assets/**", "/webjars/**", "/css/**", "/js/**", "/favicon.ico")
                .permitAll()
                .requestMatchers("/error")
                .permitAll()
                .requestMatchers(HttpMethod.POST, "/language")
                .permitAll()
                .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**")
                .permitAll()
                .requestMatchers(HttpMethod.GET, "/actuator/prometheus")
                .authenticated()
                .requestMatchers(HttpMethod.GET, "/api/docs", "/api/docs/**", "/api/swagger-ui/**")
                .authenticated();
    }
}
