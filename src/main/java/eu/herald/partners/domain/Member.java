package eu.herald.partners.domain;

import eu.herald.accounts.UserId;

/** A member of a partner group. */
public record Member(UserId userId, String displayName, NeedToKnow needToKnow, boolean coordinator) {}
