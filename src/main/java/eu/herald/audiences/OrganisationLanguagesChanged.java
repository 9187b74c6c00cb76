package eu.herald.audiences;

import eu.herald.accounts.OrganisationId;
import eu.herald.common.Actor;
import eu.herald.common.AuditableEvent;
import eu.herald.common.Language;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The languages an organisation adds to those of its areas (e.g. English) changed. */
public record OrganisationLanguagesChanged(
        Actor actor, OrganisationId organisation, List<Language> previous, List<Language> current)
        implements AuditableEvent {

    @Override
    public String action() {
        return "audiences.language-rules.changed";
    }

    @Override
    public UUID organisationId() {
        return organisation.value();
    }

    @Override
    public String subjectType() {
        return "organisation-languages";
    }

    @Override
    public String subjectId() {
        return organisation.toString();
    }

    @Override
    public Map<String, Object> before() {
        return Map.of("extraLanguages", previous.stream().map(Language::code).toList());
    }

    @Override
    public Map<String, Object> after() {
        return Map.of("extraLanguages", current.stream().map(Language::code).toList());
    }
}
