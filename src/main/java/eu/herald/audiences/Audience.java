package eu.herald.audiences;

import eu.herald.common.Language;
import java.util.Map;

/** A target audience (all residents, young people 15–24, older residents 65+, shopkeepers, …), named per language. */
public record Audience(AudienceId id, String key, Map<Language, String> names, boolean active) {

    public String name(Language language) {
        return names.getOrDefault(language, names.getOrDefault(Language.EN, key));
    }
}
