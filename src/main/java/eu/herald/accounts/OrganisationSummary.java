package eu.herald.accounts;

import eu.herald.common.Language;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** What other modules may know of an organisation. */
public record OrganisationSummary(
        OrganisationId id,
        @Nullable OrganisationId parentId,
        OrganisationKind kind,
        Map<Language, String> names,
        List<Language> officialLanguages,
        List<String> municipalityCodes,
        int depth,
        boolean active) {

    /** The name in the wanted language, else in the first official language that has one, else any. */
    public String name(Language language) {
        String name = names.get(language);
        if (name != null) {
            return name;
        }
        for (Language official : officialLanguages) {
            if (names.containsKey(official)) {
                return names.get(official);
            }
        }
        return names.values().stream().findFirst().orElse(id.toString());
    }
}
