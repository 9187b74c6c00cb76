package eu.herald.accounts;

import eu.herald.common.Actor;
import eu.herald.common.AuditableEvent;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Someone signed in, failed to, or locked an account by failing too often. For an unknown account nothing of what
 * was typed is kept: it may be a password typed into the wrong field.
 */
public record SignInAttempted(
        Actor actor,
        Outcome outcome,
        @Nullable UserId user,
        @Nullable OrganisationId organisation) implements AuditableEvent {

    public enum Outcome {
        SIGNED_IN,
        FAILED,
        LOCKED,
        SIGNED_OUT
    }

    @Override
    public String action() {
        return "accounts.sign_in." + outcome.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public @Nullable UUID organisationId() {
        return organisation == null ? null : organisation.value();
    }

    @Override
    public String subjectType() {
        return "user";
    }

    @Override
    public @Nullable String subjectId() {
        return user == null ? null : user.toString();
    }

    @Override
    public Map<String, Object> after() {
        return user == null ? Map.of("account", "unknown") : Map.of();
    }
}
