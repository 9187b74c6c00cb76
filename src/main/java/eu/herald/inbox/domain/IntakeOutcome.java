package eu.herald.inbox.domain;

/** Whether a reaction was stored, or was a duplicate of one already stored (same source and platform id). */
public enum IntakeOutcome {
    STORED,
    DUPLICATE
}
