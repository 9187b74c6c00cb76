package eu.herald.campaigns.domain;

import eu.herald.common.Language;
import java.util.Map;
import java.util.UUID;

/** A campaign theme (burglary, bike theft, …), named per language. */
public record Theme(UUID id, String key, Map<Language, String> names, boolean active) {

    public String name(Language language) {
        return names.getOrDefault(language, key);
    }
}
