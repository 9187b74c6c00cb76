package eu.herald.partners.domain;

/** How much a member may see; each level includes the ones before it. */
public enum NeedToKnow {
    BASIC,
    RESTRICTED,
    CONFIDENTIAL;

    /** Whether a member at this level may see something that needs {@code required}. */
    public boolean covers(NeedToKnow required) {
        return compareTo(required) >= 0;
    }
}
