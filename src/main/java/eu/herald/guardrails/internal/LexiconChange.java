package eu.herald.guardrails.internal;

import eu.herald.common.Language;

/** An admin's change to a shipped lexicon: an entry added, or a shipped entry removed. */
public record LexiconChange(Lexicon lexicon, Language language, String entry, Kind kind) {

    public enum Kind {
        ADDED,
        REMOVED
    }
}
