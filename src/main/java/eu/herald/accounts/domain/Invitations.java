package eu.herald.accounts.domain;

import eu.herald.accounts.UserId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The invitations table: one row per link sent, used once. */
@Repository
class Invitations {

    record Row(UUID id, UserId user, String nonceHash, Instant expiresAt, boolean used) {}

    private final JdbcClient jdbc;

    Invitations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID id, UserId user, String nonceHash, Instant expiresAt) {
        jdbc.sql("INSERT INTO accounts.invitation (id, user_id, nonce_hash, expires_at) VALUES (?, ?, ?, ?)")
                .params(id, user.value(), nonceHash, Timestamp.from(expiresAt))
                .update();
    }

    Optional<Row> find(UUID id) {
        return jdbc.sql("SELECT id, user_id, nonce_hash, expires_at, used_at FROM accounts.invitation WHERE id = ?")
                .param(id)
                .query((rs, n) -> new Row(
                        rs.getObject("id", UUID.class),
                        new UserId(rs.getObject("user_id", UUID.class)),
                        rs.getString("nonce_hash"),
                        rs.getTimestamp("expires_at").toInstant(),
                        rs.getTimestamp("used_at") != null))
                .optional();
    }

    /** Marks the invitation used; false when it already was (two tabs, one link). */
    boolean use(UUID id, Instant at) {
        return jdbc.sql("UPDATE accounts.invitation SET used_at = ? WHERE id = ? AND used_at IS NULL")
                        .params(Timestamp.from(at), id)
                        .update()
                == 1;
    }

    /** Older links of the user stop working when a new one is sent. */
    void retireAll(UserId user, Instant at) {
        jdbc.sql("UPDATE accounts.invitation SET used_at = ? WHERE user_id = ? AND used_at IS NULL")
                .params(Timestamp.from(at), user.value())
                .update();
    }
}
