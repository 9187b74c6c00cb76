package eu.herald.partners.domain;

import eu.herald.accounts.OrganisationId;
import eu.herald.common.Language;
import eu.herald.partners.GroupId;
import eu.herald.partners.ResourceId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A toolbox resource as it is now (its newest version), with whom it is shared. */
public record Resource(
        ResourceId id,
        OrganisationId organisationId,
        @Nullable String ownerId,
        String title,
        String description,
        String body,
        String category,
        List<String> tags,
        Language language,
        ResourceKind kind,
        @Nullable String url,
        @Nullable LocalDate reviewDate,
        boolean allGroups,
        List<GroupId> groups,
        NeedToKnow needToKnow,
        int currentVersion,
        @Nullable String fileName,
        @Nullable String mediaType,
        long sizeBytes,
        Instant updatedAt) {

    public boolean hasFile() {
        return mediaType != null;
    }
}
