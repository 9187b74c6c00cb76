package eu.herald.common;

import java.util.Locale;

/**
 * The channels a message can go out on: social networks and the classic channels the workshop insists on ("an
 * and/or story"). Each knows how it reaches people and whether citizens can react on it (then a message must say
 * that it is no emergency line).
 */
public enum Channel {
    X(Medium.SOCIAL, true),
    MASTODON(Medium.SOCIAL, true),
    BLUESKY(Medium.SOCIAL, true),
    FACEBOOK(Medium.SOCIAL, true),
    INSTAGRAM(Medium.SOCIAL, true),
    YOUTUBE(Medium.SOCIAL, true),
    TELEGRAM(Medium.SOCIAL, false),
    WHATSAPP(Medium.SOCIAL, true),
    EMAIL(Medium.EMAIL, true),
    WEBSITE(Medium.WEB, false),
    POSTER(Medium.PRINT, false),
    PRESS(Medium.PRESS, false);

    /** How a channel reaches people; also the default {@code utm_medium} of its links. */
    public enum Medium {
        SOCIAL,
        EMAIL,
        WEB,
        PRINT,
        PRESS
    }

    private final Medium medium;
    private final boolean citizensCanReact;

    Channel(Medium medium, boolean citizensCanReact) {
        this.medium = medium;
        this.citizensCanReact = citizensCanReact;
    }

    public Medium medium() {
        return medium;
    }

    /** Whether people can answer on the channel (comments, replies, messages). */
    public boolean citizensCanReact() {
        return citizensCanReact;
    }

    /** The lower-case code used in URLs, files and JSON. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
