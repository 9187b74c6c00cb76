package eu.herald.accounts.security;

import eu.herald.accounts.domain.TokenService;
import eu.herald.common.RouteAuthorizations;
import jakarta.servlet.DispatcherType;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Deny unless allowed. Every module declares its routes' roles as a {@link RouteAuthorizations} bean; whatever no
 * module allowed is refused. The API ({@code /api/v1/**}) takes bearer tokens only and keeps no session, so it needs
 * no CSRF token; the pages use form sign-in, a session in the database and CSRF on every state change.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self';"
            + " object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    /** Swagger UI styles its elements inline; it gets a looser policy of its own. */
    static final String API_DOCS_CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline';"
            + " script-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    PasswordEncoder passwordEncoder() {
        String current = "argon2";
        return new DelegatingPasswordEncoder(
                current,
                Map.of(
                        current,
                        Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
                        "bcrypt",
                        new BCryptPasswordEncoder()));
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(
            HttpSecurity http,
            List<RouteAuthorizations> routes,
            TokenService tokens,
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver)
            throws Exception {
        ProblemDetailsSecurityHandler problems = new ProblemDetailsSecurityHandler(resolver);
        BearerTokenFilter bearer = new BearerTokenFilter(tokens, resolver);
        http.securityMatcher("/api/v1/**")
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .addFilterBefore(bearer, BasicAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .authorizeHttpRequests(authorize -> {
                    authorize.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll();
                    routes.forEach(r -> r.authorize(authorize));
                    authorize.anyRequest().denyAll();
                });
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, List<RouteAuthorizations> routes, LocaleResolver locales)
            throws Exception {
        RequestMatcher apiDocs = new OrRequestMatcher(
                PathPatternRequestMatcher.withDefaults().matcher("/api/docs/**"),
                PathPatternRequestMatcher.withDefaults().matcher("/api/docs"),
                PathPatternRequestMatcher.withDefaults().matcher("/api/swagger-ui/**"));
        http.formLogin(form -> form.loginPage("/login")
                        .usernameParameter("email")
                        .passwordParameter("password")
                        .failureHandler(failureHandler())
                        .successHandler(new RememberedLanguage(locales))
                        .permitAll())
                .logout(logout -> logout.logoutRequestMatcher(
                                PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/logout"))
                        .logoutSuccessUrl("/login?signedOut")
                        .deleteCookies("HERALD_SESSION"))
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
                .headers(headers -> headers.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                                new NegatedRequestMatcher(apiDocs),
                                new StaticHeadersWriter("Content-Security-Policy", CSP)))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                                apiDocs, new StaticHeadersWriter("Content-Security-Policy", API_DOCS_CSP)))
                        .referrerPolicy(r -> r.policy(
                                org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter
                                        .ReferrerPolicy.SAME_ORIGIN)))
                .authorizeHttpRequests(authorize -> {
                    authorize.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll();
                    routes.forEach(r -> r.authorize(authorize));
                    authorize.anyRequest().denyAll();
                });
        return http.build();
    }

    /** A failed sign-in shows one message whatever the cause, so that it does not tell which accounts exist. */
    private static AuthenticationFailureHandler failureHandler() {
        return new SimpleUrlAuthenticationFailureHandler("/login?error");
    }
}
