package eu.herald.accounts.domain;

import eu.herald.common.RefusedException;
import java.util.Locale;

/** What a chosen password must be: long enough, not too long for the hash, and not the email address. */
final class PasswordRules {

    static final int MAX_LENGTH = 128;

    private PasswordRules() {}

    static void check(String password, String email, int minLength) {
        if (password == null || password.length() < minLength) {
            throw new RefusedException("password.error.tooShort", minLength);
        }
        if (password.length() > MAX_LENGTH) {
            throw new RefusedException("password.error.tooLong", MAX_LENGTH);
        }
        if (password.toLowerCase(Locale.ROOT)
                        .contains(email.toLowerCase(Locale.ROOT).split("@")[0])
                && email.split("@")[0].length() >= 4) {
            throw new RefusedException("password.error.containsEmail");
        }
    }
}
