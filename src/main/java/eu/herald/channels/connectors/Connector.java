package eu.herald.channels.connectors;

import eu.herald.channels.ChannelType;
import eu.herald.channels.Post;
import eu.herald.channels.PostMetrics;
import eu.herald.channels.Published;
import eu.herald.channels.Reaction;
import eu.herald.channels.ReactionPage;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One platform's documented protocol. Implementations are Spring beans, one per {@link ChannelType}; they keep no
 * state of their own besides HTTP clients and translate every platform answer into a result or a
 * {@link eu.herald.channels.ConnectorException} (5xx/429/network → Transient with the platform's Retry-After or
 * rate-limit reset; 4xx validation and 401/403 → Permanent with the platform's own error text; timeouts after the
 * request was sent and unreadable answers → UnknownOutcome). Operations a platform does not offer throw
 * {@link UnsupportedOperationException}.
 */
public interface Connector {

    ChannelType type();

    /** What an owner enters to connect an account of this type (see {@link Setting#defaultsFor}). */
    default List<Setting> settings() {
        return Setting.defaultsFor(type());
    }

    Published publish(ConnectedAccount account, Post post);

    Optional<Published> find(ConnectedAccount account, Post post);

    void remove(ConnectedAccount account, String externalId);

    ReactionPage reactions(ConnectedAccount account, @Nullable String cursor);

    Published reply(ConnectedAccount account, Reaction inReplyTo, String text, String idempotencyKey);

    boolean hide(ConnectedAccount account, String reactionExternalId);

    List<Reaction> search(ConnectedAccount account, String query);

    PostMetrics metrics(ConnectedAccount account, String externalId);

    /** Asks the platform who the credentials belong to and until when they work. */
    Health check(ConnectedAccount account);

    /**
     * Whether {@link #find} can really look a post up on this platform. False (Telegram) means an empty {@code find}
     * proves nothing: after an {@link eu.herald.channels.ConnectorException.UnknownOutcome} a retry could post twice,
     * so the delivery should end as FAILED ("outcome unknown — check the channel") rather than be retried.
     */
    default boolean canLookUp() {
        return true;
    }
}
