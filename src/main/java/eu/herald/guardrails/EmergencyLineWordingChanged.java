package eu.herald.guardrails;

import eu.herald.accounts.OrganisationId;
import eu.herald.common.Actor;
import eu.herald.common.AuditableEvent;
import eu.herald.common.Language;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An admin set, changed or cleared (back to Herald's default) an organisation's sentence saying that its channels are
 * no emergency line, in one language.
 */
public record EmergencyLineWordingChanged(
        Actor actor,
        OrganisationId organisation,
        Language language,
        @Nullable String previous,
        @Nullable String wording)
        implements AuditableEvent {

    @Override
    public String action() {
        return "guardrails.emergency_wording." + (wording == null ? "cleared" : previous == null ? "set" : "changed");
    }

    @Override
    public UUID organisationId() {
        return organisation.value();
    }

    @Override
    public String subjectType() {
        return "emergency_wording";
    }

    @Override
    public String subjectId() {
        return organisation + "_" + language.code();
    }

    @Override
    public Map<String, Object> before() {
        return previous == null ? Map.of() : Map.of("language", language.code(), "wording", previous);
    }

    @Override
    public Map<String, Object> after() {
        return wording == null ? Map.of() : Map.of("language", language.code(), "wording", wording);
    }
}
