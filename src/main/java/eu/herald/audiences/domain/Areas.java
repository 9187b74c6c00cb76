package eu.herald.audiences.domain;

import eu.herald.common.Language;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The municipalities' table and the revision of the list. */
@Repository
class Areas {

    private static final String COLUMNS =
            "nis_code, name_nl, name_fr, name_de, region, official_languages, postcodes, retired_at";

    private final JdbcClient jdbc;

    Areas(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<StoredArea> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM audiences.area ORDER BY nis_code")
                .query(Areas::map)
                .list();
    }

    Optional<StoredArea> find(String nisCode) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM audiences.area WHERE nis_code = ?")
                .param(nisCode)
                .query(Areas::map)
                .optional();
    }

    List<StoredArea> findAll(Collection<String> nisCodes) {
        if (nisCodes.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM audiences.area WHERE nis_code = ANY(?) ORDER BY nis_code")
                .param(nisCodes.toArray(String[]::new))
                .query(Areas::map)
                .list();
    }

    /** Current areas whose search text contains {@code simplified} (already lower case, without accents). */
    List<StoredArea> search(String simplified) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM audiences.area WHERE retired_at IS NULL"
                        + " AND search_text LIKE ? ESCAPE '\\' ORDER BY nis_code")
                .param("%"
                        + simplified.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
                .query(Areas::map)
                .list();
    }

    Map<String, Long> counts() {
        return jdbc.sql("SELECT count(*) FILTER (WHERE retired_at IS NULL) AS current,"
                        + " count(*) FILTER (WHERE retired_at IS NOT NULL) AS retired FROM audiences.area")
                .query((rs, row) -> Map.of("current", rs.getLong("current"), "retired", rs.getLong("retired")))
                .single();
    }

    boolean isEmpty() {
        return !jdbc.sql("SELECT EXISTS (SELECT 1 FROM audiences.area)")
                .query(Boolean.class)
                .single();
    }

    long revision() {
        return jdbc.sql("SELECT revision FROM audiences.area_list")
                .query(Long.class)
                .single();
    }

    /** The revision, locked until the transaction ends: one import at a time. */
    long lockRevision() {
        return jdbc.sql("SELECT revision FROM audiences.area_list FOR UPDATE")
                .query(Long.class)
                .single();
    }

    long raiseRevision() {
        return jdbc.sql("UPDATE audiences.area_list SET revision = revision + 1 RETURNING revision")
                .query(Long.class)
                .single();
    }

    void insert(StoredArea area) {
        jdbc.sql("INSERT INTO audiences.area (nis_code, name_nl, name_fr, name_de, region, official_languages,"
                        + " postcodes, search_text) VALUES (:nis, :nl, :fr, :de, :region, :languages, :postcodes,"
                        + " :search)")
                .params(values(area))
                .update();
    }

    /** Writes the area as the new list has it; a retired area comes back. */
    void update(StoredArea area) {
        jdbc.sql("UPDATE audiences.area SET name_nl = :nl, name_fr = :fr, name_de = :de, region = :region,"
                        + " official_languages = :languages, postcodes = :postcodes, search_text = :search,"
                        + " retired_at = NULL, updated_at = now() WHERE nis_code = :nis")
                .params(values(area))
                .update();
    }

    void retire(Collection<String> nisCodes) {
        if (nisCodes.isEmpty()) {
            return;
        }
        jdbc.sql("UPDATE audiences.area SET retired_at = now(), updated_at = now() WHERE nis_code = ANY(?)"
                        + " AND retired_at IS NULL")
                .param(nisCodes.toArray(String[]::new))
                .update();
    }

    private static Map<String, Object> values(StoredArea area) {
        Map<String, Object> values = new java.util.HashMap<>();
        values.put("nis", area.nisCode());
        values.put("nl", area.names().get(Language.NL));
        values.put("fr", area.names().get(Language.FR));
        values.put("de", area.names().get(Language.DE));
        values.put("region", area.region().name());
        values.put(
                "languages",
                area.officialLanguages().stream().map(Language::code).toArray(String[]::new));
        values.put("postcodes", area.postcodes().toArray(String[]::new));
        values.put("search", searchText(area));
        return values;
    }

    /** NIS code, names and postcodes, lower case and without accents, for a search that ignores both. */
    static String searchText(StoredArea area) {
        return Stream.concat(
                        Stream.concat(Stream.of(area.nisCode()), area.names().values().stream()),
                        area.postcodes().stream())
                .map(Region::simplify)
                .collect(Collectors.joining(" | "));
    }

    private static StoredArea map(ResultSet rs, int row) throws SQLException {
        Map<Language, String> names = new EnumMap<>(Language.class);
        for (Language language : List.of(Language.NL, Language.FR, Language.DE)) {
            String name = rs.getString("name_" + language.code());
            if (name != null) {
                names.put(language, name);
            }
        }
        Timestamp retired = rs.getTimestamp("retired_at");
        return new StoredArea(
                rs.getString("nis_code"),
                names,
                strings(rs.getArray("postcodes")),
                strings(rs.getArray("official_languages")).stream()
                        .map(code -> Language.fromCode(code).orElseThrow())
                        .toList(),
                Region.valueOf(rs.getString("region")),
                retired == null ? null : retired.toInstant());
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
