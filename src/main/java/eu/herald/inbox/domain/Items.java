package eu.herald.inbox.domain;

import eu.herald.common.Channel;
import eu.herald.common.Language;
import eu.herald.inbox.Category;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The inbox items. */
@Repository
class Items {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    Items(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** A reaction ready to be stored: triaged and routed. */
    record Prepared(UUID id, Incoming in, Routing routing) {}

    /** Inserts the batch; a duplicate (same source and platform id) is skipped. Returns 1 or 0 per row. */
    int[] insert(List<Prepared> batch) {
        return template.batchUpdate("""
                INSERT INTO inbox.item (id, organisation_id, source, account_id, channel, platform_id, kind,
                    in_reply_to, author_handle, author_email, text, url, language, received_at, category, confidence,
                    model_version, needs_human, rule_id, assignee_user_id, assignee_team, proposed_reply, sla_due,
                    escalated, hide_requested, forward_requested, actions_pending)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (source, platform_id) DO NOTHING""", batch, batch.size(), (ps, p) -> {
            Incoming in = p.in();
            Routing r = p.routing();
            ps.setObject(1, p.id());
            ps.setObject(2, in.organisation().value());
            ps.setString(3, in.source());
            ps.setObject(4, in.account() == null ? null : in.account().value());
            ps.setString(5, in.channel().name());
            ps.setString(6, in.platformId());
            ps.setString(7, in.kind().name());
            ps.setString(8, in.inReplyTo());
            ps.setString(9, in.authorHandle());
            ps.setString(10, in.authorEmail());
            ps.setString(11, in.text());
            ps.setString(12, in.url());
            ps.setString(13, r.verdict().language().code());
            ps.setTimestamp(14, Timestamp.from(in.receivedAt()));
            ps.setString(15, r.verdict().category().name());
            ps.setDouble(16, Math.max(0, Math.min(1, r.verdict().confidence())));
            ps.setInt(17, r.verdict().modelVersion());
            ps.setBoolean(18, r.verdict().needsHuman());
            ps.setObject(19, r.rule() == null ? null : r.rule().id());
            ps.setObject(20, r.assignUser());
            ps.setString(21, r.assignTeam());
            ps.setString(22, r.proposedReply());
            ps.setTimestamp(23, r.slaDue() == null ? null : Timestamp.from(r.slaDue()));
            ps.setBoolean(24, r.escalate());
            ps.setBoolean(25, r.hide());
            ps.setBoolean(26, r.forwardTip());
            ps.setBoolean(27, r.actionsPending());
        })[0];
    }

    Optional<Item> find(UUID id) {
        return jdbc.sql("SELECT * FROM inbox.item WHERE id = ?")
                .param(id)
                .query((rs, n) -> item(rs))
                .optional();
    }

    Optional<Item> bySource(String source, String platformId) {
        return jdbc.sql("SELECT * FROM inbox.item WHERE source = ? AND platform_id = ?")
                .params(source, platformId)
                .query((rs, n) -> item(rs))
                .optional();
    }

    /** Locks the next item with actions to do, emergencies first; empty if none is due or all are taken. */
    Optional<Item> claimPending(Instant now) {
        return jdbc.sql("""
                        SELECT * FROM inbox.item WHERE actions_pending
                            AND (actions_next_at IS NULL OR actions_next_at <= ?)
                        ORDER BY (category = 'EMERGENCY') DESC, received_at
                        LIMIT 1 FOR UPDATE SKIP LOCKED""")
                .param(Timestamp.from(now))
                .query((rs, n) -> item(rs))
                .optional();
    }

    void markAutoReplied(UUID id, Instant at) {
        jdbc.sql("UPDATE inbox.item SET auto_replied_at = ? WHERE id = ?")
                .params(Timestamp.from(at), id)
                .update();
    }

    void markAlerted(UUID id, Instant at) {
        jdbc.sql("UPDATE inbox.item SET alerted_at = ? WHERE id = ?")
                .params(Timestamp.from(at), id)
                .update();
    }

    void markForwarded(UUID id, Instant at) {
        jdbc.sql("UPDATE inbox.item SET forwarded_at = ? WHERE id = ?")
                .params(Timestamp.from(at), id)
                .update();
    }

    void markHidden(UUID id, boolean hidden) {
        jdbc.sql("UPDATE inbox.item SET hidden_on_platform = ?,"
                        + " status = CASE WHEN ? THEN 'HIDDEN' ELSE status END WHERE id = ?")
                .params(hidden, hidden, id)
                .update();
    }

    void actionsDone(UUID id, Instant at) {
        jdbc.sql("UPDATE inbox.item SET actions_pending = false, actions_done_at = ?, actions_next_at = NULL"
                        + " WHERE id = ?")
                .params(Timestamp.from(at), id)
                .update();
    }

    /** Tries again later; after {@code maxAttempts} it gives up (what was done stays recorded). */
    void actionsRetry(UUID id, Instant next, int maxAttempts) {
        jdbc.sql("UPDATE inbox.item SET actions_attempts = actions_attempts + 1, actions_next_at = ?,"
                        + " actions_pending = actions_attempts + 1 < ? WHERE id = ?")
                .params(Timestamp.from(next), maxAttempts, id)
                .update();
    }

    void status(UUID id, ItemStatus status) {
        jdbc.sql("UPDATE inbox.item SET status = ? WHERE id = ?")
                .params(status.name(), id)
                .update();
    }

    void category(UUID id, Category category) {
        jdbc.sql("UPDATE inbox.item SET category = ?, needs_human = false WHERE id = ?")
                .params(category.name(), id)
                .update();
    }

    void assign(UUID id, @Nullable UUID user, @Nullable String team) {
        jdbc.sql("UPDATE inbox.item SET assignee_user_id = ?, assignee_team = ? WHERE id = ?")
                .params(user, team, id)
                .update();
    }

    void keep(UUID id, boolean keep, @Nullable String reason) {
        jdbc.sql("UPDATE inbox.item SET kept_on_purpose = ?, keep_reason = ? WHERE id = ?")
                .params(keep, keep ? reason : null, id)
                .update();
    }

    /** Open items whose SLA passed and whose breach nobody was told about yet; marks them as told. */
    List<Item> claimBreaches(Instant now, int limit) {
        return jdbc.sql("""
                        UPDATE inbox.item SET sla_breach_alerted = true WHERE id IN (
                            SELECT id FROM inbox.item WHERE status = 'OPEN' AND NOT sla_breach_alerted
                                AND sla_due IS NOT NULL AND sla_due < ?
                            ORDER BY sla_due LIMIT ? FOR UPDATE SKIP LOCKED)
                        RETURNING *""")
                .params(Timestamp.from(now), limit)
                .query((rs, n) -> item(rs))
                .list();
    }

    /** Anonymises up to {@code limit} items received before {@code before} and not kept; returns their ids. */
    List<UUID> anonymise(Instant before, Instant now, int limit) {
        List<UUID> ids = jdbc.sql("""
                        UPDATE inbox.item SET author_handle = 'anonymous', author_email = NULL,
                            text = regexp_replace(regexp_replace(text, 'https?://\\S+', '[link]', 'g'),
                                '\\S+@\\S+', '[address]', 'g'),
                            url = NULL, proposed_reply = NULL, anonymised_at = ?
                        WHERE id IN (SELECT id FROM inbox.item WHERE anonymised_at IS NULL AND NOT kept_on_purpose
                            AND received_at < ? LIMIT ? FOR UPDATE SKIP LOCKED)
                        RETURNING id""")
                .params(Timestamp.from(now), Timestamp.from(before), limit)
                .query(UUID.class)
                .list();
        if (!ids.isEmpty()) {
            // the anonymised text keeps its words for retraining but loses links and addresses: copy it over
            jdbc.sql("UPDATE inbox.correction c SET text = i.text FROM inbox.item i WHERE c.item_id = i.id"
                            + " AND i.id = ANY(?)")
                    .param(ids.toArray(UUID[]::new))
                    .update();
            jdbc.sql("UPDATE inbox.reply r SET text = '[anonymised]' FROM inbox.item i WHERE r.item_id = i.id"
                            + " AND i.id = ANY(?)")
                    .param(ids.toArray(UUID[]::new))
                    .update();
            jdbc.sql("UPDATE inbox.note SET text = '[anonymised]' WHERE item_id = ANY(?)")
                    .param(ids.toArray(UUID[]::new))
                    .update();
        }
        return ids;
    }

    /** What the inbox page filters on; null means any. */
    record Filter(
            Collection<UUID> organisations,
            @Nullable Category category,
            @Nullable ItemStatus status,
            @Nullable String sla,
            @Nullable Channel channel,
            @Nullable String assignee,
            @Nullable UUID me,
            boolean needsHuman) {}

    List<Item> list(Filter filter, Instant now, int limit) {
        if (filter.organisations().isEmpty()) {
            return List.of();
        }
        StringBuilder sql = new StringBuilder("SELECT * FROM inbox.item WHERE organisation_id = ANY(?)");
        List<Object> params = new ArrayList<>();
        params.add(filter.organisations().toArray(UUID[]::new));
        if (filter.category() != null) {
            sql.append(" AND category = ?");
            params.add(filter.category().name());
        }
        if (filter.status() != null) {
            sql.append(" AND status = ?");
            params.add(filter.status().name());
        }
        if (filter.channel() != null) {
            sql.append(" AND channel = ?");
            params.add(filter.channel().name());
        }
        if (filter.needsHuman()) {
            sql.append(" AND needs_human AND status = 'OPEN'");
        }
        if ("breached".equals(filter.sla())) {
            sql.append(" AND status = 'OPEN' AND sla_due < ?");
            params.add(Timestamp.from(now));
        } else if ("onTime".equals(filter.sla())) {
            sql.append(" AND status = 'OPEN' AND sla_due >= ?");
            params.add(Timestamp.from(now));
        } else if ("none".equals(filter.sla())) {
            sql.append(" AND sla_due IS NULL");
        }
        if ("me".equals(filter.assignee()) && filter.me() != null) {
            sql.append(" AND assignee_user_id = ?");
            params.add(filter.me());
        } else if ("unassigned".equals(filter.assignee())) {
            sql.append(" AND assignee_user_id IS NULL AND assignee_team IS NULL");
        } else if (filter.assignee() != null && !filter.assignee().isBlank()) {
            sql.append(" AND assignee_team = ?");
            params.add(filter.assignee());
        }
        sql.append(" ORDER BY (category = 'EMERGENCY' AND status = 'OPEN') DESC, received_at DESC LIMIT ?");
        params.add(limit);
        return jdbc.sql(sql.toString())
                .params(params)
                .query((rs, n) -> item(rs))
                .list();
    }

    List<String> teams(Collection<UUID> organisations) {
        return jdbc.sql("SELECT DISTINCT assign_team FROM inbox.rule WHERE organisation_id = ANY(?)"
                        + " AND assign_team IS NOT NULL ORDER BY 1")
                .param(organisations.toArray(UUID[]::new))
                .query(String.class)
                .list();
    }

    long count(UUID organisation) {
        return jdbc.sql("SELECT count(*) FROM inbox.item WHERE organisation_id = ?")
                .param(organisation)
                .query(Long.class)
                .single();
    }

    static Item item(ResultSet rs) throws SQLException {
        Timestamp sla = rs.getTimestamp("sla_due");
        boolean hiddenNull;
        boolean hidden = rs.getBoolean("hidden_on_platform");
        hiddenNull = rs.wasNull();
        return new Item(
                rs.getObject("id", UUID.class),
                rs.getObject("organisation_id", UUID.class),
                rs.getString("source"),
                rs.getObject("account_id", UUID.class),
                Channel.valueOf(rs.getString("channel")),
                rs.getString("platform_id"),
                ItemKind.valueOf(rs.getString("kind")),
                rs.getString("in_reply_to"),
                rs.getString("author_handle"),
                rs.getString("author_email"),
                rs.getString("text"),
                rs.getString("url"),
                Language.fromCode(rs.getString("language")).orElse(Language.EN),
                rs.getTimestamp("received_at").toInstant(),
                Category.valueOf(rs.getString("category")),
                rs.getDouble("confidence"),
                rs.getInt("model_version"),
                rs.getBoolean("needs_human"),
                ItemStatus.valueOf(rs.getString("status")),
                rs.getObject("rule_id", UUID.class),
                rs.getObject("assignee_user_id", UUID.class),
                rs.getString("assignee_team"),
                rs.getString("proposed_reply"),
                sla == null ? null : sla.toInstant(),
                rs.getBoolean("escalated"),
                rs.getBoolean("hide_requested"),
                rs.getBoolean("forward_requested"),
                rs.getBoolean("actions_pending"),
                instant(rs, "auto_replied_at"),
                instant(rs, "alerted_at"),
                instant(rs, "forwarded_at"),
                hiddenNull ? null : hidden,
                rs.getBoolean("kept_on_purpose"),
                rs.getString("keep_reason"),
                instant(rs, "anonymised_at"));
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
