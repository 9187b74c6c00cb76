package eu.herald.partners.domain;

import eu.herald.accounts.Access;
import eu.herald.accounts.OrganisationId;
import eu.herald.accounts.OrganisationSummary;
import eu.herald.accounts.Role;
import eu.herald.accounts.UserId;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Who reaches which events and alerts: the organisations where someone organises (ADMIN or COMMUNICATOR), and the
 * organisations at or above their groups (where something shared with "every group" comes from).
 */
@Component
class PartnerReach {

    /** Roles that organise events and send alerts for an organisation's groups. */
    static final Set<Role> ORGANISERS = Set.of(Role.ADMIN, Role.COMMUNICATOR);

    private final Access access;
    private final PartnerGroups groups;

    PartnerReach(Access access, PartnerGroups groups) {
        this.access = access;
        this.groups = groups;
    }

    /** A reader: their id, the organisations they organise for, the organisations at or above their groups. */
    record Reader(UUID user, UUID[] organised, UUID[] aboveGroups) {}

    /** The signed-in user. */
    Reader current() {
        Set<UUID> organised = new LinkedHashSet<>();
        for (Role role : ORGANISERS) {
            access.reachable(role).forEach(o -> organised.add(o.id().value()));
        }
        UserId user = GroupService.currentUser();
        return new Reader(user.value(), organised.toArray(UUID[]::new), aboveGroups(user));
    }

    /** A user outside a request (a feed, a digest): only what reaches them through their groups. */
    Reader member(UserId user) {
        return new Reader(user.value(), new UUID[0], aboveGroups(user));
    }

    /** Whether the signed-in user organises for the organisation. */
    boolean organises(OrganisationId organisation) {
        return ORGANISERS.stream().anyMatch(role -> access.currentUserCan(role, organisation));
    }

    private UUID[] aboveGroups(UserId user) {
        Set<UUID> above = new HashSet<>();
        for (PartnerGroups.Membership membership : groups.memberships(user)) {
            Optional<OrganisationSummary> organisation =
                    access.organisation(membership.group().organisationId());
            while (organisation.isPresent() && above.add(organisation.get().id().value())) {
                OrganisationId parent = organisation.get().parentId();
                organisation = parent == null ? Optional.empty() : access.organisation(parent);
            }
        }
        return above.toArray(UUID[]::new);
    }
}
