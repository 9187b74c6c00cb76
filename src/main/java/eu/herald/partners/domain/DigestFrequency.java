package eu.herald.partners.domain;

/** How often a partner gets the email digest: daily at 07:00, weekly on Monday at 07:00 (Brussels), or never. */
public enum DigestFrequency {
    NONE,
    DAILY,
    WEEKLY
}
