package eu.herald.partners.domain;

import eu.herald.common.Language;
import eu.herald.partners.GroupId;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A question asked in a group. */
public record Question(
        UUID id,
        GroupId groupId,
        UUID askerId,
        String askerName,
        String title,
        String body,
        Language language,
        @Nullable UUID acceptedAnswerId,
        boolean hidden,
        Instant createdAt,
        int answers) {}
