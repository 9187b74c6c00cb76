package eu.herald.channels.domain;

import eu.herald.channels.ChannelAccount;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An account with its health, for its pages and API: non-secret settings only; of the secrets only which keys are
 * stored.
 *
 * @param manageable whether the current user may check, reconnect and disable it (ADMIN or COMMUNICATOR)
 */
public record AccountView(
        ChannelAccount account,
        Map<String, String> settings,
        Set<String> storedSecrets,
        @Nullable Instant lastErrorAt,
        @Nullable String lastError,
        @Nullable Instant lastCheckedAt,
        @Nullable Long rateLimitRemaining,
        @Nullable Instant rateLimitResetAt,
        int version,
        boolean manageable) {}
