package eu.herald.channels.connectors.support;

import eu.herald.channels.ChannelAccountId;
import eu.herald.channels.connectors.RateLimitObserver;
import java.time.Instant;

/** Reports a platform's rate-limit headers (remaining calls, reset in epoch seconds) of any answer that has them. */
public final class RateLimitHeaders {

    private RateLimitHeaders() {}

    public static void report(
            RateLimitObserver observer,
            ChannelAccountId account,
            PlatformResponse response,
            String remainingHeader,
            String resetHeader) {
        Long remaining = response.longHeader(remainingHeader).orElse(null);
        if (remaining == null) {
            return;
        }
        Instant reset =
                response.longHeader(resetHeader).map(Instant::ofEpochSecond).orElse(null);
        observer.observed(account, remaining, reset);
    }
}
