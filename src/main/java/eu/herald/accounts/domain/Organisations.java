package eu.herald.accounts.domain;

import eu.herald.accounts.OrganisationId;
import eu.herald.accounts.OrganisationKind;
import eu.herald.common.Language;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The organisations table. */
@Repository
class Organisations {

    private static final String COLUMNS =
            "o.id, o.parent_id, o.kind, o.path, o.name_nl, o.name_fr, o.name_de, o.name_en, o.official_languages,"
                    + " o.municipality_codes, o.postcodes, o.contact_email, o.contact_phone, o.active, o.version";

    private final JdbcClient jdbc;

    Organisations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Organisation> find(OrganisationId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM accounts.organisation o WHERE o.id = ?")
                .param(id.value())
                .query(Organisations::map)
                .optional();
    }

    List<Organisation> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM accounts.organisation o")
                .query(Organisations::map)
                .list();
    }

    /** Organisations the user reaches with the role: those where a membership is held, and all their descendants. */
    List<Organisation> reachable(UUID userId, String role) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM accounts.organisation o WHERE EXISTS ("
                        + " SELECT 1 FROM accounts.membership m"
                        + " JOIN accounts.organisation mo ON mo.id = m.organisation_id AND mo.active"
                        + " JOIN accounts.app_user u ON u.id = m.user_id AND u.active"
                        + " WHERE m.user_id = ? AND m.role = ? AND o.path LIKE mo.path || '%')")
                .params(userId, role)
                .query(Organisations::map)
                .list();
    }

    boolean reaches(UUID userId, String role, UUID organisation) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM accounts.organisation o"
                        + " JOIN accounts.membership m ON m.user_id = ? AND m.role = ?"
                        + " JOIN accounts.organisation mo ON mo.id = m.organisation_id AND mo.active"
                        + " JOIN accounts.app_user u ON u.id = m.user_id AND u.active"
                        + " WHERE o.id = ? AND o.path LIKE mo.path || '%')")
                .params(userId, role, organisation)
                .query(Boolean.class)
                .single();
    }

    boolean hasRoot() {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM accounts.organisation WHERE parent_id IS NULL)")
                .query(Boolean.class)
                .single();
    }

    void insert(Organisation o) {
        jdbc.sql("INSERT INTO accounts.organisation (id, parent_id, kind, path, name_nl, name_fr, name_de, name_en,"
                        + " official_languages, municipality_codes, postcodes, contact_email, contact_phone, active)"
                        + " VALUES (:id, :parent, :kind, :path, :nl, :fr, :de, :en, :languages, :codes, :postcodes,"
                        + " :email, :phone, :active)")
                .param("id", o.id().value())
                .param("parent", o.parentId() == null ? null : o.parentId().value())
                .param("kind", o.kind().name())
                .param("path", o.path())
                .params(names(o))
                .param("languages", languages(o))
                .param("codes", o.municipalityCodes().toArray(String[]::new))
                .param("postcodes", o.postcodes().toArray(String[]::new))
                .param("email", o.contactEmail())
                .param("phone", o.contactPhone())
                .param("active", o.active())
                .update();
    }

    /** Saves an edited organisation if nobody else saved it since it was read. */
    void update(Organisation o) {
        int updated = jdbc.sql("UPDATE accounts.organisation SET name_nl = :nl, name_fr = :fr, name_de = :de,"
                        + " name_en = :en, official_languages = :languages, municipality_codes = :codes,"
                        + " postcodes = :postcodes, contact_email = :email, contact_phone = :phone, active = :active,"
                        + " version = version + 1 WHERE id = :id AND version = :version")
                .param("id", o.id().value())
                .params(names(o))
                .param("languages", languages(o))
                .param("codes", o.municipalityCodes().toArray(String[]::new))
                .param("postcodes", o.postcodes().toArray(String[]::new))
                .param("email", o.contactEmail())
                .param("phone", o.contactPhone())
                .param("active", o.active())
                .param("version", o.version())
                .update();
        if (updated != 1) {
            throw new OptimisticLockingFailureException("organisation " + o.id() + " changed meanwhile");
        }
    }

    private static Map<String, Object> names(Organisation o) {
        java.util.HashMap<String, Object> names = new java.util.HashMap<>();
        for (Language language : Language.values()) {
            names.put(language.code(), o.names().get(language));
        }
        return names;
    }

    private static String[] languages(Organisation o) {
        return o.officialLanguages().stream().map(Language::code).toArray(String[]::new);
    }

    static Organisation map(ResultSet rs, int row) throws SQLException {
        Map<Language, String> names = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            String name = rs.getString("name_" + language.code());
            if (name != null) {
                names.put(language, name);
            }
        }
        UUID parent = rs.getObject("parent_id", UUID.class);
        return new Organisation(
                new OrganisationId(rs.getObject("id", UUID.class)),
                parent == null ? null : new OrganisationId(parent),
                OrganisationKind.valueOf(rs.getString("kind")),
                rs.getString("path"),
                Map.copyOf(names),
                strings(rs.getArray("official_languages")).stream()
                        .map(code -> Language.fromCode(code).orElseThrow())
                        .toList(),
                strings(rs.getArray("municipality_codes")),
                strings(rs.getArray("postcodes")),
                rs.getString("contact_email"),
                rs.getString("contact_phone"),
                rs.getBoolean("active"),
                rs.getInt("version"));
    }

    static List<String> strings(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        return new ArrayList<>(Arrays.asList((String[]) array.getArray()))
                .stream().toList();
    }
}
