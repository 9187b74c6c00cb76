package eu.herald.accounts.domain;

import eu.herald.accounts.OrganisationId;
import eu.herald.accounts.UserId;
import eu.herald.common.Language;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A person (or a service account) who signs in to Herald. */
public record User(
        UserId id,
        OrganisationId homeOrganisation,
        String email,
        String displayName,
        Language language,
        @Nullable String passwordHash,
        boolean active,
        boolean serviceAccount,
        int failedLogins,
        @Nullable Instant lockedUntil,
        @Nullable Instant lastLoginAt,
        int version) {

    /** Whether the user has set a password (an invited user has not, until they follow the link). */
    public boolean hasPassword() {
        return passwordHash != null;
    }

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    Map<String, Object> auditSummary() {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("email", email);
        summary.put("displayName", displayName);
        summary.put("language", language.code());
        summary.put("active", active);
        return summary;
    }

    /** Never prints the password hash. */
    @Override
    public String toString() {
        return "User[" + id + "]";
    }
}
