package eu.herald.accounts.domain;

import eu.herald.accounts.OrganisationId;
import eu.herald.accounts.Role;
import eu.herald.accounts.UserId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The memberships table. */
@Repository
class Memberships {

    private final JdbcClient jdbc;

    Memberships(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Membership> of(UserId user) {
        return jdbc.sql("SELECT m.id, m.user_id, m.organisation_id, m.role FROM accounts.membership m"
                        + " JOIN accounts.organisation o ON o.id = m.organisation_id"
                        + " WHERE m.user_id = ? ORDER BY o.path, m.role")
                .param(user.value())
                .query((rs, row) -> new Membership(
                        rs.getObject("id", UUID.class),
                        new UserId(rs.getObject("user_id", UUID.class)),
                        new OrganisationId(rs.getObject("organisation_id", UUID.class)),
                        Role.valueOf(rs.getString("role"))))
                .list();
    }

    Optional<Membership> find(UUID id) {
        return jdbc.sql("SELECT id, user_id, organisation_id, role FROM accounts.membership WHERE id = ?")
                .param(id)
                .query((rs, row) -> new Membership(
                        rs.getObject("id", UUID.class),
                        new UserId(rs.getObject("user_id", UUID.class)),
                        new OrganisationId(rs.getObject("organisation_id", UUID.class)),
                        Role.valueOf(rs.getString("role"))))
                .optional();
    }

    /** Adds a membership unless the same one exists; returns whether it was added. */
    boolean add(Membership m) {
        return jdbc.sql("INSERT INTO accounts.membership (id, user_id, organisation_id, role) VALUES (?, ?, ?, ?)"
                                + " ON CONFLICT (user_id, organisation_id, role) DO NOTHING")
                        .params(
                                m.id(),
                                m.user().value(),
                                m.organisation().value(),
                                m.role().name())
                        .update()
                == 1;
    }

    void remove(UUID id) {
        jdbc.sql("DELETE FROM accounts.membership WHERE id = ?").param(id).update();
    }
}
