package eu.herald.inbox.domain;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What was said around an item: the original post, replies sent, moderators' notes, who is looking at it. */
@Repository
class Conversations {

    private final JdbcClient jdbc;

    Conversations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A reply sent (or tried) to an item. */
    public record Reply(String text, boolean automatic, String outcome, String byName, Instant sentAt) {}

    /** A moderator's note. */
    public record Note(String authorName, String text, Instant at) {}

    /** Herald's post an item answers. */
    public record OriginalPost(String text, @Nullable String url, Instant publishedAt) {}

    void reply(UUID item, String text, boolean automatic, String outcome, @Nullable String externalId, String by) {
        jdbc.sql("INSERT INTO inbox.reply (id, item_id, text, automatic, outcome, external_id, by_name, sent_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, now())")
                .params(UUID.randomUUID(), item, text, automatic, outcome, externalId, by)
                .update();
    }

    List<Reply> replies(UUID item) {
        return jdbc.sql("SELECT * FROM inbox.reply WHERE item_id = ? ORDER BY sent_at")
                .param(item)
                .query((rs, n) -> new Reply(
                        rs.getString("text"),
                        rs.getBoolean("automatic"),
                        rs.getString("outcome"),
                        rs.getString("by_name"),
                        rs.getTimestamp("sent_at").toInstant()))
                .list();
    }

    void note(UUID item, @Nullable UUID author, String authorName, String text) {
        jdbc.sql("INSERT INTO inbox.note (id, item_id, author_id, author_name, text, at) VALUES (?, ?, ?, ?, ?, now())")
                .params(UUID.randomUUID(), item, author, authorName, text)
                .update();
    }

    List<Note> notes(UUID item) {
        return jdbc.sql("SELECT * FROM inbox.note WHERE item_id = ? ORDER BY at")
                .param(item)
                .query((rs, n) -> new Note(
                        rs.getString("author_name"),
                        rs.getString("text"),
                        rs.getTimestamp("at").toInstant()))
                .list();
    }

    void post(
            UUID account,
            String externalId,
            UUID delivery,
            UUID organisation,
            UUID campaign,
            UUID message,
            String language,
            String text,
            @Nullable String url,
            Instant publishedAt) {
        jdbc.sql("""
                        INSERT INTO inbox.post_thread (account_id, external_id, delivery_id, organisation_id,
                            campaign_id, message_id, language, text, url, published_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(
                        account,
                        externalId,
                        delivery,
                        organisation,
                        campaign,
                        message,
                        language,
                        text,
                        url,
                        Timestamp.from(publishedAt))
                .update();
    }

    Optional<OriginalPost> post(@Nullable UUID account, @Nullable String externalId) {
        if (account == null || externalId == null) {
            return Optional.empty();
        }
        return jdbc.sql(
                        "SELECT text, url, published_at FROM inbox.post_thread WHERE account_id = ? AND external_id = ?")
                .params(account, externalId)
                .query((rs, n) -> new OriginalPost(
                        rs.getString("text"),
                        rs.getString("url"),
                        rs.getTimestamp("published_at").toInstant()))
                .optional();
    }

    void correction(Item item, String to, @Nullable UUID by) {
        jdbc.sql("""
                        INSERT INTO inbox.correction (id, item_id, text, channel, language, from_category,
                            to_category, model_version, corrected_by, corrected_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, now())""")
                .params(
                        UUID.randomUUID(),
                        item.id(),
                        item.text(),
                        item.channel().name(),
                        item.language().code(),
                        item.category().name(),
                        to,
                        item.modelVersion(),
                        by)
                .update();
    }

    /** Records that a moderator is looking at an item now; returns the others seen within {@code since}. */
    List<String> present(UUID item, UUID user, String name, Instant since) {
        jdbc.sql(
                        "INSERT INTO inbox.presence (item_id, user_id, user_name, seen_at) VALUES (?, ?, ?, now())"
                                + " ON CONFLICT (item_id, user_id) DO UPDATE SET seen_at = now(), user_name = excluded.user_name")
                .params(item, user, name)
                .update();
        return jdbc.sql("SELECT user_name FROM inbox.presence WHERE item_id = ? AND user_id <> ? AND seen_at >= ?"
                        + " ORDER BY user_name")
                .params(item, user, Timestamp.from(since))
                .query(String.class)
                .list();
    }

    void forgetPresence(Instant before) {
        jdbc.sql("DELETE FROM inbox.presence WHERE seen_at < ?")
                .param(Timestamp.from(before))
                .update();
    }

    boolean onDuty(UUID organisation, UUID user) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM inbox.on_duty WHERE organisation_id = ? AND user_id = ?)")
                .params(organisation, user)
                .query(Boolean.class)
                .single();
    }

    void onDuty(UUID organisation, UUID user, boolean on) {
        if (on) {
            jdbc.sql("INSERT INTO inbox.on_duty (organisation_id, user_id, since) VALUES (?, ?, now())"
                            + " ON CONFLICT DO NOTHING")
                    .params(organisation, user)
                    .update();
        } else {
            jdbc.sql("DELETE FROM inbox.on_duty WHERE organisation_id = ? AND user_id = ?")
                    .params(organisation, user)
                    .update();
        }
    }

    List<UUID> onDuty(UUID organisation) {
        return jdbc.sql("SELECT user_id FROM inbox.on_duty WHERE organisation_id = ?")
                .param(organisation)
                .query(UUID.class)
                .list();
    }
}
