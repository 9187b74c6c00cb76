package eu.herald.partners.domain;

import eu.herald.accounts.OrganisationId;
import eu.herald.partners.GroupId;

/** A closed group of partners within an organisation's area. */
public record PartnerGroup(GroupId id, OrganisationId organisationId, String name, GroupKind kind, int version) {}
