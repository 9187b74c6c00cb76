package eu.herald.partners;

import eu.herald.common.Actor;
import eu.herald.common.AuditableEvent;
import eu.herald.common.Language;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A partner event (training, information session, prevention market) was created, or someone registered for it or
 * cancelled. On {@link Change#CREATED} it carries the {@link Announcement}: what the publishing engine needs to announce
 * the event publicly (it decides whether to, and with its own approval; the partners module publishes nothing).
 */
public record PartnerEventChanged(
        Actor actor,
        Change change,
        UUID event,
        UUID organisationId,
        Map<String, Object> before,
        Map<String, Object> after,
        @Nullable Announcement announcement)
        implements AuditableEvent {

    public enum Change {
        CREATED,
        REGISTERED,
        CANCELLED
    }

    /**
     * An event as it could be announced to the public: no group, no registrant, nothing of the closed portal.
     *
     * @param kind TRAINING, INFORMATION_SESSION or PREVENTION_MARKET
     */
    public record Announcement(
            UUID event,
            UUID organisationId,
            String kind,
            String title,
            String description,
            String place,
            Instant startsAt,
            Instant endsAt,
            Language language) {}

    @Override
    public String action() {
        return "partners.event." + change.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String subjectType() {
        return "partner-event";
    }

    @Override
    public String subjectId() {
        return event.toString();
    }
}
