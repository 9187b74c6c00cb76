package eu.herald.channels;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Something a person wrote to or about an account: a comment or reply to one of its posts, a mention or a direct
 * message, as fetched from the platform.
 *
 * @param externalId the platform's id (duplicates are recognised by it)
 * @param inReplyTo the platform id of the post it answers, if any (the thread context)
 */
public record Reaction(
        ChannelAccountId account,
        String externalId,
        Kind kind,
        @Nullable String inReplyTo,
        String authorHandle,
        String text,
        Instant at,
        @Nullable String url) {

    public enum Kind {
        COMMENT,
        REPLY,
        MENTION,
        DIRECT_MESSAGE
    }
}
