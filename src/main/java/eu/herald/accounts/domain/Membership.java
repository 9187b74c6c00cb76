package eu.herald.accounts.domain;

import eu.herald.accounts.OrganisationId;
import eu.herald.accounts.Role;
import eu.herald.accounts.UserId;
import java.util.UUID;

/** A user holds a role in an organisation (and so in its descendants). */
public record Membership(UUID id, UserId user, OrganisationId organisation, Role role) {}
