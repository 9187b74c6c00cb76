package eu.herald.accounts.domain;

import eu.herald.accounts.OrganisationId;
import eu.herald.accounts.OrganisationKind;
import eu.herald.accounts.OrganisationSummary;
import eu.herald.common.Language;
import eu.herald.common.RefusedException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** An organisation in Herald's tree, with its names, official languages, area and contact. */
public record Organisation(
        OrganisationId id,
        @Nullable OrganisationId parentId,
        OrganisationKind kind,
        String path,
        Map<Language, String> names,
        List<Language> officialLanguages,
        List<String> municipalityCodes,
        List<String> postcodes,
        @Nullable String contactEmail,
        @Nullable String contactPhone,
        boolean active,
        int version) {

    public int depth() {
        return (int) path.chars().filter(c -> c == '/').count() - 2;
    }

    public OrganisationSummary summary() {
        return new OrganisationSummary(
                id, parentId, kind, names, officialLanguages, municipalityCodes, depth(), active);
    }

    public String name(Language language) {
        return summary().name(language);
    }

    Organisation deactivated() {
        if (!active) {
            throw new RefusedException("organisation.error.alreadyInactive");
        }
        return new Organisation(
                id,
                parentId,
                kind,
                path,
                names,
                officialLanguages,
                municipalityCodes,
                postcodes,
                contactEmail,
                contactPhone,
                false,
                version);
    }

    Organisation reactivated() {
        if (active) {
            throw new RefusedException("organisation.error.alreadyActive");
        }
        return new Organisation(
                id,
                parentId,
                kind,
                path,
                names,
                officialLanguages,
                municipalityCodes,
                postcodes,
                contactEmail,
                contactPhone,
                true,
                version);
    }

    /** A summary for the audit trail. */
    Map<String, Object> auditSummary() {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("kind", kind.name());
        names.forEach((language, name) -> summary.put("name_" + language.code(), name));
        summary.put(
                "officialLanguages",
                officialLanguages.stream().map(Language::code).toList());
        summary.put("municipalityCodes", municipalityCodes);
        summary.put("postcodes", postcodes);
        if (contactEmail != null) {
            summary.put("contactEmail", contactEmail);
        }
        if (contactPhone != null) {
            summary.put("contactPhone", contactPhone);
        }
        summary.put("active", active);
        return summary;
    }
}
