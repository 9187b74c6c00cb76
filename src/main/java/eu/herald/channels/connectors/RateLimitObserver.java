package eu.herald.channels.connectors;

import eu.herald.channels.ChannelAccountId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Where connectors report the rate-limit headers of a platform's answer (e.g. {@code X-RateLimit-Remaining} and
 * {@code X-RateLimit-Reset}); the account's health shows them, and the gateway waits for the reset once nothing is
 * left. Implemented by the account store; inject it into a connector.
 */
@FunctionalInterface
public interface RateLimitObserver {

    void observed(ChannelAccountId account, @Nullable Long remaining, @Nullable Instant resetAt);
}
