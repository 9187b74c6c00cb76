package eu.herald.channels.connectors;

import eu.herald.channels.ChannelAccount;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An account with its decrypted settings and secrets, handed to a connector for one call and never kept, logged or
 * shown. A connector that refreshes a session or an OAuth token stores the new secrets through {@code secretsSink}
 * before using them.
 *
 * @param settings non-secret settings (e.g. {@code baseUrl}, {@code handle}, {@code pageId}, {@code chatId})
 * @param secrets secret settings (e.g. {@code accessToken}, {@code appPassword}, {@code refreshToken})
 */
public record ConnectedAccount(
        ChannelAccount account, Map<String, String> settings, Map<String, String> secrets, SecretsSink secretsSink) {

    public ConnectedAccount {
        settings = Map.copyOf(settings);
        secrets = Map.copyOf(secrets);
    }

    public String setting(String key) {
        String value = settings.get(key);
        if (value == null) {
            throw new IllegalStateException("The account has no setting " + key);
        }
        return value;
    }

    public String secret(String key) {
        String value = secrets.get(key);
        if (value == null) {
            throw new IllegalStateException("The account has no secret " + key);
        }
        return value;
    }

    public @Nullable String optionalSecret(String key) {
        return secrets.get(key);
    }

    /** Where refreshed secrets go: encrypted and stored at once, in their own transaction. */
    @FunctionalInterface
    public interface SecretsSink {
        void store(Map<String, String> secrets, java.time.@Nullable Instant expiresAt);
    }
}
