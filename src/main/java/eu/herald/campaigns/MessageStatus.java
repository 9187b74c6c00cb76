package eu.herald.campaigns;

/** Where a message stands: DRAFT → IN_REVIEW → APPROVED or CHANGES_REQUESTED → SCHEDULED. */
public enum MessageStatus {
    DRAFT,
    IN_REVIEW,
    CHANGES_REQUESTED,
    APPROVED,
    SCHEDULED
}
