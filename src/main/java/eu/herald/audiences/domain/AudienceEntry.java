package eu.herald.audiences.domain;

import eu.herald.audiences.Audience;
import eu.herald.audiences.AudienceId;
import eu.herald.common.Language;
import eu.herald.common.RefusedException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** An audience of the catalogue as Herald keeps it: its place in the list and its version for safe editing. */
public record AudienceEntry(
        AudienceId id, String key, Map<Language, String> names, int position, boolean active, int version) {

    public AudienceEntry {
        names = Map.copyOf(names);
    }

    public Audience audience() {
        return new Audience(id, key, names, active);
    }

    public String name(Language language) {
        return audience().name(language);
    }

    /** The same audience under new names, which every language needs. */
    AudienceEntry renamed(Map<Language, String> newNames, int expectedVersion) {
        return new AudienceEntry(id, key, requireAllNames(newNames), position, active, expectedVersion);
    }

    AudienceEntry deactivated(int expectedVersion) {
        if (!active) {
            throw new RefusedException("audiences.audience.error.alreadyInactive");
        }
        return new AudienceEntry(id, key, names, position, false, expectedVersion);
    }

    AudienceEntry reactivated(int expectedVersion) {
        if (active) {
            throw new RefusedException("audiences.audience.error.alreadyActive");
        }
        return new AudienceEntry(id, key, names, position, true, expectedVersion);
    }

    Map<String, Object> audit() {
        Map<String, Object> audit = new LinkedHashMap<>();
        audit.put("key", key);
        names.forEach((language, name) -> audit.put("name_" + language.code(), name));
        audit.put("active", active);
        return audit;
    }

    static Map<Language, String> requireAllNames(Map<Language, String> names) {
        return requireAll(names, 100, "audiences.audience.error.nameRequired");
    }

    /** Texts in every language, trimmed, none longer than {@code max}. */
    static Map<Language, String> requireAll(Map<Language, String> texts, int max, String missingKey) {
        Map<Language, String> trimmed = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            String text = texts.get(language);
            if (text == null || text.isBlank()) {
                throw new RefusedException(missingKey, language.code());
            }
            if (text.trim().length() > max) {
                throw new RefusedException("audiences.error.tooLong", max);
            }
            trimmed.put(language, text.trim());
        }
        return trimmed;
    }
}
