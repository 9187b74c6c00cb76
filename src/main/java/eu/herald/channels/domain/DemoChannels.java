package eu.herald.channels.domain;

import eu.herald.accounts.Access;
import eu.herald.accounts.OrganisationSummary;
import eu.herald.accounts.People;
import eu.herald.accounts.Role;
import eu.herald.channels.ChannelAccount;
import eu.herald.channels.ChannelType;
import eu.herald.channels.Post;
import eu.herald.common.Actor;
import eu.herald.common.HeraldProperties;
import eu.herald.common.Language;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Demo mode only, on the first start: Ixelles's public feed (with one entry) and its press list with one contact —
 * connected through the real service as the demo communicator. No account points at an outside service: the feed is
 * Herald's own and the press contact's address is on a reserved example domain.
 */
@Component
@Order(40)
class DemoChannels implements ApplicationRunner {

    private final HeraldProperties herald;
    private final People people;
    private final Access access;
    private final ChannelAccountService accounts;
    private final DatabaseChannelGateway gateway;
    private final JdbcClient jdbc;

    DemoChannels(
            HeraldProperties herald,
            People people,
            Access access,
            ChannelAccountService accounts,
            DatabaseChannelGateway gateway,
            JdbcClient jdbc) {
        this.herald = herald;
        this.people = people;
        this.access = access;
        this.accounts = accounts;
        this.gateway = gateway;
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!herald.demoMode()
                || jdbc.sql("SELECT EXISTS (SELECT 1 FROM channels.account)")
                        .query(Boolean.class)
                        .single()) {
            return;
        }
        var communicator = people.byEmail("communicator@herald.test");
        if (communicator.isEmpty()) {
            return;
        }
        try {
            SecurityContextHolder.getContext()
                    .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                            new DemoPrincipal(
                                    communicator.get().id().value(),
                                    communicator.get().displayName()),
                            null,
                            List.of()));
            seed();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private void seed() {
        List<OrganisationSummary> reach = access.reachable(Role.COMMUNICATOR);
        if (reach.isEmpty()) {
            return;
        }
        OrganisationSummary ixelles = reach.getFirst();
        ChannelAccount feed = accounts.connect(
                ixelles.id(), ChannelType.FEED, "Feed Elsene – Flux Ixelles", Map.of("feedTitle", "Elsene – Ixelles"));
        accounts.connect(
                ixelles.id(),
                ChannelType.PRESS,
                "Lokale pers – Presse locale",
                Map.of(
                        "contacts",
                        "BX1 rédaction; redaction@bx1.example; TV",
                        "contactEmail",
                        "prevention@ixelles.example",
                        "contactName",
                        "Service prévention – Dienst preventie"));
        gateway.publish(
                feed.id(),
                new Post(
                        "demo-feed-"
                                + UUID.nameUUIDFromBytes(
                                        ixelles.id().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                        "Même pour cinq minutes : fermez la porte et les fenêtres à clé. Les réseaux sociaux ne sont pas"
                                + " une ligne d'urgence : en cas d'urgence, appelez le 112, sinon le 101.",
                        Language.FR,
                        "Porte verrouillée",
                        null,
                        List.of(),
                        Map.of("theme", "burglary", "audiences", "older-residents")));
    }

    private record DemoPrincipal(UUID userId, String displayName) implements Actor.Principal {}
}
