package eu.herald.campaigns.domain;

import eu.herald.accounts.Access;
import eu.herald.accounts.OrganisationSummary;
import eu.herald.accounts.People;
import eu.herald.accounts.Role;
import eu.herald.audiences.Audience;
import eu.herald.audiences.Audiences;
import eu.herald.common.Actor;
import eu.herald.common.Channel;
import eu.herald.common.HeraldProperties;
import eu.herald.common.Language;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Demo mode only, on the first start: a campaign of Ixelles for older residents with an approved, scheduled message
 * in Dutch and French and a message waiting for review — written through the real services, as the demo
 * communicator and approver, so the demo shows the workflow as it is.
 */
@Component
@Order(10)
class DemoCampaigns implements ApplicationRunner {

    private final HeraldProperties herald;
    private final People people;
    private final Access access;
    private final Audiences audiences;
    private final CampaignService campaigns;
    private final MessageService messages;
    private final JdbcClient jdbc;

    DemoCampaigns(
            HeraldProperties herald,
            People people,
            Access access,
            Audiences audiences,
            CampaignService campaigns,
            MessageService messages,
            JdbcClient jdbc) {
        this.herald = herald;
        this.people = people;
        this.access = access;
        this.audiences = audiences;
        this.campaigns = campaigns;
        this.messages = messages;
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!herald.demoMode()
                || jdbc.sql("SELECT EXISTS (SELECT 1 FROM campaigns.campaign)")
                        .query(Boolean.class)
                        .single()
                || people.byEmail("communicator@herald.test").isEmpty()) {
            return;
        }
        try {
            seed();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private void seed() {
        as("communicator@herald.test");
        OrganisationSummary ixelles = access.reachable(Role.COMMUNICATOR).getFirst();
        Audience older = audiences.audiences().stream()
                .filter(a -> a.name(Language.EN).toLowerCase().contains("older"))
                .findFirst()
                .orElse(audiences.audiences().getFirst());
        UUID burglary = campaigns.themes().stream()
                .filter(t -> t.key().equals("burglary"))
                .findFirst()
                .orElseThrow()
                .id();
        LocalDate today = LocalDate.now(FatigueBudget.BRUSSELS);
        Campaign campaign = campaigns.plan(new CampaignDraft(
                ixelles.id(),
                "Veilig thuis – Chez vous en sécurité",
                burglary,
                "Older residents lock doors and windows, also for a short absence.",
                "link clicks",
                BigDecimal.valueOf(500),
                today,
                today.plusWeeks(8),
                150_000,
                ixelles.municipalityCodes(),
                List.of(older.id()),
                List.of(Channel.FACEBOOK, Channel.POSTER)));
        campaigns.logEffort(
                campaign.id(), today, BigDecimal.valueOf(2.5), "Writing the messages with the prevention team");

        Message approved = messages.create(
                campaign.id(),
                "Deur op slot – Porte verrouillée",
                "Lock the door and the windows, also when you are out for a moment.");
        approved = messages.saveVariant(
                approved.id(),
                approved.version(),
                Channel.FACEBOOK,
                Language.NL,
                "Even naar de bakker? Sluit je deur en ramen, ook voor vijf minuten. Zo houd je inbrekers buiten."
                        + " Meer tips: https://www.elsene.be/preventie. Sociale media zijn geen noodlijn: bel bij nood"
                        + " 112, anders 101.",
                List.of(),
                List.of());
        approved = messages.saveVariant(
                approved.id(),
                approved.version(),
                Channel.FACEBOOK,
                Language.FR,
                "Un saut à la boulangerie ? Fermez porte et fenêtres, même pour cinq minutes. Plus de conseils :"
                        + " https://www.ixelles.be/prevention. Les réseaux sociaux ne sont pas une ligne d'urgence :"
                        + " en cas d'urgence, appelez le 112, sinon le 101.",
                List.of(),
                List.of());
        approved = messages.submit(approved.id(), approved.version());

        Message draft = messages.create(
                campaign.id(),
                "Buren helpen buren – Entre voisins",
                "Ask a neighbour to empty your letterbox when you are away.");
        draft = messages.saveVariant(
                draft.id(),
                draft.version(),
                Channel.FACEBOOK,
                Language.NL,
                "Op vakantie? Vraag een buur om je brievenbus leeg te maken. Meer tips:"
                        + " https://www.elsene.be/preventie. Bel bij nood 112, anders 101.",
                List.of(),
                List.of());
        messages.submit(draft.id(), draft.version());

        as("approver@herald.test");
        approved = messages.approve(approved.id(), approved.version());
        LocalDate nextTuesday = today.with(TemporalAdjusters.next(DayOfWeek.TUESDAY));
        messages.schedule(
                approved.id(),
                approved.version(),
                nextTuesday.atTime(10, 0).atZone(FatigueBudget.BRUSSELS).toInstant(),
                null);
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
