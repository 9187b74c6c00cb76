package eu.herald.partners.domain;

import eu.herald.accounts.OrganisationId;
import eu.herald.accounts.UserId;
import eu.herald.partners.GroupId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Partner groups and their members. */
@Repository
class PartnerGroups {

    private final JdbcClient jdbc;

    PartnerGroups(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<PartnerGroup> find(GroupId id) {
        return jdbc.sql("SELECT * FROM partners.partner_group WHERE id = ?")
                .param(id.value())
                .query(PartnerGroups::group)
                .optional();
    }

    Optional<PartnerGroup> findByName(OrganisationId organisation, String name) {
        return jdbc.sql("SELECT * FROM partners.partner_group WHERE organisation_id = ? AND name = ?")
                .params(organisation.value(), name)
                .query(PartnerGroups::group)
                .optional();
    }

    /** The groups of these organisations and the groups the user belongs to, by name. */
    List<PartnerGroup> visible(Collection<UUID> organisations, UserId user) {
        return jdbc.sql("SELECT * FROM partners.partner_group g WHERE g.organisation_id = ANY(?)"
                        + " OR EXISTS (SELECT 1 FROM partners.group_member m WHERE m.group_id = g.id AND m.user_id = ?)"
                        + " ORDER BY lower(g.name)")
                .params(organisations.toArray(UUID[]::new), user.value())
                .query(PartnerGroups::group)
                .list();
    }

    /** The groups the user is a member of, with the user's own membership. */
    List<Membership> memberships(UserId user) {
        return jdbc.sql("SELECT g.*, m.need_to_know, m.coordinator FROM partners.partner_group g"
                        + " JOIN partners.group_member m ON m.group_id = g.id WHERE m.user_id = ?")
                .param(user.value())
                .query((rs, n) -> new Membership(
                        group(rs, n), NeedToKnow.valueOf(rs.getString("need_to_know")), rs.getBoolean("coordinator")))
                .list();
    }

    void insert(PartnerGroup group) {
        jdbc.sql("INSERT INTO partners.partner_group (id, organisation_id, name, kind) VALUES (?, ?, ?, ?)")
                .params(
                        group.id().value(),
                        group.organisationId().value(),
                        group.name(),
                        group.kind().name())
                .update();
    }

    void update(PartnerGroup group) {
        int rows = jdbc.sql("UPDATE partners.partner_group SET name = ?, kind = ?, version = version + 1"
                        + " WHERE id = ? AND version = ?")
                .params(group.name(), group.kind().name(), group.id().value(), group.version())
                .update();
        if (rows != 1) {
            throw new OptimisticLockingFailureException("partner group " + group.id());
        }
    }

    List<Member> members(GroupId group) {
        return jdbc.sql("SELECT * FROM partners.group_member WHERE group_id = ?"
                        + " ORDER BY coordinator DESC, lower(display_name)")
                .param(group.value())
                .query((rs, n) -> new Member(
                        new UserId(rs.getObject("user_id", UUID.class)),
                        rs.getString("display_name"),
                        NeedToKnow.valueOf(rs.getString("need_to_know")),
                        rs.getBoolean("coordinator")))
                .list();
    }

    void putMember(GroupId group, Member member, String email) {
        jdbc.sql("INSERT INTO partners.group_member (group_id, user_id, display_name, email, need_to_know,"
                        + " coordinator) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (group_id, user_id) DO UPDATE SET"
                        + " display_name = EXCLUDED.display_name, email = EXCLUDED.email,"
                        + " need_to_know = EXCLUDED.need_to_know, coordinator = EXCLUDED.coordinator")
                .params(
                        group.value(),
                        member.userId().value(),
                        member.displayName(),
                        email,
                        member.needToKnow().name(),
                        member.coordinator())
                .update();
    }

    boolean removeMember(GroupId group, UserId user) {
        return jdbc.sql("DELETE FROM partners.group_member WHERE group_id = ? AND user_id = ?")
                        .params(group.value(), user.value())
                        .update()
                == 1;
    }

    List<PartnerGroup> all() {
        return jdbc.sql("SELECT * FROM partners.partner_group")
                .query(PartnerGroups::group)
                .list();
    }

    /** The address a member was added with. */
    Optional<String> email(GroupId group, UserId user) {
        return jdbc.sql("SELECT email FROM partners.group_member WHERE group_id = ? AND user_id = ?")
                .params(group.value(), user.value())
                .query(String.class)
                .optional();
    }

    /** The address the user was most recently added to a group with: where their digest goes. */
    Optional<String> latestEmail(UserId user) {
        return jdbc.sql("SELECT email FROM partners.group_member WHERE user_id = ? ORDER BY added_at DESC LIMIT 1")
                .param(user.value())
                .query(String.class)
                .optional();
    }

    private static PartnerGroup group(ResultSet rs, int row) throws SQLException {
        return new PartnerGroup(
                new GroupId(rs.getObject("id", UUID.class)),
                new OrganisationId(rs.getObject("organisation_id", UUID.class)),
                rs.getString("name"),
                GroupKind.valueOf(rs.getString("kind")),
                rs.getInt("version"));
    }

    /** A group the user belongs to, and how. */
    record Membership(PartnerGroup group, NeedToKnow needToKnow, boolean coordinator) {}
}
