package eu.herald.channels;

import eu.herald.accounts.OrganisationId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A connected account as other modules see it: never its credentials.
 *
 * @param handle the public name on the platform (e.g. {@code @politie@mastodon.example}), if known
 * @param profileUrl where the account's posts are seen, if any
 * @param tokenExpiresAt when the current access token stops working, if the platform says
 */
public record ChannelAccount(
        ChannelAccountId id,
        OrganisationId organisation,
        ChannelType type,
        String name,
        Status status,
        @Nullable String handle,
        @Nullable String profileUrl,
        @Nullable Instant lastSuccessAt,
        @Nullable Instant tokenExpiresAt) {

    public enum Status {
        ACTIVE,
        /** The platform refused the credentials (revoked or expired): an owner must reconnect. */
        NEEDS_RECONNECTING,
        DISABLED
    }

    public boolean active() {
        return status == Status.ACTIVE;
    }
}
