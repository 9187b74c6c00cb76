package eu.herald.partners.domain;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Someone registered for an event, as its organisers see them: their name, the groups (with each group's
 * organisation) through which the event reaches them, and when they registered. Nothing else (no address).
 */
public record Registrant(UUID userId, String name, List<Affiliation> affiliations, Instant registeredAt) {

    /** A group of the registrant that the event is shared with, and the organisation the group belongs to. */
    public record Affiliation(String group, String organisation) {}

    public ZonedDateTime localRegisteredAt() {
        return registeredAt.atZone(PartnerEvent.ZONE);
    }

    /** The groups, joined for one cell. */
    public String groups() {
        return String.join("; ", affiliations.stream().map(Affiliation::group).toList());
    }

    /** The groups' organisations (each once), joined for one cell. */
    public String organisations() {
        return String.join(
                "; ",
                affiliations.stream().map(Affiliation::organisation).distinct().toList());
    }
}
