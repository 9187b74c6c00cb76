package eu.herald.partners.domain;

import eu.herald.accounts.OrganisationId;
import eu.herald.common.Language;
import eu.herald.partners.GroupId;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A training, information session or prevention market for partner groups, as one reader sees it: how many have
 * registered and whether the reader has. Members see it only if their need-to-know level covers its own.
 */
public record PartnerEvent(
        UUID id,
        OrganisationId organisationId,
        EventKind kind,
        String title,
        String description,
        String place,
        Instant startsAt,
        Instant endsAt,
        int capacity,
        Language language,
        boolean allGroups,
        NeedToKnow needToKnow,
        List<GroupId> groups,
        int registered,
        boolean registeredByReader) {

    /** Partner events happen in Belgium: pages, forms and feeds use Brussels time. */
    public static final ZoneId ZONE = ZoneId.of("Europe/Brussels");

    public ZonedDateTime localStart() {
        return startsAt.atZone(ZONE);
    }

    public ZonedDateTime localEnd() {
        return endsAt.atZone(ZONE);
    }

    public int placesLeft() {
        return Math.max(0, capacity - registered);
    }

    public boolean full() {
        return registered >= capacity;
    }

    public boolean over(Instant now) {
        return !endsAt.isAfter(now);
    }
}
