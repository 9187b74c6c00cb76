package eu.herald.audiences.domain;

import eu.herald.common.Language;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** One municipality in an import report: how it was and how the new list has it (either may be absent). */
public record AreaChange(
        String nisCode,
        @Nullable StoredArea before,
        @Nullable StoredArea after) {

    /** The name in the reader's language, from the new list if it has the area. */
    public String name(Language language) {
        StoredArea shown = after != null ? after : before;
        return shown == null ? nisCode : shown.name(language);
    }

    /** All names, e.g. "Elsene / Ixelles", as they were. */
    public String namesBefore() {
        return names(before);
    }

    public String namesAfter() {
        return names(after);
    }

    public List<String> postcodesBefore() {
        return before == null ? List.of() : before.postcodes();
    }

    public List<String> postcodesAfter() {
        return after == null ? List.of() : after.postcodes();
    }

    public List<Language> languagesBefore() {
        return before == null ? List.of() : before.officialLanguages();
    }

    public List<Language> languagesAfter() {
        return after == null ? List.of() : after.officialLanguages();
    }

    private static String names(@Nullable StoredArea area) {
        if (area == null) {
            return "";
        }
        LinkedHashSet<String> names = new LinkedHashSet<>();
        for (Language language : List.of(Language.NL, Language.FR, Language.DE)) {
            String name = area.names().get(language);
            if (name != null) {
                names.add(name);
            }
        }
        return String.join(" / ", names);
    }

    static Map<String, Object> audit(List<AreaChange> changes, int limit) {
        return Map.of(
                "count",
                changes.size(),
                "nisCodes",
                changes.stream().limit(limit).map(AreaChange::nisCode).toList());
    }
}
