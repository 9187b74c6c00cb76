package eu.herald.partners.domain;

import eu.herald.accounts.Access;
import eu.herald.accounts.OrganisationKind;
import eu.herald.accounts.OrganisationSummary;
import eu.herald.accounts.People;
import eu.herald.accounts.Role;
import eu.herald.common.Actor;
import eu.herald.common.HeraldProperties;
import eu.herald.common.Language;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Demo mode only, on the first start: the Liège shopkeepers' group with the demo partner as its coordinator, and a
 * Ghent neighbourhood information network group (without members: accounts offers no public API to create a second
 * partner user) — created through the group service by Herald itself (as accounts' demo data is), so they are audited;
 * and a training for the Liège group two weeks ahead, to register for.
 */
@Component
@Order(20)
class DemoPartners implements ApplicationRunner {

    static final String LIEGE_GROUP = "Commerçants du centre de Liège";
    static final String GHENT_GROUP = "Buurtinformatienetwerk Sint-Amandsberg";

    private final HeraldProperties herald;
    private final People people;
    private final Access access;
    private final GroupService groupService;
    private final PartnerGroups groups;
    private final StarterKit starterKit;
    private final EventService events;

    DemoPartners(
            HeraldProperties herald,
            People people,
            Access access,
            GroupService groupService,
            PartnerGroups groups,
            StarterKit starterKit,
            EventService events) {
        this.herald = herald;
        this.people = people;
        this.access = access;
        this.groupService = groupService;
        this.groups = groups;
        this.starterKit = starterKit;
        this.events = events;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!herald.demoMode()
                || !groups.all().isEmpty()
                || people.byEmail("admin@herald.test").isEmpty()
                || people.byEmail("partner@herald.test").isEmpty()) {
            return;
        }
        List<OrganisationSummary> partners;
        try {
            // the demo admin's reach lists the organisations; the groups are then created by Herald itself
            as("admin@herald.test");
            partners = access.reachable(Role.ADMIN).stream()
                    .filter(o -> o.kind() == OrganisationKind.PARTNER)
                    .toList();
        } finally {
            SecurityContextHolder.clearContext();
        }
        for (OrganisationSummary organisation : partners) {
            if (organisation.name(Language.FR).contains("Liège")) {
                var group = groupService.createChecked(organisation.id(), LIEGE_GROUP, GroupKind.SHOPKEEPERS);
                groupService.putMemberChecked(group, "partner@herald.test", NeedToKnow.RESTRICTED, true);
                starterKit.ensure(organisation.id());
                LocalDate day = LocalDate.now(PartnerEvent.ZONE).plusDays(14);
                events.createChecked(
                        organisation.id(),
                        new EventDraft(
                                EventKind.TRAINING,
                                "Formation : les réseaux sociaux de votre commerce en toute sécurité",
                                "Choisir un canal, garder un ton positif, ne rien publier qui aide les auteurs, et"
                                        + " toujours rappeler le 112 et le 101.",
                                "Maison du Commerce, Liège",
                                day.atTime(18, 30),
                                day.atTime(20, 30),
                                25,
                                Language.FR,
                                NeedToKnow.BASIC),
                        false,
                        List.of(group.id()));
            } else if (organisation.name(Language.NL).contains("Sint-Amandsberg")) {
                groupService.createChecked(organisation.id(), GHENT_GROUP, GroupKind.NEIGHBOURHOOD_NETWORK);
            }
        }
    }

    private void as(String email) {
        var person = people.byEmail(email).orElseThrow();
        Actor.Principal principal = new DemoPrincipal(person.id().value(), person.displayName());
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, List.of()));
    }

    /** Who the demo acts as while seeding. */
    private record DemoPrincipal(UUID userId, String displayName) implements Actor.Principal {}
}
