package eu.herald.common;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * Each module declares the roles its routes need. The security configuration applies every module's rules and denies
 * everything that no module allowed.
 */
@FunctionalInterface
public interface RouteAuthorizations {

    void authorize(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry routes);
}
