package eu.herald.inbox.domain;

/** What became of an answer to an item's author. */
public enum ReplyOutcome {
    SENT,
    FAILED,
    /** No way to answer: no account, no address, or no mail server. */
    NOT_POSSIBLE
}
