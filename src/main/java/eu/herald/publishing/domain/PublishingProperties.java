package eu.herald.publishing.domain;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The publishing module's settings.
 *
 * @param maxAttempts sends tried (after a person's retry: tried again) before a delivery ends FAILED
 * @param initialBackoff the first retry's base wait; each further one multiplies it by {@code backoffMultiplier}
 * @param jitter resilience4j's randomisation factor: 1.0 draws each wait uniformly from 0 to twice the base ("full
 *     jitter"), never earlier than the platform's Retry-After
 * @param stuckAfter a delivery still SCHEDULED this long after it was due, or SENDING this long, is raised as stuck
 * @param watchdogInterval how often one node looks for stuck deliveries
 * @param scheduler db-scheduler's tuning
 */
@ConfigurationProperties("herald.publishing")
public record PublishingProperties(
        @DefaultValue("5") int maxAttempts,
        @DefaultValue("20s") Duration initialBackoff,
        @DefaultValue("2.0") double backoffMultiplier,
        @DefaultValue("1.0") double jitter,
        @DefaultValue("30m") Duration maxBackoff,
        @DefaultValue("10m") Duration stuckAfter,
        @DefaultValue("1m") Duration watchdogInterval,
        @DefaultValue Scheduler scheduler) {

    /**
     * @param threads deliveries sent at once by one node
     * @param pollingInterval how often a node looks for due deliveries (lateness is at most about this)
     * @param heartbeatInterval how often a node says it is still working on its executions
     * @param missedHeartbeats after this many missed heartbeats another node takes a dead node's execution over
     * @param lowerLimitFractionOfThreads lock-and-fetch: fetch more when fewer than threads × this are queued
     * @param upperLimitFractionOfThreads lock-and-fetch: claim at most threads × this due executions per poll
     * @param shutdownMaxWait how long a stopping node lets running sends finish
     * @param enabled false: this node schedules deliveries but runs none (e.g. a web-only node)
     */
    public record Scheduler(
            @DefaultValue("32") int threads,
            @DefaultValue("1s") Duration pollingInterval,
            @DefaultValue("30s") Duration heartbeatInterval,
            @DefaultValue("4") int missedHeartbeats,
            @DefaultValue("0.5") double lowerLimitFractionOfThreads,
            @DefaultValue("3.0") double upperLimitFractionOfThreads,
            @DefaultValue("30s") Duration shutdownMaxWait,
            @DefaultValue("true") boolean enabled) {}
}
