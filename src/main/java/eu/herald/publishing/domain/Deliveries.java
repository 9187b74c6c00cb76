package eu.herald.publishing.domain;

import eu.herald.accounts.OrganisationId;
import eu.herald.campaigns.CampaignId;
import eu.herald.campaigns.MessageId;
import eu.herald.campaigns.VariantId;
import eu.herald.channels.ChannelAccountId;
import eu.herald.common.Channel;
import eu.herald.common.Language;
import eu.herald.publishing.DeliveryId;
import eu.herald.publishing.DeliveryStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Deliveries and their attempts. Every state change is a guarded UPDATE (its WHERE names the states it may leave), so
 * two nodes, or a node and a person, never both move the same delivery.
 */
@Repository
class Deliveries {

    private static final String LIVE = "('SCHEDULED', 'SENDING')";

    private final JdbcClient jdbc;

    Deliveries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Delivery d) {
        jdbc.sql("INSERT INTO publishing.delivery (id, variant_id, message_id, campaign_id, organisation_id,"
                        + " organisation_name, channel_account_id, account_name, account_type, channel, language,"
                        + " message_title, scheduled_at, next_attempt_at, status, idempotency_key, created_by,"
                        + " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        d.id().value(),
                        d.variant().value(),
                        d.message().value(),
                        d.campaign().value(),
                        d.organisation().value(),
                        d.organisationName(),
                        d.account().value(),
                        d.accountName(),
                        d.accountType(),
                        d.channel().name(),
                        d.language().name(),
                        d.messageTitle(),
                        Timestamp.from(d.scheduledAt()),
                        Timestamp.from(d.nextAttemptAt()),
                        d.status().name(),
                        d.idempotencyKey(),
                        d.createdBy(),
                        Timestamp.from(d.createdAt()),
                        Timestamp.from(d.updatedAt()))
                .update();
    }

    Optional<Delivery> find(DeliveryId id) {
        return jdbc.sql("SELECT * FROM publishing.delivery WHERE id = ?")
                .param(id.value())
                .query(Deliveries::map)
                .optional();
    }

    /** Filters of the deliveries list; null means any. */
    record Filter(
            Collection<UUID> organisations,
            @Nullable DeliveryStatus status,
            @Nullable MessageId message,
            @Nullable CampaignId campaign,
            boolean stuckOnly,
            int limit) {}

    List<Delivery> list(Filter filter) {
        if (filter.organisations().isEmpty()) {
            return List.of();
        }
        StringBuilder sql = new StringBuilder("SELECT * FROM publishing.delivery WHERE organisation_id = ANY(?)");
        List<Object> params = new ArrayList<>();
        params.add(filter.organisations().toArray(UUID[]::new));
        if (filter.status() != null) {
            sql.append(" AND status = ?");
            params.add(filter.status().name());
        }
        if (filter.message() != null) {
            sql.append(" AND message_id = ?");
            params.add(filter.message().value());
        }
        if (filter.campaign() != null) {
            sql.append(" AND campaign_id = ?");
            params.add(filter.campaign().value());
        }
        if (filter.stuckOnly()) {
            sql.append(" AND stuck");
        }
        sql.append(" ORDER BY scheduled_at DESC, id LIMIT ?");
        params.add(filter.limit());
        return jdbc.sql(sql.toString()).params(params).query(Deliveries::map).list();
    }

    /**
     * Claims the next send: SENDING, one more attempt, and "look it up before anything else" until its outcome is
     * recorded. Empty when the delivery is no longer live (cancelled meanwhile).
     */
    Optional<Integer> claimSend(DeliveryId id, Instant now) {
        return jdbc.sql("UPDATE publishing.delivery SET status = 'SENDING', attempts = attempts + 1,"
                        + " lookup_pending = true, sending_since = ?, stuck = false, updated_at = ?"
                        + " WHERE id = ? AND status IN " + LIVE + " RETURNING attempts")
                .params(Timestamp.from(now), Timestamp.from(now), id.value())
                .query(Integer.class)
                .optional();
    }

    /** Counts one more attempt without a send (a failed look-up); the new total. */
    int countAttempt(DeliveryId id) {
        return jdbc.sql("UPDATE publishing.delivery SET attempts = attempts + 1 WHERE id = ? RETURNING attempts")
                .param(id.value())
                .query(Integer.class)
                .single();
    }

    boolean markPublished(DeliveryId id, String externalId, @Nullable String url, Instant now) {
        return jdbc.sql("UPDATE publishing.delivery SET status = 'PUBLISHED', external_id = ?, external_url = ?,"
                                + " published_at = ?, lookup_pending = false, sending_since = NULL, stuck = false,"
                                + " last_error = NULL, last_error_key = NULL, updated_at = ?"
                                + " WHERE id = ? AND status IN " + LIVE)
                        .params(externalId, url, Timestamp.from(now), Timestamp.from(now), id.value())
                        .update()
                == 1;
    }

    boolean markFailed(DeliveryId id, @Nullable String error, @Nullable String errorKey, Instant now) {
        return jdbc.sql("UPDATE publishing.delivery SET status = 'FAILED', last_error = ?, last_error_key = ?,"
                                + " sending_since = NULL, stuck = false, updated_at = ?"
                                + " WHERE id = ? AND status IN " + LIVE)
                        .params(error, errorKey, Timestamp.from(now), id.value())
                        .update()
                == 1;
    }

    /** Back to SCHEDULED for a later attempt; {@code lookupPending}: whether the post may exist and must be sought. */
    boolean markRetryLater(DeliveryId id, Instant next, @Nullable String error, boolean lookupPending, Instant now) {
        return jdbc.sql("UPDATE publishing.delivery SET status = 'SCHEDULED', next_attempt_at = ?, last_error = ?,"
                                + " last_error_key = NULL, lookup_pending = ?, sending_since = NULL, stuck = false,"
                                + " updated_at = ? WHERE id = ? AND status IN " + LIVE)
                        .params(Timestamp.from(next), error, lookupPending, Timestamp.from(now), id.value())
                        .update()
                == 1;
    }

    /** A lookup found no post: a new send may follow. */
    boolean markNotFound(DeliveryId id, Instant now) {
        return jdbc.sql("UPDATE publishing.delivery SET status = 'SCHEDULED', lookup_pending = false,"
                                + " sending_since = NULL, updated_at = ? WHERE id = ? AND status IN " + LIVE)
                        .params(Timestamp.from(now), id.value())
                        .update()
                == 1;
    }

    boolean cancel(DeliveryId id, Instant now) {
        return jdbc.sql("UPDATE publishing.delivery SET status = 'CANCELLED', stuck = false, updated_at = ?"
                                + " WHERE id = ? AND status = 'SCHEDULED'")
                        .params(Timestamp.from(now), id.value())
                        .update()
                == 1;
    }

    /**
     * FAILED → SCHEDULED now, same idempotency key, a fresh attempt budget. A post whose outcome could not be looked
     * up is sent again only because a person, having checked the platform, asked for it.
     */
    boolean retry(DeliveryId id, Instant now) {
        return jdbc.sql("UPDATE publishing.delivery SET status = 'SCHEDULED', next_attempt_at = ?,"
                                + " retry_base = attempts, stuck = false, last_error = NULL, last_error_key = NULL,"
                                + " lookup_pending = CASE WHEN last_error_key = ? THEN false ELSE lookup_pending END,"
                                + " updated_at = ? WHERE id = ? AND status = 'FAILED'")
                        .params(Timestamp.from(now), DeliveryEngine.CANNOT_LOOK_UP, Timestamp.from(now), id.value())
                        .update()
                == 1;
    }

    /** Live deliveries overdue by more than {@code threshold} not yet raised, claimed for this transaction. */
    List<Delivery> overdue(Instant now, Duration threshold, int limit) {
        Timestamp before = Timestamp.from(now.minus(threshold));
        return jdbc.sql("SELECT * FROM publishing.delivery WHERE NOT stuck AND ((status = 'SCHEDULED' AND"
                        + " next_attempt_at < ?) OR (status = 'SENDING' AND sending_since < ?))"
                        + " ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED")
                .params(before, before, limit)
                .query(Deliveries::map)
                .list();
    }

    void markStuck(DeliveryId id, Instant now) {
        jdbc.sql("UPDATE publishing.delivery SET stuck = true, updated_at = ? WHERE id = ?")
                .params(Timestamp.from(now), id.value())
                .update();
    }

    long startAttempt(DeliveryId id, Attempt.Kind kind, @Nullable Integer number, Instant now, String node) {
        return jdbc.sql("INSERT INTO publishing.attempt (delivery_id, kind, number, started_at, node)"
                        + " VALUES (?, ?, ?, ?, ?) RETURNING id")
                .params(id.value(), kind.name(), number, Timestamp.from(now), node)
                .query(Long.class)
                .single();
    }

    void finishAttempt(
            long attempt,
            Attempt.Outcome outcome,
            @Nullable String explanation,
            @Nullable Integer httpStatus,
            Instant now) {
        jdbc.sql("UPDATE publishing.attempt SET outcome = ?, explanation = ?, http_status = ?, finished_at = ?"
                        + " WHERE id = ?")
                .params(outcome.name(), explanation, httpStatus, Timestamp.from(now), attempt)
                .update();
    }

    /** A check or lookup done and recorded at once. */
    void recordAttempt(
            DeliveryId id,
            Attempt.Kind kind,
            Attempt.Outcome outcome,
            @Nullable String explanation,
            Instant started,
            Instant now,
            String node) {
        long attempt = startAttempt(id, kind, null, started, node);
        finishAttempt(attempt, outcome, explanation, null, now);
    }

    List<Attempt> attempts(DeliveryId id) {
        return jdbc.sql("SELECT * FROM publishing.attempt WHERE delivery_id = ? ORDER BY id")
                .param(id.value())
                .query((rs, n) -> new Attempt(
                        rs.getLong("id"),
                        Attempt.Kind.valueOf(rs.getString("kind")),
                        (Integer) rs.getObject("number"),
                        rs.getTimestamp("started_at").toInstant(),
                        instant(rs, "finished_at"),
                        rs.getString("outcome") == null ? null : Attempt.Outcome.valueOf(rs.getString("outcome")),
                        rs.getString("explanation"),
                        (Integer) rs.getObject("http_status"),
                        rs.getString("node")))
                .list();
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static Delivery map(ResultSet rs, int row) throws SQLException {
        return new Delivery(
                new DeliveryId(rs.getObject("id", UUID.class)),
                new VariantId(rs.getObject("variant_id", UUID.class)),
                new MessageId(rs.getObject("message_id", UUID.class)),
                new CampaignId(rs.getObject("campaign_id", UUID.class)),
                new OrganisationId(rs.getObject("organisation_id", UUID.class)),
                rs.getString("organisation_name"),
                new ChannelAccountId(rs.getObject("channel_account_id", UUID.class)),
                rs.getString("account_name"),
                rs.getString("account_type"),
                Channel.valueOf(rs.getString("channel")),
                Language.valueOf(rs.getString("language")),
                rs.getString("message_title"),
                rs.getTimestamp("scheduled_at").toInstant(),
                rs.getTimestamp("next_attempt_at").toInstant(),
                DeliveryStatus.valueOf(rs.getString("status")),
                rs.getString("idempotency_key"),
                rs.getInt("attempts"),
                rs.getInt("retry_base"),
                rs.getBoolean("lookup_pending"),
                instant(rs, "sending_since"),
                rs.getString("external_id"),
                rs.getString("external_url"),
                rs.getString("last_error"),
                rs.getString("last_error_key"),
                rs.getBoolean("stuck"),
                rs.getObject("created_by", UUID.class),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(),
                instant(rs, "published_at"));
    }
}
