package eu.herald.audiences.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Uploaded lists: held while the report is read, then applied or discarded. */
@Repository
class AreaImports {

    /** An uploaded list. */
    record Upload(
            UUID id,
            String fileName,
            @Nullable String content,
            String status,
            Instant uploadedAt,
            @Nullable Instant decidedAt,
            String summary) {}

    private static final String COLUMNS =
            "id, file_name, content, status, uploaded_at, decided_at, summary::text AS summary";

    private final JdbcClient jdbc;

    AreaImports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void holdPending(UUID id, String fileName, String content, @Nullable UUID uploadedBy) {
        jdbc.sql("INSERT INTO audiences.area_import (id, file_name, content, status, uploaded_by)"
                        + " VALUES (?, ?, ?, 'PENDING', ?)")
                .params(id, fileName, content, uploadedBy)
                .update();
    }

    /** A list applied in one step (through the API): kept with what it changed. */
    void recordApplied(UUID id, String fileName, String content, @Nullable UUID by, String summary) {
        jdbc.sql("INSERT INTO audiences.area_import (id, file_name, content, status, uploaded_by, decided_by,"
                        + " decided_at, summary) VALUES (?, ?, ?, 'APPLIED', ?, ?, now(), ?::jsonb)")
                .params(id, fileName, content, by, by, summary)
                .update();
    }

    Optional<Upload> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM audiences.area_import WHERE id = ?")
                .param(id)
                .query(AreaImports::map)
                .optional();
    }

    /** The upload, locked until the transaction ends, so that it is applied once. */
    Optional<Upload> lock(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM audiences.area_import WHERE id = ? FOR UPDATE")
                .param(id)
                .query(AreaImports::map)
                .optional();
    }

    void markApplied(UUID id, @Nullable UUID by, String summary) {
        jdbc.sql("UPDATE audiences.area_import SET status = 'APPLIED', decided_by = ?, decided_at = now(),"
                        + " summary = ?::jsonb WHERE id = ? AND status = 'PENDING'")
                .params(by, summary, id)
                .update();
    }

    /** A discarded list is not kept: only that it was uploaded and discarded. */
    void markDiscarded(UUID id, @Nullable UUID by) {
        jdbc.sql("UPDATE audiences.area_import SET status = 'DISCARDED', content = NULL, decided_by = ?,"
                        + " decided_at = now() WHERE id = ? AND status = 'PENDING'")
                .params(by, id)
                .update();
    }

    List<Upload> recent(int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM audiences.area_import ORDER BY uploaded_at DESC LIMIT ?")
                .param(limit)
                .query(AreaImports::map)
                .list();
    }

    private static Upload map(ResultSet rs, int row) throws SQLException {
        Timestamp decided = rs.getTimestamp("decided_at");
        return new Upload(
                rs.getObject("id", UUID.class),
                rs.getString("file_name"),
                rs.getString("content"),
                rs.getString("status"),
                rs.getTimestamp("uploaded_at").toInstant(),
                decided == null ? null : decided.toInstant(),
                rs.getString("summary"));
    }
}
