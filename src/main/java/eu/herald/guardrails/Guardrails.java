package eu.herald.guardrails;

/**
 * Checks a draft for one channel and language and returns what the author must fix (BLOCK), should reconsider (WARN)
 * or may like to know (INFO). Fast and side-effect free: it runs on every keystroke (debounced) and again at approval.
 */
public interface Guardrails {

    Check check(Draft draft);
}
