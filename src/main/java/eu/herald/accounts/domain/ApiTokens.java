package eu.herald.accounts.domain;

import eu.herald.accounts.UserId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The personal access tokens table; tokens are kept as SHA-256 hashes only. */
@Repository
class ApiTokens {

    private final JdbcClient jdbc;

    ApiTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(ApiToken token, String hash) {
        jdbc.sql("INSERT INTO accounts.api_token (id, user_id, name, token_hash, hint, created_at, expires_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(
                        token.id(),
                        token.user().value(),
                        token.name(),
                        hash,
                        token.hint(),
                        Timestamp.from(token.createdAt()),
                        token.expiresAt() == null ? null : Timestamp.from(token.expiresAt()))
                .update();
    }

    List<ApiToken> of(UserId user) {
        return jdbc.sql("SELECT id, user_id, name, hint, created_at, expires_at, last_used_at, revoked_at"
                        + " FROM accounts.api_token WHERE user_id = ? ORDER BY created_at DESC")
                .param(user.value())
                .query((rs, n) -> new ApiToken(
                        rs.getObject("id", UUID.class),
                        new UserId(rs.getObject("user_id", UUID.class)),
                        rs.getString("name"),
                        rs.getString("hint"),
                        rs.getTimestamp("created_at").toInstant(),
                        instant(rs.getTimestamp("expires_at")),
                        instant(rs.getTimestamp("last_used_at")),
                        instant(rs.getTimestamp("revoked_at"))))
                .list();
    }

    /** The owner of a usable token (not revoked, not expired). */
    Optional<UUID> ownerOf(String hash, Instant now) {
        return jdbc.sql("SELECT user_id FROM accounts.api_token WHERE token_hash = ? AND revoked_at IS NULL"
                        + " AND (expires_at IS NULL OR expires_at > ?)")
                .params(hash, Timestamp.from(now))
                .query(UUID.class)
                .optional();
    }

    /** Records use at most once a minute per token, so a busy client does not write on every call. */
    void used(String hash, Instant now) {
        jdbc.sql("UPDATE accounts.api_token SET last_used_at = ? WHERE token_hash = ?"
                        + " AND (last_used_at IS NULL OR last_used_at < ?)")
                .params(Timestamp.from(now), hash, Timestamp.from(now.minusSeconds(60)))
                .update();
    }

    boolean revoke(UUID id, UserId user, Instant now) {
        return jdbc.sql("UPDATE accounts.api_token SET revoked_at = ? WHERE id = ? AND user_id = ?"
                                + " AND revoked_at IS NULL")
                        .params(Timestamp.from(now), id, user.value())
                        .update()
                == 1;
    }

    private static @Nullable Instant instant(@Nullable Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
