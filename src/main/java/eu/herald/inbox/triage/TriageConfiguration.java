package eu.herald.inbox.triage;

import eu.herald.accounts.Role;
import eu.herald.common.LanguageDetection;
import eu.herald.common.RouteAuthorizations;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The triage bean, the warm-up of the shared language detection, and who may call its API. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class TriageConfiguration {

    @Bean
    TriageService triage(TriageProperties settings, LanguageDetection languages) {
        return new TriageService(settings, languages);
    }

    /** Lingua's models in memory in the background, so the first classification does not wait for them. */
    @EventListener(ApplicationReadyEvent.class)
    void warmUp(ApplicationReadyEvent ready) {
        LanguageDetection languages = ready.getApplicationContext().getBean(LanguageDetection.class);
        Thread.ofVirtual().name("triage-language-warm-up").start(languages::warmUp);
    }

    /**
     * Triage routes. Moderators triage what comes in; communicators may try a text before they answer; admins train
     * and activate versions. Ordered first, so that a broader rule of the inbox (e.g. {@code /api/v1/inbox/**}) cannot
     * open the admins' routes to moderators.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    RouteAuthorizations triageRoutes() {
        return routes -> routes.requestMatchers(HttpMethod.POST, "/api/v1/inbox/triage")
                .hasAnyRole(Role.MODERATOR.name(), Role.COMMUNICATOR.name(), Role.ADMIN.name())
                .requestMatchers(HttpMethod.POST, "/api/v1/inbox/triage/corrections")
                .hasAnyRole(Role.MODERATOR.name(), Role.ADMIN.name())
                .requestMatchers(HttpMethod.GET, "/api/v1/inbox/triage/models")
                .hasRole(Role.ADMIN.name())
                .requestMatchers(HttpMethod.POST, "/api/v1/inbox/triage/models")
                .hasRole(Role.ADMIN.name());
    }
}
