package eu.herald.inbox.domain;

import eu.herald.channels.Reaction;

/** How a reaction reached Herald. */
public enum ItemKind {
    COMMENT,
    REPLY,
    MENTION,
    DIRECT_MESSAGE,
    EMAIL,
    CONTACT_FORM;

    public static ItemKind of(Reaction.Kind kind) {
        return valueOf(kind.name());
    }

    /** Whether it is answered by email rather than through a channel account. */
    public boolean byEmail() {
        return this == EMAIL || this == CONTACT_FORM;
    }
}
