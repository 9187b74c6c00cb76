package eu.herald.audiences.domain;

import eu.herald.audiences.AudienceId;
import eu.herald.common.Language;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The audience catalogue's table. */
@Repository
class TargetAudiences {

    private static final String COLUMNS = "id, key, name_nl, name_fr, name_de, name_en, position, active, version";

    private final JdbcClient jdbc;

    TargetAudiences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<AudienceEntry> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM audiences.audience ORDER BY position, key")
                .query(TargetAudiences::map)
                .list();
    }

    Optional<AudienceEntry> find(AudienceId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM audiences.audience WHERE id = ?")
                .param(id.value())
                .query(TargetAudiences::map)
                .optional();
    }

    /** The audiences with these ids, in catalogue order. */
    List<AudienceEntry> findAll(Collection<AudienceId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM audiences.audience WHERE id = ANY(?) ORDER BY position, key")
                .param(ids.stream().map(AudienceId::value).toArray(UUID[]::new))
                .query(TargetAudiences::map)
                .list();
    }

    boolean keyTaken(String key) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM audiences.audience WHERE key = ?)")
                .param(key)
                .query(Boolean.class)
                .single();
    }

    int nextPosition() {
        return jdbc.sql("SELECT COALESCE(MAX(position), 0) + 10 FROM audiences.audience")
                .query(Integer.class)
                .single();
    }

    void insert(AudienceEntry entry) {
        jdbc.sql("INSERT INTO audiences.audience (id, key, name_nl, name_fr, name_de, name_en, position, active)"
                        + " VALUES (:id, :key, :nl, :fr, :de, :en, :position, :active)")
                .param("id", entry.id().value())
                .param("key", entry.key())
                .params(names(entry))
                .param("position", entry.position())
                .param("active", entry.active())
                .update();
    }

    /** Saves an edited audience if nobody saved it since {@code entry.version()} was read. */
    void update(AudienceEntry entry) {
        int updated = jdbc.sql("UPDATE audiences.audience SET name_nl = :nl, name_fr = :fr, name_de = :de,"
                        + " name_en = :en, active = :active, version = version + 1"
                        + " WHERE id = :id AND version = :version")
                .param("id", entry.id().value())
                .params(names(entry))
                .param("active", entry.active())
                .param("version", entry.version())
                .update();
        if (updated != 1) {
            throw new OptimisticLockingFailureException("audience " + entry.id() + " changed meanwhile");
        }
    }

    private static Map<String, Object> names(AudienceEntry entry) {
        Map<String, Object> names = new java.util.HashMap<>();
        for (Language language : Language.values()) {
            names.put(language.code(), entry.names().get(language));
        }
        return names;
    }

    private static AudienceEntry map(ResultSet rs, int row) throws SQLException {
        Map<Language, String> names = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            names.put(language, rs.getString("name_" + language.code()));
        }
        return new AudienceEntry(
                new AudienceId(rs.getObject("id", UUID.class)),
                rs.getString("key"),
                names,
                rs.getInt("position"),
                rs.getBoolean("active"),
                rs.getInt("version"));
    }
}
