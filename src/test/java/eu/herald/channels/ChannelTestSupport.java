package eu.herald.channels;

import eu.herald.accounts.OrganisationId;
import eu.herald.accounts.People;
import eu.herald.common.Actor;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/** Acting as a demo user in service-level tests, and the demo organisations' ids. */
public final class ChannelTestSupport {

    private ChannelTestSupport() {}

    record TestPrincipal(UUID userId, String displayName) implements Actor.Principal {}

    public static void actAs(People people, String email) {
        var person = people.byEmail(email).orElseThrow();
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        new TestPrincipal(person.id().value(), person.displayName()), null, List.of()));
    }

    public static void signOut() {
        SecurityContextHolder.clearContext();
    }

    public static OrganisationId ixelles(JdbcClient jdbc) {
        return new OrganisationId(jdbc.sql("SELECT id FROM accounts.organisation WHERE name_fr = 'Commune d''Ixelles'")
                .query(UUID.class)
                .single());
    }

    public static OrganisationId federal(JdbcClient jdbc) {
        return new OrganisationId(jdbc.sql("SELECT id FROM accounts.organisation WHERE kind = 'FEDERAL'")
                .query(UUID.class)
                .single());
    }
}
