package eu.herald.audiences.domain;

import eu.herald.common.Language;
import java.util.List;
import java.util.Map;

/** One valid municipality of an imported list, with the line it was read from. */
public record AreaLine(int line, String nisCode, Map<Language, String> names, List<String> postcodes, Region region) {

    public AreaLine {
        names = Map.copyOf(names);
        postcodes = List.copyOf(postcodes);
    }

    public List<Language> officialLanguages() {
        return region.officialLanguages(nisCode);
    }
}
