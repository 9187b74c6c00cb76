package eu.herald.inbox.triage;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Triage settings ({@code HERALD_INBOX_TRIAGE_*}).
 *
 * @param minConfidence below this probability a verdict goes to the "needs a human" queue (never an EMERGENCY)
 * @param retrainCron when the nightly retraining runs (Europe/Brussels); it trains only when there are corrections
 *     that no model has learnt from yet; "-" switches it off
 * @param refreshInterval how often a node looks for a model version activated on another node
 * @param firstModelWait how long a classification waits for the first model after start-up before failing
 */
@ConfigurationProperties("herald.inbox.triage")
public record TriageProperties(
        @DefaultValue("0.5") double minConfidence,
        @DefaultValue("0 30 2 * * *") String retrainCron,
        @DefaultValue("60s") Duration refreshInterval,
        @DefaultValue("120s") Duration firstModelWait) {

    public TriageProperties {
        if (minConfidence < 0 || minConfidence > 1) {
            throw new IllegalArgumentException("herald.inbox.triage.min-confidence must be between 0 and 1");
        }
    }

    static TriageProperties defaults() {
        return new TriageProperties(0.5, "0 30 2 * * *", Duration.ofSeconds(60), Duration.ofSeconds(120));
    }
}
