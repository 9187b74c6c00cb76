package eu.herald.browser;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Users of a test's own, so that a test may change a user (its language, say) without changing the demo users other
 * tests rely on. Each is a copy of a demo user: same home organisation, roles and password, another email.
 */
final class TestUsers {

    private TestUsers() {}

    /** A new user like the demo user {@code like} (e.g. {@code admin@herald.test}), speaking {@code language}. */
    static String copyOf(JdbcClient jdbc, String like, String language) {
        String email = "browser-" + UUID.randomUUID() + "@herald.test";
        UUID id = UUID.randomUUID();
        int created = jdbc.sql("""
                        INSERT INTO accounts.app_user (id, home_organisation, email, display_name, language, password_hash)
                        SELECT ?, home_organisation, ?, 'Browser Tester', ?, password_hash
                        FROM accounts.app_user WHERE email = ?""").params(id, email, language, like).update();
        if (created != 1) {
            throw new IllegalStateException("no demo user " + like);
        }
        jdbc.sql("""
                        INSERT INTO accounts.membership (id, user_id, organisation_id, role)
                        SELECT gen_random_uuid(), ?, organisation_id, role
                        FROM accounts.membership m JOIN accounts.app_user u ON u.id = m.user_id WHERE u.email = ?""").params(id, like).update();
        return email;
    }

    static String language(JdbcClient jdbc, String email) {
        return jdbc.sql("SELECT language FROM accounts.app_user WHERE email = ?")
                .param(email)
                .query(String.class)
                .single();
    }
}
