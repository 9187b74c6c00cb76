package eu.herald.notifications.internal;

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

/** The notices table. */
@Repository
class Notices {

    private final JdbcClient jdbc;

    Notices(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID id, UUID recipient, String key, List<String> args, @Nullable String link, EmailState email) {
        jdbc.sql("INSERT INTO notifications.notice (id, recipient_id, message_key, args, link, email)"
                        + " VALUES (?, ?, ?, ?, ?, ?)")
                .params(id, recipient, key, args.toArray(String[]::new), link, email.name())
                .update();
    }

    /** Claims a PENDING email for sending; false if another thread or node already did. */
    boolean claim(UUID id) {
        return jdbc.sql("UPDATE notifications.notice SET email = 'SENDING' WHERE id = ? AND email = 'PENDING'")
                        .param(id)
                        .update()
                == 1;
    }

    void emailed(UUID id, EmailState state) {
        jdbc.sql("UPDATE notifications.notice SET email = ? WHERE id = ?")
                .params(state.name(), id)
                .update();
    }

    /** Emails still waiting since before {@code before} (their node stopped before sending them). */
    List<UUID> pendingSince(Instant before) {
        return jdbc.sql("SELECT id FROM notifications.notice WHERE email = 'PENDING' AND created_at < ?"
                        + " ORDER BY created_at LIMIT 100")
                .param(Timestamp.from(before))
                .query(UUID.class)
                .list();
    }

    Optional<Notice> find(UUID id) {
        return jdbc.sql("SELECT * FROM notifications.notice WHERE id = ?")
                .param(id)
                .query(Notices::map)
                .optional();
    }

    List<Notice> forRecipient(UUID recipient, int limit) {
        return jdbc.sql("SELECT * FROM notifications.notice WHERE recipient_id = ? ORDER BY created_at DESC, id"
                        + " LIMIT ?")
                .params(recipient, limit)
                .query(Notices::map)
                .list();
    }

    int unread(UUID recipient) {
        return jdbc.sql("SELECT count(*) FROM notifications.notice WHERE recipient_id = ? AND read_at IS NULL")
                .param(recipient)
                .query(Integer.class)
                .single();
    }

    /** Marks one of the recipient's notices read; false if it is not theirs. */
    boolean markRead(UUID id, UUID recipient) {
        return jdbc.sql("UPDATE notifications.notice SET read_at = coalesce(read_at, now())"
                                + " WHERE id = ? AND recipient_id = ?")
                        .params(id, recipient)
                        .update()
                == 1;
    }

    int markAllRead(UUID recipient) {
        return jdbc.sql("UPDATE notifications.notice SET read_at = now() WHERE recipient_id = ? AND read_at IS NULL")
                .param(recipient)
                .update();
    }

    private static Notice map(ResultSet rs, int row) throws SQLException {
        Array args = rs.getArray("args");
        Timestamp read = rs.getTimestamp("read_at");
        return new Notice(
                rs.getObject("id", UUID.class),
                rs.getObject("recipient_id", UUID.class),
                rs.getString("message_key"),
                Arrays.asList((String[]) args.getArray()),
                rs.getString("link"),
                EmailState.valueOf(rs.getString("email")),
                rs.getTimestamp("created_at").toInstant(),
                read == null ? null : read.toInstant());
    }
}
