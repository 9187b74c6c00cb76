package eu.herald.partners.domain;

import eu.herald.accounts.OrganisationId;
import eu.herald.common.Language;
import eu.herald.partners.GroupId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An urgent alert to partner groups (a wave of phone fraud in the zone, say), pinned until it expires. */
public record PartnerAlert(
        UUID id,
        OrganisationId organisationId,
        String title,
        String body,
        Language language,
        String sentByName,
        Instant createdAt,
        Instant expiresAt,
        @Nullable Instant unpinnedAt,
        List<GroupId> groups) {

    public boolean pinned(Instant now) {
        return unpinnedAt == null && expiresAt.isAfter(now);
    }
}
