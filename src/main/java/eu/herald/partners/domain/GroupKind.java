package eu.herald.partners.domain;

/** What kind of partners a group gathers. */
public enum GroupKind {
    NEIGHBOURHOOD_NETWORK,
    SHOPKEEPERS,
    SCHOOL,
    SECURITY_FIRM,
    PREVENTION_STAFF
}
