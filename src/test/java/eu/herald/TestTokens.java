package eu.herald;

import eu.herald.common.Secrets;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Personal access tokens for demo users, stored the way Herald stores them (as a hash), for API tests. */
public final class TestTokens {

    private TestTokens() {}

    /** A fresh token of the user with this email; the value to send after "Bearer ". */
    public static String of(JdbcClient jdbc, String email) {
        String token = "hrld_test_" + UUID.randomUUID();
        int rows = jdbc.sql("INSERT INTO accounts.api_token (id, user_id, name, token_hash, hint)"
                        + " SELECT gen_random_uuid(), id, 'test', ?, 'test' FROM accounts.app_user WHERE email = ?")
                .params(Secrets.hash(token), email)
                .update();
        if (rows != 1) {
            throw new IllegalArgumentException("no user " + email);
        }
        return token;
    }
}
