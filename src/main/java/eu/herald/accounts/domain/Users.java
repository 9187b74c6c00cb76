package eu.herald.accounts.domain;

import eu.herald.accounts.OrganisationId;
import eu.herald.accounts.Role;
import eu.herald.accounts.UserId;
import eu.herald.common.Language;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The users table. */
@Repository
class Users {

    private static final String COLUMNS = "u.id, u.home_organisation, u.email, u.display_name, u.language,"
            + " u.password_hash, u.active, u.service_account, u.failed_logins, u.locked_until, u.last_login_at,"
            + " u.version";

    private final JdbcClient jdbc;

    Users(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<User> find(UserId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM accounts.app_user u WHERE u.id = ?")
                .param(id.value())
                .query(Users::map)
                .optional();
    }

    Optional<User> findByEmail(String email) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM accounts.app_user u WHERE lower(u.email) = lower(?)")
                .param(email.trim())
                .query(Users::map)
                .optional();
    }

    /**
     * Active users with {@code role} through a membership in {@code organisation} or one of its ancestors, in an
     * active organisation, by name.
     */
    List<User> holding(Role role, OrganisationId organisation) {
        return jdbc.sql("SELECT DISTINCT " + COLUMNS + " FROM accounts.app_user u"
                        + " JOIN accounts.membership m ON m.user_id = u.id"
                        + " JOIN accounts.organisation o ON o.id = m.organisation_id AND o.active"
                        + " JOIN accounts.organisation target ON target.id = ?"
                        + " WHERE u.active AND m.role = ? AND target.path LIKE o.path || '%'"
                        + " ORDER BY u.display_name, u.id")
                .param(organisation.value())
                .param(role.name())
                .query(Users::map)
                .list();
    }

    boolean emailTaken(String email) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM accounts.app_user WHERE lower(email) = lower(?))")
                .param(email.trim())
                .query(Boolean.class)
                .single();
    }

    /**
     * Users an admin may see: those whose home organisation, or one of whose memberships, lies within the
     * organisations the admin reaches with ADMIN. {@code search} matches name or email.
     */
    List<User> visibleTo(UUID adminId, String search, int limit) {
        String like = "%"
                + search.toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return jdbc.sql("WITH reach AS (SELECT o.id FROM accounts.organisation o"
                        + "  JOIN accounts.organisation mo ON o.path LIKE mo.path || '%' AND mo.active"
                        + "  JOIN accounts.membership m ON m.organisation_id = mo.id AND m.role = 'ADMIN'"
                        + "  WHERE m.user_id = :admin)"
                        + " SELECT " + COLUMNS + " FROM accounts.app_user u"
                        + " WHERE (u.home_organisation IN (SELECT id FROM reach)"
                        + "   OR EXISTS (SELECT 1 FROM accounts.membership um WHERE um.user_id = u.id"
                        + "              AND um.organisation_id IN (SELECT id FROM reach)))"
                        + " AND (lower(u.display_name) LIKE :like OR lower(u.email) LIKE :like)"
                        + " ORDER BY lower(u.display_name), u.id LIMIT :limit")
                .param("admin", adminId)
                .param("like", like)
                .param("limit", limit)
                .query(Users::map)
                .list();
    }

    void insert(User u) {
        jdbc.sql("INSERT INTO accounts.app_user (id, home_organisation, email, display_name, language, password_hash,"
                        + " active, service_account) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        u.id().value(),
                        u.homeOrganisation().value(),
                        u.email().trim(),
                        u.displayName().trim(),
                        u.language().code(),
                        u.passwordHash(),
                        u.active(),
                        u.serviceAccount())
                .update();
    }

    void update(User u) {
        int updated = jdbc.sql("UPDATE accounts.app_user SET email = ?, display_name = ?, language = ?, active = ?,"
                        + " version = version + 1 WHERE id = ? AND version = ?")
                .params(
                        u.email().trim(),
                        u.displayName().trim(),
                        u.language().code(),
                        u.active(),
                        u.id().value(),
                        u.version())
                .update();
        if (updated != 1) {
            throw new OptimisticLockingFailureException("user " + u.id() + " changed meanwhile");
        }
    }

    void setLanguage(UserId id, Language language) {
        jdbc.sql("UPDATE accounts.app_user SET language = ? WHERE id = ?")
                .params(language.code(), id.value())
                .update();
    }

    void setPassword(UserId id, String hash) {
        jdbc.sql("UPDATE accounts.app_user SET password_hash = ?, failed_logins = 0, locked_until = NULL WHERE id = ?")
                .params(hash, id.value())
                .update();
    }

    /** Counts a failed sign-in; returns the new count. */
    int countFailure(UserId id) {
        return jdbc.sql("UPDATE accounts.app_user SET failed_logins = failed_logins + 1 WHERE id = ?"
                        + " RETURNING failed_logins")
                .param(id.value())
                .query(Integer.class)
                .single();
    }

    void lock(UserId id, Instant until) {
        jdbc.sql("UPDATE accounts.app_user SET locked_until = ?, failed_logins = 0 WHERE id = ?")
                .params(Timestamp.from(until), id.value())
                .update();
    }

    void signedIn(UserId id, Instant at) {
        jdbc.sql("UPDATE accounts.app_user SET failed_logins = 0, locked_until = NULL, last_login_at = ? WHERE id = ?")
                .params(Timestamp.from(at), id.value())
                .update();
    }

    static User map(ResultSet rs, int row) throws SQLException {
        Timestamp locked = rs.getTimestamp("locked_until");
        Timestamp last = rs.getTimestamp("last_login_at");
        return new User(
                new UserId(rs.getObject("id", UUID.class)),
                new OrganisationId(rs.getObject("home_organisation", UUID.class)),
                rs.getString("email"),
                rs.getString("display_name"),
                Language.fromCode(rs.getString("language")).orElse(Language.EN),
                rs.getString("password_hash"),
                rs.getBoolean("active"),
                rs.getBoolean("service_account"),
                rs.getInt("failed_logins"),
                locked == null ? null : locked.toInstant(),
                last == null ? null : last.toInstant(),
                rs.getInt("version"));
    }
}
