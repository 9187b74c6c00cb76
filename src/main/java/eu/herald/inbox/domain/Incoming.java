package eu.herald.inbox.domain;

import eu.herald.accounts.OrganisationId;
import eu.herald.channels.ChannelAccountId;
import eu.herald.common.Channel;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A reaction as intake receives it, before triage.
 *
 * @param source where it came from: {@code account:<id>}, {@code facebook:<page>}, {@code webhook:<organisation>},
 *     {@code imap} or {@code contact}; with {@code platformId} it identifies the item (duplicates are dropped)
 * @param account the channel account to answer through, if it came through one
 * @param authorEmail where to answer by email (email and contact-form items)
 */
public record Incoming(
        OrganisationId organisation,
        String source,
        @Nullable ChannelAccountId account,
        Channel channel,
        String platformId,
        ItemKind kind,
        @Nullable String inReplyTo,
        String authorHandle,
        @Nullable String authorEmail,
        String text,
        @Nullable String url,
        Instant receivedAt) {

    /** The most text kept of one reaction. */
    public static final int MAX_TEXT = 10_000;

    public Incoming {
        text = text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
        authorHandle = authorHandle.length() > 200 ? authorHandle.substring(0, 200) : authorHandle;
        platformId = platformId.length() > 500 ? platformId.substring(0, 500) : platformId;
    }
}
