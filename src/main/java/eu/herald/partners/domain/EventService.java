package eu.herald.partners.domain;

import eu.herald.accounts.Access;
import eu.herald.accounts.OrganisationId;
import eu.herald.accounts.OrganisationSummary;
import eu.herald.common.Actor;
import eu.herald.common.NotFoundException;
import eu.herald.common.RefusedException;
import eu.herald.partners.GroupId;
import eu.herald.partners.PartnerEventChanged;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Partner events: ADMINs and COMMUNICATORs of an organisation create them for groups they organise for; members of
 * those groups see them in their calendar and register (within the capacity) or cancel. Any other event is not found.
 */
@Service
public class EventService {

    /** How far ahead the calendar looks. */
    static final Duration HORIZON = Duration.ofDays(366);

    private final PartnerEvents events;
    private final PartnerGroups groups;
    private final PartnerReach reach;
    private final Access access;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    EventService(
            PartnerEvents events,
            PartnerGroups groups,
            PartnerReach reach,
            Access access,
            ApplicationEventPublisher publisher) {
        this.events = events;
        this.groups = groups;
        this.reach = reach;
        this.access = access;
        this.publisher = publisher;
        this.clock = Clock.systemUTC();
    }

    /** An event and what the caller may do with it. */
    public record EventView(PartnerEvent event, boolean organiser, boolean canRegister) {}

    /** The events the caller sees that are not over yet, soonest first. */
    @Transactional(readOnly = true)
    public List<PartnerEvent> calendar() {
        Instant now = clock.instant();
        return events.between(reach.current(), now, now.plus(HORIZON), false);
    }

    @Transactional(readOnly = true)
    public EventView view(UUID id) {
        PartnerEvent event = readable(id);
        return new EventView(
                event,
                reach.organises(event.organisationId()),
                !event.over(clock.instant()) && (!event.full() || event.registeredByReader()));
    }

    /** The organisations where the caller may create events and send alerts. */
    public List<OrganisationSummary> organisableOrganisations() {
        Set<OrganisationSummary> all = new LinkedHashSet<>();
        for (var role : PartnerReach.ORGANISERS) {
            access.reachable(role).stream().filter(OrganisationSummary::active).forEach(all::add);
        }
        return List.copyOf(all);
    }

    /** The groups the caller may share events and alerts with. */
    @Transactional(readOnly = true)
    public List<PartnerGroup> organisableGroups() {
        List<UUID> organised = List.of(reach.current().organised());
        return groups.visible(organised, GroupService.currentUser()).stream()
                .filter(g -> reach.organises(g.organisationId()))
                .toList();
    }

    @Transactional
    public PartnerEvent create(OrganisationId organisation, EventDraft draft, boolean allGroups, List<GroupId> with) {
        if (!reach.organises(organisation)) {
            throw new NotFoundException("organisation");
        }
        checkGroups(with);
        return createChecked(organisation, draft, allGroups, with);
    }

    /** Creates an event without a reach check: for the demo seed, done by Herald itself (the audit says so). */
    @Transactional
    PartnerEvent createChecked(OrganisationId organisation, EventDraft draft, boolean allGroups, List<GroupId> with) {
        if (!allGroups && with.isEmpty()) {
            throw new RefusedException("partners.event.groupsRequired");
        }
        String title = draft.title().strip();
        String place = draft.place().strip();
        if (title.isEmpty()) {
            throw new RefusedException("partners.event.titleRequired");
        }
        if (place.isEmpty()) {
            throw new RefusedException("partners.event.placeRequired");
        }
        if (draft.capacity() < 1 || draft.capacity() > 10000) {
            throw new RefusedException("partners.event.capacityInvalid");
        }
        Instant starts = draft.start().atZone(PartnerEvent.ZONE).toInstant();
        Instant ends = draft.end().atZone(PartnerEvent.ZONE).toInstant();
        if (!ends.isAfter(starts)) {
            throw new RefusedException("partners.event.endBeforeStart");
        }
        UUID id = UUID.randomUUID();
        events.insert(
                id,
                organisation,
                draft.kind(),
                title,
                draft.description().strip(),
                place,
                starts,
                ends,
                draft.capacity(),
                draft.language(),
                allGroups,
                Actor.current().userId());
        events.share(id, with);
        PartnerEvent created = events.visible(
                        id, new PartnerReach.Reader(new UUID(0, 0), new UUID[] {organisation.value()}, new UUID[0]))
                .orElseThrow();
        publisher.publishEvent(new PartnerEventChanged(
                Actor.current(),
                PartnerEventChanged.Change.CREATED,
                id,
                organisation.value(),
                Map.of(),
                summary(created),
                new PartnerEventChanged.Announcement(
                        id,
                        organisation.value(),
                        created.kind().name(),
                        created.title(),
                        created.description(),
                        created.place(),
                        created.startsAt(),
                        created.endsAt(),
                        created.language())));
        return created;
    }

    /**
     * Registers the caller. The event's row is locked while the registrations are counted, so two people taking the
     * last place at the same moment cannot both get it.
     */
    @Transactional
    public PartnerEvent register(UUID id) {
        PartnerEvent event = readable(id);
        if (event.over(clock.instant())) {
            throw new RefusedException("partners.event.over");
        }
        int registered = events.lockAndCount(id);
        UUID user = GroupService.currentUser().value();
        if (event.registeredByReader()) {
            return event;
        }
        if (registered >= event.capacity()) {
            throw new RefusedException("partners.event.full");
        }
        if (events.register(id, user)) {
            publisher.publishEvent(new PartnerEventChanged(
                    Actor.current(),
                    PartnerEventChanged.Change.REGISTERED,
                    id,
                    event.organisationId().value(),
                    Map.of(),
                    Map.of("user", user.toString()),
                    null));
        }
        return readable(id);
    }

    @Transactional
    public PartnerEvent cancel(UUID id) {
        PartnerEvent event = readable(id);
        UUID user = GroupService.currentUser().value();
        if (events.cancel(id, user)) {
            publisher.publishEvent(new PartnerEventChanged(
                    Actor.current(),
                    PartnerEventChanged.Change.CANCELLED,
                    id,
                    event.organisationId().value(),
                    Map.of("user", user.toString()),
                    Map.of(),
                    null));
        }
        return readable(id);
    }

    private PartnerEvent readable(UUID id) {
        return events.visible(id, reach.current()).orElseThrow(() -> new NotFoundException("event"));
    }

    private void checkGroups(List<GroupId> with) {
        for (GroupId group : with) {
            PartnerGroup found = groups.find(group).orElseThrow(() -> new NotFoundException("partner group"));
            if (!reach.organises(found.organisationId())) {
                throw new NotFoundException("partner group");
            }
        }
    }

    private static Map<String, Object> summary(PartnerEvent event) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("title", event.title());
        summary.put("kind", event.kind().name());
        summary.put("startsAt", event.startsAt().toString());
        summary.put("endsAt", event.endsAt().toString());
        summary.put("place", event.place());
        summary.put("capacity", event.capacity());
        summary.put("allGroups", event.allGroups());
        summary.put("groups", event.groups().stream().map(GroupId::toString).toList());
        return summary;
    }
}
