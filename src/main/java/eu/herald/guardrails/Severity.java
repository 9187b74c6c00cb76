package eu.herald.guardrails;

/** BLOCK prevents approval; WARN asks the author to reconsider; INFO only informs. */
public enum Severity {
    BLOCK,
    WARN,
    INFO
}
