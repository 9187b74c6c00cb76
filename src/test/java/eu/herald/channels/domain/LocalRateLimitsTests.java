package eu.herald.channels.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.herald.channels.ChannelAccountId;
import eu.herald.channels.ChannelType;
import eu.herald.channels.ConnectorException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Client-side limits per platform and account: the call over the limit is refused with the wait, others go on. */
class LocalRateLimitsTests {

    ChannelsProperties properties(int permits, Duration period) {
        return new ChannelsProperties(
                Duration.ofSeconds(5),
                Duration.ofSeconds(20),
                7,
                Duration.ofSeconds(60),
                Map.of(ChannelType.WEBHOOK, new ChannelsProperties.RateLimit(permits, period)),
                new ChannelsProperties.RateLimit(60, Duration.ofMinutes(1)));
    }

    @Test
    void theCallOverTheLimitIsTransientWithTheTimeUntilTheNextPermit() {
        LocalRateLimits limits = new LocalRateLimits(properties(3, Duration.ofMinutes(10)));
        ChannelAccountId account = ChannelAccountId.random();
        for (int i = 0; i < 3; i++) {
            limits.acquire(ChannelType.WEBHOOK, account);
        }

        assertThatThrownBy(() -> limits.acquire(ChannelType.WEBHOOK, account))
                .isInstanceOfSatisfying(ConnectorException.Transient.class, e -> {
                    assertThat(e.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(10));
                    assertThat(e.explanation()).contains("3 calls per PT10M");
                });
        limits.acquire(ChannelType.WEBHOOK, ChannelAccountId.random());
        limits.acquire(ChannelType.MASTODON, account);
    }

    @Test
    void permitsComeBackAfterThePeriod() throws InterruptedException {
        LocalRateLimits limits = new LocalRateLimits(properties(1, Duration.ofMillis(300)));
        ChannelAccountId account = ChannelAccountId.random();
        limits.acquire(ChannelType.WEBHOOK, account);
        assertThatThrownBy(() -> limits.acquire(ChannelType.WEBHOOK, account))
                .isInstanceOf(ConnectorException.Transient.class);
        Thread.sleep(400);
        limits.acquire(ChannelType.WEBHOOK, account);
    }

    @Test
    void mastodonDefaultsToItsDocumentedLimitOf300CallsPerFiveMinutes() {
        assertThat(properties(1, Duration.ofSeconds(1)).rateLimit(ChannelType.MASTODON))
                .isEqualTo(new ChannelsProperties.RateLimit(300, Duration.ofMinutes(5)));
    }
}
