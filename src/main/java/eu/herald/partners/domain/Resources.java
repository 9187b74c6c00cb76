package eu.herald.partners.domain;

import eu.herald.accounts.OrganisationId;
import eu.herald.common.Language;
import eu.herald.partners.GroupId;
import eu.herald.partners.ResourceId;
import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Toolbox resources, their versions (with the files' bytes) and their sharing. */
@Repository
class Resources {

    private static final String SELECT = "SELECT r.*, v.file_name, v.media_type, coalesce(v.size_bytes, 0) AS size,"
            + " ARRAY(SELECT group_id::text FROM partners.resource_share s WHERE s.resource_id = r.id) AS shared_with"
            + " FROM partners.resource r"
            + " JOIN partners.resource_version v ON v.resource_id = r.id AND v.number = r.current_version";

    /**
     * What a reader may see: resources of organisations they administer; resources shared with one of their groups,
     * or with every group of an organisation above one of their groups — when their need-to-know level covers it.
     */
    private static final String VISIBLE = " (r.organisation_id = ANY(:administered)"
            + " OR EXISTS (SELECT 1 FROM partners.group_member m JOIN partners.partner_group g ON g.id = m.group_id"
            + "   WHERE m.user_id = :user"
            + "   AND array_position(ARRAY['BASIC','RESTRICTED','CONFIDENTIAL'], m.need_to_know)"
            + "       >= array_position(ARRAY['BASIC','RESTRICTED','CONFIDENTIAL'], r.need_to_know)"
            + "   AND (EXISTS (SELECT 1 FROM partners.resource_share s WHERE s.resource_id = r.id"
            + "                AND s.group_id = m.group_id)"
            + "        OR (r.all_groups AND r.organisation_id = ANY(:aboveGroups)))))";

    private final JdbcClient jdbc;

    Resources(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Resource> find(ResourceId id) {
        return jdbc.sql(SELECT + " WHERE r.id = ?")
                .param(id.value())
                .query(Resources::resource)
                .optional();
    }

    boolean visible(ResourceId id, Reader reader) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM partners.resource r WHERE r.id = :id AND" + VISIBLE + ")")
                .param("id", id.value())
                .param("administered", reader.administered())
                .param("user", reader.user())
                .param("aboveGroups", reader.aboveGroups())
                .query(Boolean.class)
                .single();
    }

    /**
     * The visible resources matching the query, best first; the query is read with the text-search configuration of
     * each resource's own language (so "fenêtres" finds a French text about a "fenêtre").
     */
    List<Resource> search(Reader reader, @Nullable String query, @Nullable Language language, int limit) {
        boolean text = query != null && !query.isBlank();
        String sql = SELECT + " WHERE" + VISIBLE
                + (language != null ? " AND r.language = :language" : "")
                + (text ? " AND r.search @@ websearch_to_tsquery(partners.ts_config(r.language), :q)" : "")
                + (text
                        ? " ORDER BY ts_rank(r.search, websearch_to_tsquery(partners.ts_config(r.language), :q)) DESC,"
                                + " lower(r.title)"
                        : " ORDER BY r.category, lower(r.title)")
                + " LIMIT :limit";
        var spec = jdbc.sql(sql)
                .param("administered", reader.administered())
                .param("user", reader.user())
                .param("aboveGroups", reader.aboveGroups())
                .param("limit", limit);
        if (language != null) {
            spec = spec.param("language", language.code());
        }
        if (text) {
            spec = spec.param("q", query);
        }
        return spec.query(Resources::resource).list();
    }

    /** The resources the reader sees that were added or got a new version in [from, to), newest first. */
    List<Resource> changedBetween(Reader reader, java.time.Instant from, java.time.Instant to, int limit) {
        return jdbc.sql(SELECT + " WHERE" + VISIBLE + " AND r.updated_at >= :from AND r.updated_at < :to"
                        + " ORDER BY r.updated_at DESC LIMIT :limit")
                .param("administered", reader.administered())
                .param("user", reader.user())
                .param("aboveGroups", reader.aboveGroups())
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .param("limit", limit)
                .query(Resources::resource)
                .list();
    }

    Optional<ResourceId> bySeedKey(String seedKey) {
        return jdbc.sql("SELECT id FROM partners.resource WHERE seed_key = ?")
                .param(seedKey)
                .query((rs, n) -> new ResourceId(rs.getObject("id", UUID.class)))
                .optional();
    }

    /** Inserts the resource unless one with the same seed key exists; whether it was inserted. */
    boolean insert(
            ResourceId id,
            OrganisationId organisation,
            @Nullable UUID owner,
            ResourceDraft draft,
            boolean allGroups,
            @Nullable String seedKey) {
        return jdbc.sql(
                                "INSERT INTO partners.resource (id, organisation_id, owner_id, title, description, body, category,"
                                        + " tags, language, kind, url, review_date, all_groups, need_to_know, seed_key, current_version)"
                                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1) ON CONFLICT (seed_key) DO NOTHING")
                        .params(
                                id.value(),
                                organisation.value(),
                                owner,
                                draft.title(),
                                draft.description(),
                                draft.body(),
                                draft.category(),
                                draft.tags().toArray(String[]::new),
                                draft.language().code(),
                                draft.kind().name(),
                                draft.url(),
                                draft.reviewDate() == null ? null : Date.valueOf(draft.reviewDate()),
                                allGroups,
                                draft.needToKnow().name(),
                                seedKey)
                        .update()
                == 1;
    }

    /** Makes the draft the resource's current state as version {@code expectedVersion + 1}, or fails if stale. */
    void update(ResourceId id, int expectedVersion, ResourceDraft draft) {
        int rows = jdbc.sql("UPDATE partners.resource SET title = ?, description = ?, body = ?, category = ?, tags = ?,"
                        + " language = ?, kind = ?, url = ?, review_date = ?, need_to_know = ?,"
                        + " current_version = current_version + 1, updated_at = now()"
                        + " WHERE id = ? AND current_version = ?")
                .params(
                        draft.title(),
                        draft.description(),
                        draft.body(),
                        draft.category(),
                        draft.tags().toArray(String[]::new),
                        draft.language().code(),
                        draft.kind().name(),
                        draft.url(),
                        draft.reviewDate() == null ? null : Date.valueOf(draft.reviewDate()),
                        draft.needToKnow().name(),
                        id.value(),
                        expectedVersion)
                .update();
        if (rows != 1) {
            throw new OptimisticLockingFailureException("resource " + id);
        }
    }

    void insertVersion(
            ResourceId id,
            int number,
            ResourceDraft draft,
            @Nullable InspectedFile file,
            String note,
            @Nullable UUID changedBy) {
        jdbc.sql("INSERT INTO partners.resource_version (resource_id, number, title, description, body, url,"
                        + " file_name, media_type, content, size_bytes, note, changed_by)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        id.value(),
                        number,
                        draft.title(),
                        draft.description(),
                        draft.body(),
                        draft.url(),
                        file == null ? null : file.fileName(),
                        file == null ? null : file.mediaType(),
                        file == null ? null : file.content(),
                        file == null ? null : (long) file.content().length,
                        note,
                        changedBy)
                .update();
    }

    /** The file of a version, if it has one. */
    Optional<StoredFile> file(ResourceId id, int number) {
        return jdbc.sql("SELECT file_name, media_type, content FROM partners.resource_version"
                        + " WHERE resource_id = ? AND number = ? AND content IS NOT NULL")
                .params(id.value(), number)
                .query((rs, n) ->
                        new StoredFile(rs.getString("file_name"), rs.getString("media_type"), rs.getBytes("content")))
                .optional();
    }

    /** The newest file among a resource's versions up to {@code number} (a new version may keep the file). */
    Optional<InspectedFile> latestFile(ResourceId id, int number) {
        return jdbc.sql("SELECT file_name, media_type, content FROM partners.resource_version"
                        + " WHERE resource_id = ? AND number <= ? AND content IS NOT NULL ORDER BY number DESC LIMIT 1")
                .params(id.value(), number)
                .query((rs, n) -> new InspectedFile(
                        rs.getString("file_name"), rs.getString("media_type"), rs.getBytes("content")))
                .optional();
    }

    List<ResourceVersion> versions(ResourceId id) {
        return jdbc.sql("SELECT number, title, file_name, media_type, coalesce(size_bytes, 0) AS size, note,"
                        + " changed_at FROM partners.resource_version WHERE resource_id = ? ORDER BY number DESC")
                .param(id.value())
                .query((rs, n) -> new ResourceVersion(
                        rs.getInt("number"),
                        rs.getString("title"),
                        rs.getString("file_name"),
                        rs.getString("media_type"),
                        rs.getLong("size"),
                        rs.getString("note"),
                        rs.getTimestamp("changed_at").toInstant()))
                .list();
    }

    void share(ResourceId id, boolean allGroups, Collection<GroupId> groups) {
        jdbc.sql("UPDATE partners.resource SET all_groups = ? WHERE id = ?")
                .params(allGroups, id.value())
                .update();
        jdbc.sql("DELETE FROM partners.resource_share WHERE resource_id = ?")
                .param(id.value())
                .update();
        for (GroupId group : groups) {
            jdbc.sql("INSERT INTO partners.resource_share (resource_id, group_id) VALUES (?, ?)")
                    .params(id.value(), group.value())
                    .update();
        }
    }

    private static Resource resource(ResultSet rs, int row) throws SQLException {
        Date review = rs.getDate("review_date");
        Object owner = rs.getObject("owner_id");
        Timestamp updated = rs.getTimestamp("updated_at");
        return new Resource(
                new ResourceId(rs.getObject("id", UUID.class)),
                new OrganisationId(rs.getObject("organisation_id", UUID.class)),
                owner == null ? null : owner.toString(),
                rs.getString("title"),
                rs.getString("description"),
                rs.getString("body"),
                rs.getString("category"),
                strings(rs.getArray("tags")),
                Language.valueOf(rs.getString("language").toUpperCase(java.util.Locale.ROOT)),
                ResourceKind.valueOf(rs.getString("kind")),
                rs.getString("url"),
                review == null ? null : review.toLocalDate(),
                rs.getBoolean("all_groups"),
                strings(rs.getArray("shared_with")).stream().map(GroupId::of).toList(),
                NeedToKnow.valueOf(rs.getString("need_to_know")),
                rs.getInt("current_version"),
                rs.getString("file_name"),
                rs.getString("media_type"),
                rs.getLong("size"),
                updated.toInstant());
    }

    private static List<String> strings(Array array) throws SQLException {
        return Arrays.asList((String[]) array.getArray());
    }

    /** Who is reading: their user id, the organisations they administer, the organisations above their groups. */
    record Reader(UUID user, UUID[] administered, UUID[] aboveGroups) {}
}
