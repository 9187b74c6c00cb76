package eu.herald.partners.domain;

/** What a toolbox resource is. */
public enum ResourceKind {
    DOCUMENT,
    IMAGE,
    VIDEO_LINK,
    TEMPLATE,
    TRAINING
}
