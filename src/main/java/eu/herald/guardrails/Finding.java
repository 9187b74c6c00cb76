package eu.herald.guardrails;

import java.util.List;

/**
 * One thing a rule found, at characters {@code [start, end)} of the text (0, 0 when it concerns the whole text).
 * {@code messageKey} and {@code arguments} are rendered in the reader's language by whoever shows the finding.
 */
public record Finding(Rule rule, Severity severity, String messageKey, List<Object> arguments, int start, int end) {

    public Finding {
        arguments = List.copyOf(arguments);
    }
}
