package eu.herald.guardrails;

import eu.herald.common.Actor;
import eu.herald.common.AuditableEvent;
import eu.herald.common.Language;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An admin changed a guardrails word list: added an entry, removed one, or restored a shipped entry removed before.
 * Word lists apply to every organisation, so the change belongs to none.
 */
public record LexiconEdited(Actor actor, String lexicon, Language language, String entry, Edit edit)
        implements AuditableEvent {

    public enum Edit {
        ADDED,
        REMOVED,
        RESTORED
    }

    @Override
    public String action() {
        return "guardrails.lexicon." + edit.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public @Nullable UUID organisationId() {
        return null;
    }

    @Override
    public String subjectType() {
        return "lexicon";
    }

    @Override
    public String subjectId() {
        return lexicon + "_" + language.code();
    }

    @Override
    public Map<String, Object> before() {
        return edit == Edit.ADDED || edit == Edit.RESTORED ? Map.of() : Map.of("entry", entry);
    }

    @Override
    public Map<String, Object> after() {
        return edit == Edit.REMOVED ? Map.of() : Map.of("entry", entry);
    }
}
