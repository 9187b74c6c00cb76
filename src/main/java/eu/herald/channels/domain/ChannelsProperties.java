package eu.herald.channels.domain;

import eu.herald.channels.ChannelType;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The channels module's settings ({@code HERALD_CHANNELS_*}).
 *
 * @param connectTimeout how long to wait for a platform's connection
 * @param requestTimeout how long to wait for a platform's answer (after that a post's outcome is unknown)
 * @param expiryNoticeDays how many days before a token expires its owners are told
 * @param mediaProcessingWait how long to wait for a platform to process an uploaded image or video
 * @param rateLimits client-side limits per type (permits per period, per account); types not named use
 *     {@code defaultRateLimit}
 */
@ConfigurationProperties("herald.channels")
public record ChannelsProperties(
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("20s") Duration requestTimeout,
        @DefaultValue("7") int expiryNoticeDays,
        @DefaultValue("60s") Duration mediaProcessingWait,
        @DefaultValue Map<ChannelType, RateLimit> rateLimits,
        @DefaultValue RateLimit defaultRateLimit) {

    /** At most {@code permits} calls per {@code period} and account. */
    public record RateLimit(
            @DefaultValue("60") int permits,
            @DefaultValue("1m") Duration period) {}

    /** The documented or polite limits: Mastodon allows 300 calls per 5 minutes per account. */
    public RateLimit rateLimit(ChannelType type) {
        RateLimit configured = rateLimits.get(type);
        if (configured != null) {
            return configured;
        }
        return switch (type) {
            case MASTODON -> new RateLimit(300, Duration.ofMinutes(5));
            case FEED -> new RateLimit(600, Duration.ofMinutes(1));
            default -> defaultRateLimit;
        };
    }
}
