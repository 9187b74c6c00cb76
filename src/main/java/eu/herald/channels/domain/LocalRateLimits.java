package eu.herald.channels.domain;

import eu.herald.channels.ChannelAccountId;
import eu.herald.channels.ChannelType;
import eu.herald.channels.ConnectorException;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Client-side rate limits per platform and account (resilience4j): a call over the limit is not made and answers a
 * {@link ConnectorException.Transient} with the time until the next permit, so the caller retries then.
 */
@Component
class LocalRateLimits {

    private final RateLimiterRegistry registry = RateLimiterRegistry.ofDefaults();
    private final ChannelsProperties properties;

    LocalRateLimits(ChannelsProperties properties) {
        this.properties = properties;
    }

    void acquire(ChannelType type, ChannelAccountId account) {
        RateLimiter limiter = registry.rateLimiter(type.name() + ":" + account, () -> {
            ChannelsProperties.RateLimit limit = properties.rateLimit(type);
            return RateLimiterConfig.custom()
                    .limitForPeriod(limit.permits())
                    .limitRefreshPeriod(limit.period())
                    .timeoutDuration(Duration.ZERO)
                    .build();
        });
        if (!limiter.acquirePermission()) {
            Duration wait = limiter instanceof AtomicRateLimiter atomic
                    ? Duration.ofNanos(Math.max(0, atomic.getDetailedMetrics().getNanosToWait()))
                    : limiter.getRateLimiterConfig().getLimitRefreshPeriod();
            throw new ConnectorException.Transient(
                    "Herald's own limit for this account ("
                            + limiter.getRateLimiterConfig().getLimitForPeriod() + " calls per "
                            + limiter.getRateLimiterConfig().getLimitRefreshPeriod() + ") is used up",
                    wait.isZero() ? Duration.ofMillis(1) : wait,
                    null);
        }
    }
}
