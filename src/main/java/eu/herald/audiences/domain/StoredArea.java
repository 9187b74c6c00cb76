package eu.herald.audiences.domain;

import eu.herald.audiences.Area;
import eu.herald.common.Language;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A municipality as Herald keeps it: current, or retired since a newer official list left it out. */
public record StoredArea(
        String nisCode,
        Map<Language, String> names,
        List<String> postcodes,
        List<Language> officialLanguages,
        Region region,
        @Nullable Instant retiredAt) {

    public StoredArea {
        names = Map.copyOf(names);
        postcodes = List.copyOf(postcodes);
        officialLanguages = List.copyOf(officialLanguages);
    }

    public boolean retired() {
        return retiredAt != null;
    }

    public Area area() {
        return new Area(nisCode, names, postcodes, officialLanguages);
    }

    public String name(Language language) {
        return area().name(language);
    }

    static StoredArea of(AreaLine line) {
        return new StoredArea(
                line.nisCode(), line.names(), line.postcodes(), line.officialLanguages(), line.region(), null);
    }
}
