package eu.herald.inbox;

/** What a reaction is, for triage. EMERGENCY comes first: recall matters more than precision. */
public enum Category {
    /** Danger or a crime happening now. */
    EMERGENCY,
    /** Information about a crime or a suspicious situation that is not happening now. */
    TIP,
    QUESTION,
    /** Criticism of the police or the service. */
    COMPLAINT,
    PRAISE,
    /** Insults, threats, hate. */
    ABUSE,
    /** Advertising, scams, unrelated links. */
    SPAM,
    OTHER
}
