package eu.herald.audit.internal;

import eu.herald.common.AuditableEvent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The audit table: insert and search, never update or delete (the database refuses both). */
@Repository
class AuditEntries {

    private static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

    private final JdbcClient jdbc;
    private final JsonMapper json;

    AuditEntries(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void record(AuditableEvent event) {
        jdbc.sql("INSERT INTO audit.audit_entry (actor_id, actor_name, organisation_id, action, subject_type,"
                        + " subject_id, before, after) VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb)")
                .params(
                        event.actor().userId(),
                        event.actor().name(),
                        event.organisationId(),
                        event.action(),
                        event.subjectType(),
                        event.subjectId(),
                        json.writeValueAsString(event.before()),
                        json.writeValueAsString(event.after()))
                .update();
    }

    /**
     * Entries matching the filter within the given organisations; entries without an organisation only when
     * {@code includeUnscoped}.
     */
    List<AuditEntry> search(AuditFilter filter, Collection<UUID> organisations, boolean includeUnscoped, int limit) {
        StringBuilder sql = new StringBuilder("SELECT id, occurred_at, actor_id, actor_name, organisation_id, action,"
                + " subject_type, subject_id, before::text AS before, after::text AS after FROM audit.audit_entry"
                + " WHERE (organisation_id = ANY(?)");
        List<Object> params = new ArrayList<>();
        params.add(organisations.toArray(UUID[]::new));
        sql.append(includeUnscoped ? " OR organisation_id IS NULL)" : ")");
        if (filter.who() != null && !filter.who().isBlank()) {
            sql.append(" AND lower(actor_name) LIKE ?");
            params.add("%" + escape(filter.who().trim().toLowerCase()) + "%");
        }
        if (filter.what() != null && !filter.what().isBlank()) {
            sql.append(" AND action LIKE ?");
            params.add(escape(filter.what().trim()) + "%");
        }
        if (filter.from() != null) {
            sql.append(" AND occurred_at >= ?");
            params.add(Timestamp.from(filter.from().atStartOfDay(BRUSSELS).toInstant()));
        }
        if (filter.to() != null) {
            sql.append(" AND occurred_at < ?");
            params.add(Timestamp.from(
                    filter.to().plusDays(1).atStartOfDay(BRUSSELS).toInstant()));
        }
        if (filter.organisation() != null) {
            sql.append(" AND organisation_id = ?");
            params.add(filter.organisation());
        }
        sql.append(" ORDER BY occurred_at DESC, id DESC LIMIT ?");
        params.add(limit);
        return jdbc.sql(sql.toString()).params(params).query(AuditEntries::map).list();
    }

    List<String> actions() {
        return jdbc.sql("SELECT DISTINCT action FROM audit.audit_entry ORDER BY action")
                .query(String.class)
                .list();
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static AuditEntry map(ResultSet rs, int row) throws SQLException {
        return new AuditEntry(
                rs.getLong("id"),
                rs.getTimestamp("occurred_at").toInstant(),
                rs.getObject("actor_id", UUID.class),
                rs.getString("actor_name"),
                rs.getObject("organisation_id", UUID.class),
                rs.getString("action"),
                rs.getString("subject_type"),
                rs.getString("subject_id"),
                rs.getString("before"),
                rs.getString("after"));
    }
}
