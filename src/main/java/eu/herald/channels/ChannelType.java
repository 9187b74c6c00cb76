package eu.herald.channels;

import eu.herald.common.Channel;
import java.util.Set;

/** The kinds of account Herald can connect, and which variants (by their channel) each one publishes. */
public enum ChannelType {
    MASTODON(Set.of(Channel.MASTODON)),
    BLUESKY(Set.of(Channel.BLUESKY)),
    X(Set.of(Channel.X)),
    FACEBOOK(Set.of(Channel.FACEBOOK)),
    YOUTUBE(Set.of(Channel.YOUTUBE)),
    TELEGRAM(Set.of(Channel.TELEGRAM)),
    /** Any URL receiving an HMAC-SHA256 signed JSON body: the organisation's website, an intranet, a dispatch room. */
    WEBHOOK(Set.of(Channel.WEBSITE)),
    /** Media contacts receiving a press-ready email. */
    PRESS(Set.of(Channel.PRESS)),
    /** RSS and Atom feeds per organisation, theme and audience. */
    FEED(Set.of(Channel.WEBSITE));

    private final Set<Channel> publishes;

    ChannelType(Set<Channel> publishes) {
        this.publishes = publishes;
    }

    /** Whether a variant written for {@code channel} may be published on an account of this type. */
    public boolean publishes(Channel channel) {
        return publishes.contains(channel);
    }
}
