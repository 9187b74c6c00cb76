package eu.herald.partners.domain;

import eu.herald.accounts.Access;
import eu.herald.accounts.OrganisationId;
import eu.herald.accounts.OrganisationSummary;
import eu.herald.accounts.People;
import eu.herald.accounts.UserId;
import eu.herald.common.Actor;
import eu.herald.common.Language;
import eu.herald.common.NotFoundException;
import eu.herald.common.RefusedException;
import eu.herald.partners.EventRegistrationsExported;
import eu.herald.partners.GroupId;
import eu.herald.partners.PartnerEventChanged;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.i18n.LocaleContextHolder;
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
    private final People people;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    EventService(
            PartnerEvents events,
            PartnerGroups groups,
            PartnerReach reach,
            Access access,
            People people,
            ApplicationEventPublisher publisher) {
        this.events = events;
        this.groups = groups;
        this.reach = reach;
        this.access = access;
        this.people = people;
        this.publisher = publisher;
        this.clock = Clock.systemUTC();
    }

    /**
     * An event and what the caller may do with it; its registrants only for those who organise it (partners never see
     * each other's registrations).
     */
    public record EventView(PartnerEvent event, boolean organiser, boolean canRegister, List<Registrant> registrants) {}

    /** An event's registrants for its organisers. */
    public record RegistrantList(PartnerEvent event, List<Registrant> registrants) {}

    /** The events the caller sees that are not over yet, soonest first. */
    @Transactional(readOnly = true)
    public List<PartnerEvent> calendar() {
        Instant now = clock.instant();
        return events.between(reach.current(), now, now.plus(HORIZON), false);
    }

    @Transactional(readOnly = true)
    public EventView view(UUID id) {
        PartnerEvent event = readable(id);
        boolean organiser = reach.organises(event.organisationId());
        return new EventView(
                event,
                organiser,
                !event.over(clock.instant()) && (!event.full() || event.registeredByReader()),
                organiser ? registrants(event) : List.of());
    }

    /**
     * The registrants of an event the caller organises, to take away (an attendance list): the download is audited
     * — who took which event's list and how many rows, never the names. Anyone else gets "not found".
     */
    @Transactional
    public RegistrantList export(UUID id, String format) {
        PartnerEvent event = readable(id);
        if (!reach.organises(event.organisationId())) {
            throw new NotFoundException("event");
        }
        List<Registrant> registrants = registrants(event);
        publisher.publishEvent(new EventRegistrationsExported(
                Actor.current(), id, event.organisationId().value(), registrants.size(), format));
        return new RegistrantList(event, registrants);
    }

    /**
     * Who registered, oldest first, each with their groups that the event is shared with (a registrant who is no
     * longer in such a group, or an organiser who registered, has none).
     */
    private List<Registrant> registrants(PartnerEvent event) {
        Language language = Language.of(LocaleContextHolder.getLocale());
        Map<OrganisationId, Boolean> reached = new HashMap<>();
        Map<OrganisationId, String> names = new HashMap<>();
        Map<UUID, List<PartnerEvents.RegistrationRow>> byUser = new LinkedHashMap<>();
        for (PartnerEvents.RegistrationRow row : events.registrations(event.id())) {
            byUser.computeIfAbsent(row.user(), u -> new ArrayList<>()).add(row);
        }
        List<Registrant> registrants = new ArrayList<>();
        for (var entry : byUser.entrySet()) {
            List<Registrant.Affiliation> affiliations = new ArrayList<>();
            String name = null;
            String anyName = null;
            for (PartnerEvents.RegistrationRow row : entry.getValue()) {
                if (row.group() == null || row.groupOrganisation() == null) {
                    continue;
                }
                anyName = anyName == null ? row.displayName() : anyName;
                OrganisationId organisation = row.groupOrganisation();
                boolean shared = event.groups().contains(row.group())
                        || (event.allGroups()
                                && reached.computeIfAbsent(organisation, o -> atOrBelow(o, event.organisationId())));
                if (shared) {
                    name = name == null ? row.displayName() : name;
                    affiliations.add(new Registrant.Affiliation(
                            String.valueOf(row.groupName()),
                            names.computeIfAbsent(
                                    organisation,
                                    o -> access.organisation(o)
                                            .map(summary -> summary.name(language))
                                            .orElse(""))));
                }
            }
            UUID user = entry.getKey();
            if (name == null) {
                name = anyName != null
                        ? anyName
                        : people.contact(new UserId(user))
                                .map(People.Contact::displayName)
                                .orElse("?");
            }
            registrants.add(new Registrant(
                    user,
                    name,
                    List.copyOf(affiliations),
                    entry.getValue().getFirst().registeredAt()));
        }
        return registrants;
    }

    private boolean atOrBelow(OrganisationId organisation, OrganisationId ancestor) {
        Optional<OrganisationSummary> current = access.organisation(organisation);
        Set<OrganisationId> seen = new LinkedHashSet<>();
        while (current.isPresent() && seen.add(current.get().id())) {
            if (current.get().id().equals(ancestor)) {
                return true;
            }
            OrganisationId parent = current.get().parentId();
            current = parent == null ? Optional.empty() : access.organisation(parent);
        }
        return false;
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
                draft.needToKnow(),
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
        summary.put("needToKnow", event.needToKnow().name());
        summary.put("groups", event.groups().stream().map(GroupId::toString).toList());
        return summary;
    }
}
