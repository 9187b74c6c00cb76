package eu.herald.guardrails.internal;

import eu.herald.common.LanguageDetection;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/** Wires the pure engine to this node's knowledge, and warms it up after start-up. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GuardrailsProperties.class)
class GuardrailsConfiguration {

    @Bean
    GuardrailsEngine guardrails(GuardrailsProperties settings, LanguageDetection detection, KnowledgeStore store) {
        return new GuardrailsEngine(settings, detection, store::current);
    }

    /**
     * Loads the word lists and (unless disabled) Lingua's models in the background once Herald is ready: start-up
     * does not wait for them, and the first check rarely does.
     */
    @EventListener(ApplicationReadyEvent.class)
    void warmUp(ApplicationReadyEvent ready) {
        GuardrailsProperties settings = ready.getApplicationContext().getBean(GuardrailsProperties.class);
        KnowledgeStore store = ready.getApplicationContext().getBean(KnowledgeStore.class);
        LanguageDetection detection = ready.getApplicationContext().getBean(LanguageDetection.class);
        Thread.ofVirtual().name("guardrails-warm-up").start(() -> {
            store.current();
            if (settings.preloadLanguageModels()) {
                detection.warmUp();
            }
        });
    }
}
