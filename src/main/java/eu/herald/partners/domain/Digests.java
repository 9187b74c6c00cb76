package eu.herald.partners.domain;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Who wants which digest, and which periods were claimed (each at most once per user). */
@Repository
class Digests {

    private final JdbcClient jdbc;

    Digests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    DigestFrequency frequency(UUID user) {
        return jdbc.sql("SELECT frequency FROM partners.digest_setting WHERE user_id = ?")
                .param(user)
                .query(String.class)
                .optional()
                .map(DigestFrequency::valueOf)
                .orElse(DigestFrequency.NONE);
    }

    void choose(UUID user, DigestFrequency frequency) {
        jdbc.sql("INSERT INTO partners.digest_setting (user_id, frequency) VALUES (?, ?) ON CONFLICT (user_id)"
                        + " DO UPDATE SET frequency = EXCLUDED.frequency, updated_at = now()")
                .params(user, frequency.name())
                .update();
    }

    List<UUID> subscribers(DigestFrequency frequency) {
        return jdbc.sql("SELECT user_id FROM partners.digest_setting WHERE frequency = ? ORDER BY user_id")
                .param(frequency.name())
                .query(UUID.class)
                .list();
    }

    /**
     * Claims the user's digest for a period, committed before anything is sent: whoever inserts the row sends, any
     * other node or later run finds it and does nothing.
     */
    boolean claim(UUID user, String period) {
        return jdbc.sql("INSERT INTO partners.digest_sent (user_id, period, status) VALUES (?, ?, 'CLAIMED')"
                                + " ON CONFLICT DO NOTHING")
                        .params(user, period)
                        .update()
                == 1;
    }

    void finish(UUID user, String period, String status, int items) {
        jdbc.sql("UPDATE partners.digest_sent SET status = ?, items = ? WHERE user_id = ? AND period = ?")
                .params(status, items, user, period)
                .update();
    }
}
