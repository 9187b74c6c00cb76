package eu.herald.accounts;

import eu.herald.common.Actor;
import eu.herald.common.AuditableEvent;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** A user was invited, edited, deactivated, reactivated or set a password, or a membership was granted or revoked. */
public record UserChanged(
        Actor actor,
        Change change,
        UserId user,
        OrganisationId organisation,
        Map<String, Object> before,
        Map<String, Object> after)
        implements AuditableEvent {

    public enum Change {
        INVITED,
        UPDATED,
        DEACTIVATED,
        REACTIVATED,
        PASSWORD_SET,
        MEMBERSHIP_GRANTED,
        MEMBERSHIP_REVOKED,
        TOKEN_CREATED,
        TOKEN_REVOKED
    }

    @Override
    public String action() {
        return "accounts.user." + change.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public UUID organisationId() {
        return organisation.value();
    }

    @Override
    public String subjectType() {
        return "user";
    }

    @Override
    public String subjectId() {
        return user.toString();
    }
}
