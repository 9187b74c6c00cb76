package eu.herald.audiences.domain;

import eu.herald.common.Language;
import java.text.Collator;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Finding municipalities: by NIS code (retired ones too, for old references) and by search (current ones only). */
@Service
public class AreaDirectory {

    public static final int MAX_RESULTS = 1000;

    private final Areas areas;

    AreaDirectory(Areas areas) {
        this.areas = areas;
    }

    @Transactional(readOnly = true)
    public Optional<StoredArea> find(String nisCode) {
        return areas.find(nisCode.trim());
    }

    /** The areas with these codes, in the order asked; unknown codes are left out. */
    @Transactional(readOnly = true)
    public List<StoredArea> findAll(Collection<String> nisCodes) {
        List<String> codes = nisCodes.stream()
                .map(String::trim)
                .filter(code -> !code.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new))
                .stream()
                .toList();
        Map<String, StoredArea> found =
                areas.findAll(codes).stream().collect(Collectors.toMap(StoredArea::nisCode, Function.identity()));
        return codes.stream().filter(found::containsKey).map(found::get).toList();
    }

    /**
     * Current areas whose name (in any language), NIS code or postcode contains the query, accents and case
     * ignored: exact codes first, then names starting with it, then the others, each by name in the reader's language.
     */
    @Transactional(readOnly = true)
    public List<StoredArea> search(String query, int limit, Language language) {
        String wanted = Region.simplify(query);
        Collator collator = Collator.getInstance(language.locale());
        collator.setStrength(Collator.PRIMARY);
        Comparator<StoredArea> order = Comparator.<StoredArea>comparingInt(area -> rank(area, wanted))
                .thenComparing(area -> area.name(language), collator);
        return areas.search(wanted).stream()
                .sorted(order)
                .limit(Math.clamp(limit, 1, MAX_RESULTS))
                .toList();
    }

    /** How many areas are current and how many retired. */
    @Transactional(readOnly = true)
    public Map<String, Long> counts() {
        return areas.counts();
    }

    private static int rank(StoredArea area, String wanted) {
        if (wanted.isEmpty()) {
            return 2;
        }
        if (area.nisCode().equals(wanted) || area.postcodes().contains(wanted)) {
            return 0;
        }
        return area.names().values().stream()
                        .anyMatch(name -> Region.simplify(name).startsWith(wanted))
                ? 1
                : 2;
    }
}
