package eu.herald.guardrails;

import eu.herald.common.Language;
import java.util.List;

/** The outcome of a check: the language checked in, the length against the channel's rule, and the findings. */
public record Check(Language language, Length length, List<Finding> findings) {

    public Check {
        findings = List.copyOf(findings);
    }

    /** Whether any finding prevents approval. */
    public boolean blocks() {
        return findings.stream().anyMatch(f -> f.severity() == Severity.BLOCK);
    }
}
