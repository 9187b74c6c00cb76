package eu.herald.guardrails.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The guardrails' thresholds ({@code HERALD_GUARDRAILS_*}).
 *
 * @param anxietyBlockScore alarming expressions in one text from which ANXIETY blocks instead of warning
 * @param maxSentenceWords words in a sentence above which PLAIN_LANGUAGE warns
 * @param readabilityWarnBelow readability score (Flesch scale) below which PLAIN_LANGUAGE warns instead of informing
 * @param readabilityMinWords words a text needs before its readability score means anything
 * @param preloadLanguageModels load Lingua's models in the background at start-up rather than at the first check
 * @param refreshInterval how often a node looks for lexicon and wording edits made on another node
 */
@ConfigurationProperties("herald.guardrails")
public record GuardrailsProperties(
        @DefaultValue("3") int anxietyBlockScore,
        @DefaultValue("25") int maxSentenceWords,
        @DefaultValue("50") int readabilityWarnBelow,
        @DefaultValue("20") int readabilityMinWords,
        @DefaultValue("true") boolean preloadLanguageModels,
        @DefaultValue("30s") Duration refreshInterval) {

    public static GuardrailsProperties defaults() {
        return new GuardrailsProperties(3, 25, 50, 20, true, Duration.ofSeconds(30));
    }
}
