package eu.herald.channels.connectors.support;

import eu.herald.channels.connectors.ConnectedAccount;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Refreshed secrets are stored as the account's whole secret set (the old ones with the new ones over them), so a
 * sink that replaces rather than merges loses nothing (e.g. Bluesky's app password beside its session tokens).
 */
public final class Secrets {

    private Secrets() {}

    public static Map<String, String> store(
            ConnectedAccount account, Map<String, String> refreshed, @Nullable Instant expiresAt) {
        Map<String, String> all = new HashMap<>(account.secrets());
        all.putAll(refreshed);
        account.secretsSink().store(Map.copyOf(all), expiresAt);
        return all;
    }
}
