package eu.herald.accounts.domain;

import eu.herald.accounts.OrganisationId;
import eu.herald.accounts.Role;
import eu.herald.common.Language;

/** An admin's invitation: who, in which organisation, with which first role. */
public record NewUser(
        String email,
        String displayName,
        Language language,
        OrganisationId organisation,
        Role role,
        boolean serviceAccount) {}
