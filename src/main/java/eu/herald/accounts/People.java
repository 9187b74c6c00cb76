package eu.herald.accounts;

import eu.herald.common.Language;
import java.util.Optional;

/** Finds people by email, e.g. to seed demo data or to address a notification. Never lists them. */
public interface People {

    Optional<Person> byEmail(String email);

    /** A user as other modules may know them. */
    record Person(UserId id, String displayName, boolean active) {}

    /** The language the user reads Herald in (for emails sent to them), if the user exists. */
    Optional<Language> preferredLanguage(UserId id);
}
