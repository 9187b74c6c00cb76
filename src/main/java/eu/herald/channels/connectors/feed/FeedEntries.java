package eu.herald.channels.connectors.feed;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The entries of the organisations' feeds. */
@Repository
class FeedEntries {

    private final JdbcClient jdbc;

    FeedEntries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds the entry unless one with its idempotency key exists; answers the stored one either way. */
    FeedEntry add(FeedEntry entry, UUID organisation) {
        jdbc.sql("INSERT INTO channels.feed_entry (id, account_id, organisation_id, idempotency_key, title, text, link,"
                        + " language, theme, audiences, published_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT (account_id, idempotency_key) DO NOTHING")
                .params(
                        entry.id(),
                        entry.accountId(),
                        organisation,
                        entry.idempotencyKey(),
                        entry.title(),
                        entry.text(),
                        entry.link(),
                        entry.language(),
                        entry.theme(),
                        entry.audiences().toArray(String[]::new),
                        Timestamp.from(entry.publishedAt()))
                .update();
        return byKey(entry.accountId(), entry.idempotencyKey()).orElseThrow();
    }

    Optional<FeedEntry> byKey(UUID account, String idempotencyKey) {
        return jdbc.sql("SELECT * FROM channels.feed_entry WHERE account_id = ? AND idempotency_key = ?"
                        + " AND removed_at IS NULL")
                .params(account, idempotencyKey)
                .query(this::map)
                .optional();
    }

    boolean remove(UUID account, UUID id, Instant at) {
        return jdbc.sql("UPDATE channels.feed_entry SET removed_at = ? WHERE account_id = ? AND id = ?"
                                + " AND removed_at IS NULL")
                        .params(Timestamp.from(at), account, id)
                        .update()
                == 1;
    }

    /** Whether the organisation has a feed (a FEED account that is not disabled). */
    boolean hasFeed(UUID organisation) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM channels.account WHERE organisation_id = ? AND type = 'FEED'"
                        + " AND status <> 'DISABLED')")
                .param(organisation)
                .query(Boolean.class)
                .single();
    }

    /** The title an owner chose for the organisation's feed, if any. */
    Optional<String> title(UUID organisation) {
        return jdbc.sql(
                        "SELECT settings ->> 'feedTitle' FROM channels.account WHERE organisation_id = ? AND type ="
                                + " 'FEED' AND status <> 'DISABLED' AND settings ->> 'feedTitle' IS NOT NULL ORDER BY created_at LIMIT 1")
                .param(organisation)
                .query(String.class)
                .optional();
    }

    /** The newest entries of the organisation's feed accounts, optionally of one theme and audience. */
    List<FeedEntry> newest(UUID organisation, @Nullable String theme, @Nullable String audience, int limit) {
        return jdbc.sql("SELECT e.* FROM channels.feed_entry e JOIN channels.account a ON a.id = e.account_id"
                        + " WHERE e.organisation_id = ? AND a.status <> 'DISABLED' AND e.removed_at IS NULL"
                        + " AND (CAST(? AS text) IS NULL OR e.theme = ?)"
                        + " AND (CAST(? AS text) IS NULL OR ? = ANY (e.audiences))"
                        + " ORDER BY e.published_at DESC, e.id LIMIT ?")
                .params(organisation, theme, theme, audience, audience, limit)
                .query(this::map)
                .list();
    }

    private FeedEntry map(ResultSet rs, int row) throws SQLException {
        Array audiences = rs.getArray("audiences");
        return new FeedEntry(
                rs.getObject("id", UUID.class),
                rs.getObject("account_id", UUID.class),
                rs.getString("idempotency_key"),
                rs.getString("title"),
                rs.getString("text"),
                rs.getString("link"),
                rs.getString("language"),
                rs.getString("theme"),
                audiences == null ? List.of() : Arrays.asList((String[]) audiences.getArray()),
                rs.getTimestamp("published_at").toInstant());
    }
}
