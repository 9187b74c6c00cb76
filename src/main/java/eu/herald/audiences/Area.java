package eu.herald.audiences;

import eu.herald.common.Language;
import java.util.List;
import java.util.Map;

/** A Belgian municipality: its NIS code, names, postcodes and official languages (Brussels: nl and fr). */
public record Area(
        String nisCode, Map<Language, String> names, List<String> postcodes, List<Language> officialLanguages) {

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
        return nisCode;
    }
}
