package eu.herald.accounts;

import eu.herald.common.Actor;
import eu.herald.common.AuditableEvent;
import java.util.Map;
import java.util.UUID;

/** An organisation was created, edited, deactivated or reactivated, or its logo uploaded or removed. */
public record OrganisationChanged(
        Actor actor, Change change, OrganisationId organisation, Map<String, Object> before, Map<String, Object> after)
        implements AuditableEvent {

    public enum Change {
        CREATED,
        UPDATED,
        DEACTIVATED,
        REACTIVATED,
        LOGO_UPLOADED,
        LOGO_REMOVED
    }

    @Override
    public String action() {
        return "accounts.organisation." + change.name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public UUID organisationId() {
        return organisation.value();
    }

    @Override
    public String subjectType() {
        return "organisation";
    }

    @Override
    public String subjectId() {
        return organisation.toString();
    }
}
