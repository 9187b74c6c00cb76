package eu.herald.channels;

import eu.herald.accounts.OrganisationId;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The one way other modules talk to platforms. No reach checks here: callers check the current user's reach for the
 * account's organisation. Every call may throw {@link ConnectorException}; a {@link ConnectorException.Permanent}
 * with rejected credentials also marks the account {@link ChannelAccount.Status#NEEDS_RECONNECTING} and tells its
 * owners. Client-side rate limits per platform and account are applied here (a call over the limit throws
 * {@link ConnectorException.Transient} with the wait).
 */
public interface ChannelGateway {

    Optional<ChannelAccount> account(ChannelAccountId id);

    /** The organisation's accounts, active or not, by name. */
    List<ChannelAccount> accounts(OrganisationId organisation);

    /** Every active account of the given types (e.g. to poll reactions), any organisation. */
    List<ChannelAccount> activeAccounts(ChannelType... types);

    /** Publishes a post. */
    Published publish(ChannelAccountId account, Post post);

    /**
     * After an {@link ConnectorException.UnknownOutcome}: the post carrying {@code post}'s idempotency key, if the
     * platform has it (looked up among the account's recent posts or by the key where the platform stores it).
     */
    Optional<Published> find(ChannelAccountId account, Post post);

    /**
     * Whether {@link #find} really looks posts up on the account's platform. False (Telegram: the Bot API cannot list
     * a channel's messages) means an empty {@code find} proves nothing, so after an
     * {@link ConnectorException.UnknownOutcome} a retry could post twice: end the delivery as FAILED ("outcome
     * unknown — check the channel") instead.
     */
    default boolean canLookUp(ChannelAccountId account) {
        return true;
    }

    /** Deletes Herald's own post, or hides it where deleting is impossible. */
    void remove(ChannelAccountId account, String externalId);

    /** Reactions since {@code cursor} (null: the platform's most recent ones). */
    ReactionPage reactions(ChannelAccountId account, @Nullable String cursor);

    /** Answers a reaction in its thread (or by direct message where that is how it came). */
    Published reply(ChannelAccountId account, Reaction inReplyTo, String text, String idempotencyKey);

    /**
     * Hides someone else's reaction where the platform allows it (Facebook comments, YouTube moderation); false
     * where it cannot be done (then the moderator must use the platform itself).
     */
    boolean hide(ChannelAccountId account, String reactionExternalId);

    /** Public posts matching a keyword or hashtag (listening; Mastodon and Bluesky), newest first. */
    List<Reaction> search(ChannelAccountId account, String query);

    /** What the platform reports about one of the account's posts. */
    PostMetrics metrics(ChannelAccountId account, String externalId);
}
