package eu.herald.partners.domain;

/** What kind of partner event. */
public enum EventKind {
    TRAINING,
    INFORMATION_SESSION,
    PREVENTION_MARKET
}
