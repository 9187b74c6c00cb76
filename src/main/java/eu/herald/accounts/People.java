package eu.herald.accounts;

import eu.herald.common.Language;
import java.util.List;
import java.util.Optional;

/** Finds people by email or id, e.g. to seed demo data or to address a notification. Never lists them all. */
public interface People {

    Optional<Person> byEmail(String email);

    /** How to reach a user, in their language; empty if there is no such user. */
    Optional<Contact> contact(UserId id);

    /**
     * The active users who hold {@code role} for {@code organisation} — through a membership in it or in one of its
     * ancestors, in an active organisation — e.g. the approvers to tell about a failure.
     */
    List<Contact> holding(Role role, OrganisationId organisation);

    /** A user as other modules may know them. */
    record Person(UserId id, String displayName, boolean active) {}

    /** A user with what it takes to write to them. */
    record Contact(UserId id, String displayName, String email, Language language, boolean active) {}
}
