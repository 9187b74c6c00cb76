package eu.herald.partners.domain;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Each user's secret calendar feed, kept as the hash of its token. */
@Repository
class CalendarFeeds {

    private final JdbcClient jdbc;

    CalendarFeeds(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Makes this the user's feed; the previous token stops working. */
    void replace(UUID user, String tokenHash) {
        jdbc.sql("INSERT INTO partners.calendar_feed (user_id, token_hash) VALUES (?, ?) ON CONFLICT (user_id)"
                        + " DO UPDATE SET token_hash = EXCLUDED.token_hash, created_at = now()")
                .params(user, tokenHash)
                .update();
    }

    boolean revoke(UUID user) {
        return jdbc.sql("DELETE FROM partners.calendar_feed WHERE user_id = ?")
                        .param(user)
                        .update()
                == 1;
    }

    Optional<UUID> owner(String tokenHash) {
        return jdbc.sql("SELECT user_id FROM partners.calendar_feed WHERE token_hash = ?")
                .param(tokenHash)
                .query(UUID.class)
                .optional();
    }

    Optional<Instant> createdAt(UUID user) {
        return jdbc.sql("SELECT created_at FROM partners.calendar_feed WHERE user_id = ?")
                .param(user)
                .query((rs, n) -> rs.getTimestamp("created_at").toInstant())
                .optional();
    }
}
