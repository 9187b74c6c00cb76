package eu.herald.channels.domain;

import eu.herald.accounts.OrganisationId;
import eu.herald.channels.ChannelAccount;
import eu.herald.channels.ChannelAccountId;
import eu.herald.channels.ChannelType;
import eu.herald.channels.connectors.Health;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The connected accounts, their sealed secrets and health. */
@Repository
class ChannelAccounts {

    private static final TypeReference<Map<String, String>> SETTINGS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ChannelAccounts(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Optional<StoredAccount> find(ChannelAccountId id) {
        return jdbc.sql("SELECT * FROM channels.account WHERE id = ?")
                .param(id.value())
                .query(this::map)
                .optional();
    }

    List<StoredAccount> ofOrganisation(OrganisationId organisation) {
        return jdbc.sql("SELECT * FROM channels.account WHERE organisation_id = ? ORDER BY lower(name), id")
                .param(organisation.value())
                .query(this::map)
                .list();
    }

    List<StoredAccount> active(ChannelType... types) {
        String[] names = Arrays.stream(types).map(Enum::name).toArray(String[]::new);
        return jdbc.sql("SELECT * FROM channels.account WHERE status = 'ACTIVE' AND type = ANY (?) ORDER BY id")
                .param(names)
                .query(this::map)
                .list();
    }

    boolean nameTaken(OrganisationId organisation, String name, @Nullable ChannelAccountId except) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM channels.account WHERE organisation_id = ? AND name = ?"
                        + " AND id <> ?)")
                .params(organisation.value(), name, except == null ? new UUID(0, 0) : except.value())
                .query(Boolean.class)
                .single();
    }

    void insert(StoredAccount a, Instant now) {
        ChannelAccount v = a.account();
        jdbc.sql("INSERT INTO channels.account (id, organisation_id, type, name, status, handle, profile_url, settings,"
                        + " secrets, last_success_at, last_checked_at, token_expires_at, rate_limit_remaining,"
                        + " rate_limit_reset_at, created_at, updated_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        v.id().value(),
                        v.organisation().value(),
                        v.type().name(),
                        v.name(),
                        v.status().name(),
                        v.handle(),
                        v.profileUrl(),
                        json.writeValueAsString(a.settings()),
                        a.sealedSecrets(),
                        ts(v.lastSuccessAt()),
                        ts(a.lastCheckedAt()),
                        ts(v.tokenExpiresAt()),
                        a.rateLimitRemaining(),
                        ts(a.rateLimitResetAt()),
                        ts(now),
                        ts(now))
                .update();
    }

    /** Replaces the credentials and settings after a successful check (reconnect): the account is active again. */
    void reconnect(
            ChannelAccountId id,
            int version,
            String name,
            Map<String, String> settings,
            byte[] sealedSecrets,
            Health health,
            Instant now) {
        int updated = jdbc.sql("UPDATE channels.account SET name = ?, settings = ?::jsonb, secrets = ?,"
                        + " status = 'ACTIVE', handle = ?, profile_url = ?, token_expires_at = ?,"
                        + " rate_limit_remaining = ?, rate_limit_reset_at = ?, last_checked_at = ?, last_success_at = ?,"
                        + " last_error = NULL, last_error_at = NULL, updated_at = ?, version = version + 1"
                        + " WHERE id = ? AND version = ?")
                .params(
                        name,
                        json.writeValueAsString(settings),
                        sealedSecrets,
                        health.handle(),
                        health.profileUrl(),
                        ts(health.tokenExpiresAt()),
                        health.rateLimitRemaining(),
                        ts(health.rateLimitResetAt()),
                        ts(now),
                        ts(now),
                        ts(now),
                        id.value(),
                        version)
                .update();
        if (updated != 1) {
            throw new OptimisticLockingFailureException("channel account " + id + " changed meanwhile");
        }
    }

    /** Changes the status if it is {@code from}; answers whether it changed (so only one caller acts on it). */
    boolean changeStatus(ChannelAccountId id, ChannelAccount.Status from, ChannelAccount.Status to, Instant now) {
        return jdbc.sql("UPDATE channels.account SET status = ?, updated_at = ?, version = version + 1"
                                + " WHERE id = ? AND status = ?")
                        .params(to.name(), ts(now), id.value(), from.name())
                        .update()
                == 1;
    }

    void disable(ChannelAccountId id, int version, Instant now) {
        int updated = jdbc.sql("UPDATE channels.account SET status = 'DISABLED', updated_at = ?, version = version + 1"
                        + " WHERE id = ? AND version = ?")
                .params(ts(now), id.value(), version)
                .update();
        if (updated != 1) {
            throw new OptimisticLockingFailureException("channel account " + id + " changed meanwhile");
        }
    }

    void storeSecrets(ChannelAccountId id, byte[] sealedSecrets, @Nullable Instant tokenExpiresAt, Instant now) {
        jdbc.sql("UPDATE channels.account SET secrets = ?, token_expires_at = ?, updated_at = ? WHERE id = ?")
                .params(sealedSecrets, ts(tokenExpiresAt), ts(now), id.value())
                .update();
    }

    void success(ChannelAccountId id, Instant now) {
        jdbc.sql("UPDATE channels.account SET last_success_at = ? WHERE id = ?")
                .params(ts(now), id.value())
                .update();
    }

    void failure(ChannelAccountId id, String explanation, Instant now) {
        jdbc.sql("UPDATE channels.account SET last_error = ?, last_error_at = ? WHERE id = ?")
                .params(explanation.length() > 2000 ? explanation.substring(0, 2000) : explanation, ts(now), id.value())
                .update();
    }

    void health(ChannelAccountId id, Health health, Instant now) {
        jdbc.sql("UPDATE channels.account SET handle = coalesce(?, handle), profile_url = coalesce(?, profile_url),"
                        + " token_expires_at = coalesce(?, token_expires_at),"
                        + " rate_limit_remaining = coalesce(?, rate_limit_remaining),"
                        + " rate_limit_reset_at = coalesce(?, rate_limit_reset_at), last_checked_at = ?,"
                        + " last_success_at = ? WHERE id = ?")
                .params(
                        health.handle(),
                        health.profileUrl(),
                        ts(health.tokenExpiresAt()),
                        health.rateLimitRemaining(),
                        ts(health.rateLimitResetAt()),
                        ts(now),
                        ts(now),
                        id.value())
                .update();
    }

    void rateLimit(ChannelAccountId id, @Nullable Long remaining, @Nullable Instant resetAt) {
        jdbc.sql("UPDATE channels.account SET rate_limit_remaining = ?, rate_limit_reset_at = ? WHERE id = ?")
                .params(remaining == null ? null : Math.max(0, remaining), ts(resetAt), id.value())
                .update();
    }

    /** Active accounts whose token expires before {@code before}. */
    List<StoredAccount> expiringBefore(Instant before) {
        return jdbc.sql("SELECT * FROM channels.account WHERE status = 'ACTIVE' AND token_expires_at IS NOT NULL"
                        + " AND token_expires_at < ? ORDER BY token_expires_at")
                .param(ts(before))
                .query(this::map)
                .list();
    }

    /** Records that the expiry on {@code day} was announced; false if it already was. */
    boolean markExpiryAnnounced(ChannelAccountId id, LocalDate day) {
        return jdbc.sql("INSERT INTO channels.expiry_notice (account_id, expires_on) VALUES (?, ?)"
                                + " ON CONFLICT DO NOTHING")
                        .params(id.value(), day)
                        .update()
                == 1;
    }

    /** Claims a daily job for this node; false if another node (or an earlier run) has it. */
    boolean claim(String job, LocalDate day) {
        return jdbc.sql("INSERT INTO channels.job_claim (job, day) VALUES (?, ?) ON CONFLICT DO NOTHING")
                        .params(job, day)
                        .update()
                == 1;
    }

    private StoredAccount map(ResultSet rs, int row) throws SQLException {
        ChannelAccount account = new ChannelAccount(
                new ChannelAccountId(rs.getObject("id", UUID.class)),
                new OrganisationId(rs.getObject("organisation_id", UUID.class)),
                ChannelType.valueOf(rs.getString("type")),
                rs.getString("name"),
                ChannelAccount.Status.valueOf(rs.getString("status")),
                rs.getString("handle"),
                rs.getString("profile_url"),
                instant(rs, "last_success_at"),
                instant(rs, "token_expires_at"));
        Long remaining = rs.getObject("rate_limit_remaining", Long.class);
        return new StoredAccount(
                account,
                json.readValue(rs.getString("settings"), SETTINGS),
                rs.getBytes("secrets"),
                instant(rs, "last_error_at"),
                rs.getString("last_error"),
                instant(rs, "last_checked_at"),
                remaining,
                instant(rs, "rate_limit_reset_at"),
                rs.getInt("version"));
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static @Nullable Timestamp ts(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
