package eu.herald.publishing;

/** Where a delivery stands. SCHEDULED and SENDING are live; PUBLISHED, FAILED and CANCELLED are ends (FAILED may be retried). */
public enum DeliveryStatus {
    SCHEDULED,
    SENDING,
    PUBLISHED,
    FAILED,
    CANCELLED;

    public boolean live() {
        return this == SCHEDULED || this == SENDING;
    }
}
