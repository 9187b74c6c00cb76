package eu.herald.inbox.domain;

/** Where an item stands. */
public enum ItemStatus {
    OPEN,
    ANSWERED,
    RESOLVED,
    HIDDEN
}
