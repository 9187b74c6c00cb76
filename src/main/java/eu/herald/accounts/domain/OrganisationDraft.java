package eu.herald.accounts.domain;

import eu.herald.accounts.OrganisationId;
import eu.herald.accounts.OrganisationKind;
import eu.herald.common.Language;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** What a user filled in to create or edit an organisation. Kind and parent are fixed once created. */
public record OrganisationDraft(
        @Nullable OrganisationId parentId,
        OrganisationKind kind,
        Map<Language, String> names,
        List<Language> officialLanguages,
        List<String> municipalityCodes,
        List<String> postcodes,
        @Nullable String contactEmail,
        @Nullable String contactPhone) {}
