package eu.herald.channels.connectors;

import eu.herald.accounts.OrganisationId;
import eu.herald.channels.ChannelAccount;
import eu.herald.channels.ChannelAccountId;
import eu.herald.channels.ChannelType;
import eu.herald.channels.Post;
import eu.herald.common.Language;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Accounts and posts for connector tests, and an observer that remembers the rate-limit headers it was told. */
public final class ConnectorFixtures {

    private ConnectorFixtures() {}

    public static ConnectedAccount account(
            ChannelType type, Map<String, String> settings, Map<String, String> secrets) {
        ChannelAccount account = new ChannelAccount(
                ChannelAccountId.random(),
                new OrganisationId(UUID.randomUUID()),
                type,
                "Test " + type,
                ChannelAccount.Status.ACTIVE,
                null,
                null,
                null,
                null);
        return new ConnectedAccount(account, settings, secrets, (values, expiresAt) -> {});
    }

    public static Post post(String key, String text) {
        return new Post(key, text, Language.NL, "Titel", "https://www.elsene.be/preventie", List.of(), Map.of());
    }

    public static final class Observed implements RateLimitObserver {
        public final List<Observation> seen = new ArrayList<>();

        public record Observation(
                ChannelAccountId account,
                @Nullable Long remaining,
                @Nullable Instant resetAt) {}

        @Override
        public void observed(ChannelAccountId account, @Nullable Long remaining, @Nullable Instant resetAt) {
            seen.add(new Observation(account, remaining, resetAt));
        }
    }
}
