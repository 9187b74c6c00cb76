package eu.herald.channels.connectors.press;

import eu.herald.channels.ChannelAccountId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What was sent to whom for each post of a press list: a retry sends only to contacts not yet reached. */
@Repository
class PressSends {

    enum Status {
        SENT,
        FAILED
    }

    private final JdbcClient jdbc;

    PressSends(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The outcome so far per contact email. */
    Map<String, Status> of(ChannelAccountId account, String idempotencyKey) {
        return jdbc
                .sql("SELECT contact_email, status FROM channels.press_send WHERE account_id = ? AND idempotency_key"
                        + " = ?")
                .params(account.value(), idempotencyKey)
                .query((rs, n) -> Map.entry(rs.getString(1), Status.valueOf(rs.getString(2))))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    void record(ChannelAccountId account, String idempotencyKey, String email, Status status, Instant at) {
        jdbc.sql(
                        "INSERT INTO channels.press_send (account_id, idempotency_key, contact_email, status, attempts, last_at)"
                                + " VALUES (?, ?, ?, ?, 1, ?) ON CONFLICT (account_id, idempotency_key, contact_email) DO UPDATE"
                                + " SET status = excluded.status, attempts = channels.press_send.attempts + 1,"
                                + " last_at = excluded.last_at")
                .params(account.value(), idempotencyKey, email, status.name(), Timestamp.from(at))
                .update();
    }
}
