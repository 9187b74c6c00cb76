package eu.herald.partners.domain;

import eu.herald.accounts.OrganisationId;
import eu.herald.common.Language;
import eu.herald.partners.GroupId;
import java.sql.Array;
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
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Partner events, with whom they are shared, and who registered. */
@Repository
class PartnerEvents {

    private static final String SELECT = "SELECT e.*,"
            + " ARRAY(SELECT group_id::text FROM partners.event_share s WHERE s.event_id = e.id) AS shared_with,"
            + " (SELECT count(*) FROM partners.event_registration r WHERE r.event_id = e.id) AS registered,"
            + " EXISTS (SELECT 1 FROM partners.event_registration r WHERE r.event_id = e.id AND r.user_id = :user)"
            + "   AS mine"
            + " FROM partners.event e";

    /**
     * What a reader may see: events of organisations they organise for; events shared with one of their groups, or
     * with every group of an organisation at or above one of their groups — when their need-to-know level in that
     * group covers the event's.
     */
    private static final String VISIBLE = " (e.organisation_id = ANY(:organised)"
            + " OR EXISTS (SELECT 1 FROM partners.group_member m WHERE m.user_id = :user"
            + "   AND array_position(ARRAY['BASIC','RESTRICTED','CONFIDENTIAL'], m.need_to_know)"
            + "       >= array_position(ARRAY['BASIC','RESTRICTED','CONFIDENTIAL'], e.need_to_know)"
            + "   AND (EXISTS (SELECT 1 FROM partners.event_share s WHERE s.event_id = e.id AND s.group_id = m.group_id)"
            + "        OR (e.all_groups AND e.organisation_id = ANY(:aboveGroups)))))";

    private final JdbcClient jdbc;

    PartnerEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The event if the reader may see it. */
    Optional<PartnerEvent> visible(UUID id, PartnerReach.Reader reader) {
        return jdbc.sql(SELECT + " WHERE e.id = :id AND" + VISIBLE)
                .param("id", id)
                .param("user", reader.user())
                .param("organised", reader.organised())
                .param("aboveGroups", reader.aboveGroups())
                .query(PartnerEvents::event)
                .optional();
    }

    /** The visible events ending after {@code from} and starting before {@code until}, soonest first. */
    List<PartnerEvent> between(PartnerReach.Reader reader, Instant from, Instant until, boolean onlyRegistered) {
        return jdbc.sql(SELECT + " WHERE e.ends_at > :from AND e.starts_at < :until AND" + VISIBLE
                        + (onlyRegistered
                                ? " AND EXISTS (SELECT 1 FROM partners.event_registration r"
                                        + " WHERE r.event_id = e.id AND r.user_id = :user)"
                                : "")
                        + " ORDER BY e.starts_at, lower(e.title) LIMIT 500")
                .param("from", Timestamp.from(from))
                .param("until", Timestamp.from(until))
                .param("user", reader.user())
                .param("organised", reader.organised())
                .param("aboveGroups", reader.aboveGroups())
                .query(PartnerEvents::event)
                .list();
    }

    void insert(
            UUID id,
            OrganisationId organisation,
            EventKind kind,
            String title,
            String description,
            String place,
            Instant startsAt,
            Instant endsAt,
            int capacity,
            Language language,
            boolean allGroups,
            NeedToKnow needToKnow,
            @Nullable UUID createdBy) {
        jdbc.sql("INSERT INTO partners.event (id, organisation_id, kind, title, description, place, starts_at, ends_at,"
                        + " capacity, language, all_groups, need_to_know, created_by)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        id,
                        organisation.value(),
                        kind.name(),
                        title,
                        description,
                        place,
                        Timestamp.from(startsAt),
                        Timestamp.from(endsAt),
                        capacity,
                        language.code(),
                        allGroups,
                        needToKnow.name(),
                        createdBy)
                .update();
    }

    void share(UUID event, Collection<GroupId> groups) {
        for (GroupId group : groups) {
            jdbc.sql("INSERT INTO partners.event_share (event_id, group_id) VALUES (?, ?) ON CONFLICT DO NOTHING")
                    .params(event, group.value())
                    .update();
        }
    }

    /**
     * Locks the event's row for the rest of the transaction and counts its registrations: concurrent registrations
     * for one event queue here, so the capacity holds.
     */
    int lockAndCount(UUID event) {
        jdbc.sql("SELECT id FROM partners.event WHERE id = ? FOR UPDATE")
                .param(event)
                .query(UUID.class)
                .single();
        return jdbc.sql("SELECT count(*) FROM partners.event_registration WHERE event_id = ?")
                .param(event)
                .query(Integer.class)
                .single();
    }

    boolean register(UUID event, UUID user) {
        return jdbc.sql("INSERT INTO partners.event_registration (event_id, user_id) VALUES (?, ?)"
                                + " ON CONFLICT DO NOTHING")
                        .params(event, user)
                        .update()
                == 1;
    }

    boolean cancel(UUID event, UUID user) {
        return jdbc.sql("DELETE FROM partners.event_registration WHERE event_id = ? AND user_id = ?")
                        .params(event, user)
                        .update()
                == 1;
    }

    /** A registration with one of the registrant's group memberships (or none): one row per membership. */
    record RegistrationRow(
            UUID user,
            Instant registeredAt,
            @Nullable String displayName,
            @Nullable GroupId group,
            @Nullable String groupName,
            @Nullable OrganisationId groupOrganisation) {}

    /** The event's registrations, oldest first, each with every group membership of the registrant. */
    List<RegistrationRow> registrations(UUID event) {
        return jdbc.sql("SELECT r.user_id, r.registered_at, m.display_name, g.id AS group_id, g.name AS group_name,"
                        + " g.organisation_id AS group_organisation FROM partners.event_registration r"
                        + " LEFT JOIN partners.group_member m ON m.user_id = r.user_id"
                        + " LEFT JOIN partners.partner_group g ON g.id = m.group_id"
                        + " WHERE r.event_id = ? ORDER BY r.registered_at, r.user_id, lower(g.name)")
                .param(event)
                .query((rs, n) -> {
                    UUID group = rs.getObject("group_id", UUID.class);
                    UUID organisation = rs.getObject("group_organisation", UUID.class);
                    return new RegistrationRow(
                            rs.getObject("user_id", UUID.class),
                            rs.getTimestamp("registered_at").toInstant(),
                            rs.getString("display_name"),
                            group == null ? null : new GroupId(group),
                            rs.getString("group_name"),
                            organisation == null ? null : new OrganisationId(organisation));
                })
                .list();
    }

    private static PartnerEvent event(ResultSet rs, int row) throws SQLException {
        return new PartnerEvent(
                rs.getObject("id", UUID.class),
                new OrganisationId(rs.getObject("organisation_id", UUID.class)),
                EventKind.valueOf(rs.getString("kind")),
                rs.getString("title"),
                rs.getString("description"),
                rs.getString("place"),
                rs.getTimestamp("starts_at").toInstant(),
                rs.getTimestamp("ends_at").toInstant(),
                rs.getInt("capacity"),
                Language.valueOf(rs.getString("language").toUpperCase(Locale.ROOT)),
                rs.getBoolean("all_groups"),
                NeedToKnow.valueOf(rs.getString("need_to_know")),
                strings(rs.getArray("shared_with")).stream().map(GroupId::of).toList(),
                rs.getInt("registered"),
                rs.getBoolean("mine"));
    }

    private static List<String> strings(Array array) throws SQLException {
        return Arrays.asList((String[]) array.getArray());
    }
}
