package eu.herald.audiences.domain;

import eu.herald.common.Language;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Belgium's three regions, which decide a municipality's official languages: Brussels-Capital nl and fr, Flanders
 * nl, Wallonia fr — except the nine municipalities of the German-speaking Community, which are de.
 */
public enum Region {
    BRUSSELS(
            List.of(Language.NL, Language.FR),
            Set.of(
                    "brussels hoofdstedelijk gewest",
                    "region de bruxelles capitale",
                    "brussels capital region",
                    "region brussel hauptstadt",
                    "hauptstadtregion brussel",
                    "brussels",
                    "brussel",
                    "bruxelles",
                    "bruxelles capitale",
                    "brussels capital",
                    "be1")),
    FLANDERS(
            List.of(Language.NL),
            Set.of(
                    "vlaams gewest",
                    "region flamande",
                    "flemish region",
                    "flamische region",
                    "vlaanderen",
                    "flandre",
                    "flanders",
                    "flandern",
                    "be2")),
    WALLONIA(
            List.of(Language.FR),
            Set.of(
                    "waals gewest",
                    "region wallonne",
                    "walloon region",
                    "wallonische region",
                    "wallonie",
                    "wallonia",
                    "wallonien",
                    "be3"));

    private final List<Language> languages;
    private final Set<String> labels;

    Region(List<Language> languages, Set<String> labels) {
        this.languages = languages;
        this.labels = labels;
    }

    /** The official languages of a municipality of this region. */
    public List<Language> officialLanguages(String nisCode) {
        if (this == WALLONIA && GermanSpeakingCommunity.includes(nisCode)) {
            return List.of(Language.DE);
        }
        return languages;
    }

    /** A region from its name in nl, fr, de or en (as official lists write it), or its NUTS code. */
    public static Optional<Region> parse(String label) {
        String wanted = simplify(label);
        for (Region region : values()) {
            if (region.labels.contains(wanted)) {
                return Optional.of(region);
            }
        }
        return Optional.empty();
    }

    /**
     * The region a NIS code belongs to: its first digits are the province (1, 3, 4, 7 and 23–24 Flemish; 5, 6, 8, 9
     * and 25 Walloon; 21 Brussels).
     */
    public static Optional<Region> ofNisCode(String nisCode) {
        if (nisCode.length() != 5 || !nisCode.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        return Optional.ofNullable(
                switch (nisCode.charAt(0)) {
                    case '1', '3', '4', '7' -> FLANDERS;
                    case '5', '6', '8', '9' -> WALLONIA;
                    case '2' ->
                        Map.of('1', BRUSSELS, '3', FLANDERS, '4', FLANDERS, '5', WALLONIA)
                                .get(nisCode.charAt(1));
                    default -> null;
                });
    }

    /** Lower case, without accents, hyphens and repeated spaces: "Région de Bruxelles-Capitale" → "region de …". */
    static String simplify(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replace('-', ' ')
                .replaceAll("\\s+", " ")
                .trim();
    }
}
