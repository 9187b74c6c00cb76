package eu.herald.guardrails.internal;

import eu.herald.common.Language;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What the rules know at a moment: every lexicon compiled per language (files merged with the admins' changes) and
 * the emergency-line wordings (defaults per language, and each organisation's own). Immutable: an edit builds a new
 * one, which the engine swaps in.
 */
public final class Knowledge {

    private final Map<Lexicon, Map<Language, PhraseMatcher>> matchers = new EnumMap<>(Lexicon.class);
    private final Map<Language, String> defaultWordings;
    private final Map<UUID, Map<Language, String>> wordings;

    private Knowledge(
            Collection<LexiconChange> changes,
            Map<Language, String> defaultWordings,
            Map<UUID, Map<Language, String>> wordings) {
        for (Lexicon lexicon : Lexicon.values()) {
            Map<Language, PhraseMatcher> perLanguage = new EnumMap<>(Language.class);
            for (Language language : Language.values()) {
                perLanguage.put(language, new PhraseMatcher(entries(lexicon, language, changes)));
            }
            matchers.put(lexicon, perLanguage);
        }
        this.defaultWordings = Map.copyOf(defaultWordings);
        this.wordings = Map.copyOf(wordings);
    }

    /** The shipped lexicons and default wordings only: what the engine knows without a database. */
    public static Knowledge shipped() {
        return new Knowledge(List.of(), DefaultWordings.load(), Map.of());
    }

    public static Knowledge of(Collection<LexiconChange> changes, Map<UUID, Map<Language, String>> wordings) {
        return new Knowledge(changes, DefaultWordings.load(), wordings);
    }

    /** The effective entries: the file's, less those removed, plus those added, without repeats. */
    public static List<String> entries(Lexicon lexicon, Language language, Collection<LexiconChange> changes) {
        Set<String> entries = new LinkedHashSet<>(lexicon.fileEntries(language));
        for (LexiconChange change : changes) {
            if (change.lexicon() == lexicon && change.language() == language) {
                if (change.kind() == LexiconChange.Kind.REMOVED) {
                    entries.remove(change.entry());
                } else {
                    entries.add(change.entry());
                }
            }
        }
        return new ArrayList<>(entries);
    }

    public PhraseMatcher matcher(Lexicon lexicon, Language language) {
        return matchers.get(lexicon).get(language);
    }

    /** The organisation's wording in {@code language}, else Herald's default for that language. */
    public String wording(@Nullable UUID organisation, Language language) {
        if (organisation != null) {
            String own = wordings.getOrDefault(organisation, Map.of()).get(language);
            if (own != null && !own.isBlank()) {
                return own;
            }
        }
        return defaultWordings.get(language);
    }

    public String defaultWording(Language language) {
        return defaultWordings.get(language);
    }
}
