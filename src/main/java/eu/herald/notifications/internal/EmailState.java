package eu.herald.notifications.internal;

/** What happened to a notice's email. */
public enum EmailState {
    NOT_ASKED,
    PENDING,
    SENDING,
    SENT,
    NOT_CONFIGURED,
    FAILED
}
