package eu.herald.channels.domain;

import eu.herald.accounts.OrganisationId;
import eu.herald.channels.ChannelAccount;
import eu.herald.channels.ChannelAccountId;
import eu.herald.channels.ChannelType;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** An account as stored: the public view, its settings, its sealed secrets and its health. */
record StoredAccount(
        ChannelAccount account,
        Map<String, String> settings,
        byte @Nullable [] sealedSecrets,
        @Nullable Instant lastErrorAt,
        @Nullable String lastError,
        @Nullable Instant lastCheckedAt,
        @Nullable Long rateLimitRemaining,
        @Nullable Instant rateLimitResetAt,
        int version) {

    ChannelAccountId id() {
        return account.id();
    }

    OrganisationId organisation() {
        return account.organisation();
    }

    ChannelType type() {
        return account.type();
    }
}
