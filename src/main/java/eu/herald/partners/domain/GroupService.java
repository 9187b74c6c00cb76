package eu.herald.partners.domain;

import eu.herald.accounts.Access;
import eu.herald.accounts.OrganisationId;
import eu.herald.accounts.OrganisationSummary;
import eu.herald.accounts.People;
import eu.herald.accounts.Role;
import eu.herald.accounts.UserId;
import eu.herald.common.Actor;
import eu.herald.common.NotFoundException;
import eu.herald.common.RefusedException;
import eu.herald.partners.GroupId;
import eu.herald.partners.PartnerGroupChanged;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Partner groups: ADMINs of an organisation (or of an ancestor) manage its groups and their members; a member sees
 * the groups they belong to. A group outside the caller's reach does not exist for them.
 */
@Service
public class GroupService {

    private final PartnerGroups groups;
    private final Access access;
    private final People people;
    private final ApplicationEventPublisher events;
    private final ObjectProvider<StarterKit> starterKit;

    GroupService(
            PartnerGroups groups,
            Access access,
            People people,
            ApplicationEventPublisher events,
            ObjectProvider<StarterKit> starterKit) {
        this.groups = groups;
        this.access = access;
        this.people = people;
        this.events = events;
        this.starterKit = starterKit;
    }

    /** A group with its members and what the caller may do with it. */
    public record GroupView(PartnerGroup group, List<Member> members, boolean manageable) {}

    /** The groups the caller administers or belongs to. */
    @Transactional(readOnly = true)
    public List<PartnerGroup> visible() {
        List<UUID> administered =
                access.reachable(Role.ADMIN).stream().map(o -> o.id().value()).toList();
        return groups.visible(administered, currentUser());
    }

    @Transactional(readOnly = true)
    public GroupView view(GroupId id) {
        PartnerGroup group = readable(id);
        return new GroupView(group, groups.members(id), manages(group));
    }

    /** The organisations where the caller may create groups. */
    public List<OrganisationSummary> manageableOrganisations() {
        return access.reachable(Role.ADMIN).stream()
                .filter(OrganisationSummary::active)
                .toList();
    }

    @Transactional
    public PartnerGroup create(OrganisationId organisation, String name, GroupKind kind) {
        if (!access.currentUserCan(Role.ADMIN, organisation)) {
            throw new NotFoundException("organisation");
        }
        return createChecked(organisation, name, kind);
    }

    /** Creates a group without a reach check: for the demo seed, done by Herald itself (the audit says so). */
    @Transactional
    PartnerGroup createChecked(OrganisationId organisation, String name, GroupKind kind) {
        String trimmed = name.strip();
        if (trimmed.isEmpty()) {
            throw new RefusedException("partners.group.nameRequired");
        }
        if (groups.findByName(organisation, trimmed).isPresent()) {
            throw new RefusedException("partners.group.duplicate", trimmed);
        }
        PartnerGroup group = new PartnerGroup(new GroupId(UUID.randomUUID()), organisation, trimmed, kind, 0);
        groups.insert(group);
        events.publishEvent(new PartnerGroupChanged(
                Actor.current(),
                PartnerGroupChanged.Change.CREATED,
                group.id(),
                organisation.value(),
                Map.of(),
                summary(group)));
        starterKit.ifAvailable(kit -> kit.ensure(organisation));
        return group;
    }

    /** Adds the user with this email to the group, or changes their level and coordinator flag. */
    @Transactional
    public Member putMember(GroupId id, String email, NeedToKnow needToKnow, boolean coordinator) {
        return putMemberChecked(managed(id), email, needToKnow, coordinator);
    }

    /** Adds a member without a reach check: for the demo seed, done by Herald itself (the audit says so). */
    @Transactional
    Member putMemberChecked(PartnerGroup group, String email, NeedToKnow needToKnow, boolean coordinator) {
        GroupId id = group.id();
        People.Person person = people.byEmail(email.strip())
                .filter(People.Person::active)
                .orElseThrow(() -> new RefusedException("partners.member.unknown", email.strip()));
        Member member = new Member(person.id(), person.displayName(), needToKnow, coordinator);
        Map<String, Object> before = groups.members(id).stream()
                .filter(m -> m.userId().equals(person.id()))
                .findFirst()
                .map(GroupService::summary)
                .orElse(Map.of());
        groups.putMember(id, member, email.strip());
        events.publishEvent(new PartnerGroupChanged(
                Actor.current(),
                PartnerGroupChanged.Change.MEMBER_SET,
                id,
                group.organisationId().value(),
                before,
                summary(member)));
        return member;
    }

    @Transactional
    public void removeMember(GroupId id, UserId user) {
        PartnerGroup group = managed(id);
        Member member = groups.members(id).stream()
                .filter(m -> m.userId().equals(user))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("member"));
        groups.removeMember(id, user);
        events.publishEvent(new PartnerGroupChanged(
                Actor.current(),
                PartnerGroupChanged.Change.MEMBER_REMOVED,
                id,
                group.organisationId().value(),
                summary(member),
                Map.of()));
    }

    /** A group the caller belongs to or administers; any other is not found. */
    PartnerGroup readable(GroupId id) {
        PartnerGroup group = groups.find(id).orElseThrow(() -> new NotFoundException("partner group"));
        if (manages(group)
                || groups.memberships(currentUser()).stream()
                        .anyMatch(m -> m.group().id().equals(id))) {
            return group;
        }
        throw new NotFoundException("partner group");
    }

    /** A group the caller administers; one they only belong to is refused, any other is not found. */
    PartnerGroup managed(GroupId id) {
        PartnerGroup group = readable(id);
        if (!manages(group)) {
            throw new RefusedException("partners.group.notManager");
        }
        return group;
    }

    /** Whether the caller administers the group's organisation. */
    public boolean manages(PartnerGroup group) {
        return access.currentUserCan(Role.ADMIN, group.organisationId());
    }

    static UserId currentUser() {
        UUID id = Actor.current().userId();
        return new UserId(id != null ? id : new UUID(0, 0));
    }

    private static Map<String, Object> summary(PartnerGroup group) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("name", group.name());
        summary.put("kind", group.kind().name());
        return summary;
    }

    private static Map<String, Object> summary(Member member) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("userId", member.userId().toString());
        summary.put("needToKnow", member.needToKnow().name());
        summary.put("coordinator", member.coordinator());
        return summary;
    }
}
