package eu.herald.guardrails;

/** The checks, each drawn from the prevention workshop's recommendations. */
public enum Rule {
    LENGTH,
    ANXIETY,
    OPSEC,
    EMERGENCY_LINE,
    LINK,
    PLAIN_LANGUAGE,
    ALT_TEXT
}
