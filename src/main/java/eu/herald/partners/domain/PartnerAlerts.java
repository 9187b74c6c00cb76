package eu.herald.partners.domain;

import eu.herald.accounts.OrganisationId;
import eu.herald.common.Language;
import eu.herald.common.Mailer;
import eu.herald.partners.GroupId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Urgent partner alerts, the groups they went to, and their delivery per coordinator. */
@Repository
class PartnerAlerts {

    private static final String SELECT = "SELECT a.*,"
            + " ARRAY(SELECT group_id::text FROM partners.alert_share s WHERE s.alert_id = a.id) AS sent_to"
            + " FROM partners.alert a";

    /** Alerts of organisations the reader organises for, or sent to one of their groups. */
    private static final String VISIBLE = " (a.organisation_id = ANY(:organised)"
            + " OR EXISTS (SELECT 1 FROM partners.alert_share s JOIN partners.group_member m ON m.group_id = s.group_id"
            + "   WHERE s.alert_id = a.id AND m.user_id = :user))";

    private final JdbcClient jdbc;

    PartnerAlerts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<PartnerAlert> visible(UUID id, PartnerReach.Reader reader) {
        return jdbc.sql(SELECT + " WHERE a.id = :id AND" + VISIBLE)
                .param("id", id)
                .param("organised", reader.organised())
                .param("user", reader.user())
                .query(PartnerAlerts::alert)
                .optional();
    }

    /** The reader's alerts, newest first: only pinned ones, or also those that expired or were unpinned. */
    List<PartnerAlert> list(PartnerReach.Reader reader, boolean onlyPinned, Instant now) {
        return jdbc.sql(SELECT + " WHERE" + VISIBLE
                        + (onlyPinned ? " AND a.unpinned_at IS NULL AND a.expires_at > :now" : "")
                        + " ORDER BY a.created_at DESC LIMIT 100")
                .param("organised", reader.organised())
                .param("user", reader.user())
                .param("now", Timestamp.from(now))
                .query(PartnerAlerts::alert)
                .list();
    }

    void insert(PartnerAlert alert, UUID sentBy) {
        jdbc.sql("INSERT INTO partners.alert (id, organisation_id, title, body, language, sent_by, sent_by_name,"
                        + " created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        alert.id(),
                        alert.organisationId().value(),
                        alert.title(),
                        alert.body(),
                        alert.language().code(),
                        sentBy,
                        alert.sentByName(),
                        Timestamp.from(alert.createdAt()),
                        Timestamp.from(alert.expiresAt()))
                .update();
        for (GroupId group : alert.groups()) {
            jdbc.sql("INSERT INTO partners.alert_share (alert_id, group_id) VALUES (?, ?) ON CONFLICT DO NOTHING")
                    .params(alert.id(), group.value())
                    .update();
        }
    }

    /** One pending delivery per coordinator of the groups (a coordinator of two groups gets one email). */
    int addCoordinators(UUID alert, Collection<GroupId> groups) {
        return jdbc.sql("INSERT INTO partners.alert_delivery (alert_id, user_id, display_name, email, status)"
                        + " SELECT DISTINCT ON (m.user_id) ?, m.user_id, m.display_name, m.email, 'PENDING'"
                        + " FROM partners.group_member m WHERE m.coordinator AND m.group_id = ANY(?)"
                        + " ORDER BY m.user_id, m.added_at DESC ON CONFLICT DO NOTHING")
                .params(alert, groups.stream().map(GroupId::value).toArray(UUID[]::new))
                .update();
    }

    List<AlertDelivery> deliveries(UUID alert) {
        return jdbc.sql("SELECT * FROM partners.alert_delivery WHERE alert_id = ? ORDER BY lower(display_name)")
                .param(alert)
                .query((rs, n) -> {
                    Timestamp at = rs.getTimestamp("attempted_at");
                    return new AlertDelivery(
                            rs.getObject("user_id", UUID.class),
                            rs.getString("display_name"),
                            rs.getString("email"),
                            AlertDelivery.Status.valueOf(rs.getString("status")),
                            rs.getInt("attempts"),
                            at == null ? null : at.toInstant());
                })
                .list();
    }

    /** Records one attempt; runs on its own (outside any transaction), right after the email was handed over. */
    void recordAttempt(UUID alert, UUID user, Mailer.Outcome outcome) {
        jdbc.sql("UPDATE partners.alert_delivery SET status = ?, attempts = attempts + 1, attempted_at = now()"
                        + " WHERE alert_id = ? AND user_id = ?")
                .params(outcome.name(), alert, user)
                .update();
    }

    void unpin(UUID alert) {
        jdbc.sql("UPDATE partners.alert SET unpinned_at = now() WHERE id = ? AND unpinned_at IS NULL")
                .param(alert)
                .update();
    }

    private static PartnerAlert alert(ResultSet rs, int row) throws SQLException {
        Timestamp unpinned = rs.getTimestamp("unpinned_at");
        return new PartnerAlert(
                rs.getObject("id", UUID.class),
                new OrganisationId(rs.getObject("organisation_id", UUID.class)),
                rs.getString("title"),
                rs.getString("body"),
                Language.valueOf(rs.getString("language").toUpperCase(Locale.ROOT)),
                rs.getString("sent_by_name"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("expires_at").toInstant(),
                unpinned == null ? null : unpinned.toInstant(),
                Arrays.stream((String[]) rs.getArray("sent_to").getArray())
                        .map(GroupId::of)
                        .toList());
    }
}
