package eu.herald.inbox.domain;

import eu.herald.accounts.Access;
import eu.herald.accounts.OrganisationId;
import eu.herald.accounts.OrganisationKind;
import eu.herald.accounts.OrganisationSummary;
import eu.herald.common.Channel;
import eu.herald.common.RefusedException;
import eu.herald.common.Secrets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The public contact form: a citizen writes to a police zone or municipality. Limited per sender address (only a
 * keyed hash of it is kept, for a day); the message enters the inbox like any other reaction and is answered by email.
 */
@Service
public class ContactForm {

    private final Access access;
    private final Intake intake;
    private final Secrets secrets;
    private final JdbcClient jdbc;
    private final InboxProperties properties;

    ContactForm(Access access, Intake intake, Secrets secrets, JdbcClient jdbc, InboxProperties properties) {
        this.access = access;
        this.intake = intake;
        this.secrets = secrets;
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** The organisations a citizen can write to. */
    public List<OrganisationSummary> recipients() {
        return access.active(OrganisationKind.POLICE_ZONE, OrganisationKind.MUNICIPALITY);
    }

    /**
     * Takes a message; refuses an unknown recipient or a sender over the day's limit (counted per client address).
     * Returns once it is stored.
     */
    public void submit(UUID organisation, String name, String email, String text, String clientAddress) {
        if (recipients().stream().noneMatch(o -> o.id().value().equals(organisation))) {
            throw new RefusedException("inbox.contact.organisationRequired");
        }
        String hash = secrets.sign("inbox-contact:" + clientAddress);
        Instant now = Instant.now();
        long recent = jdbc.sql("SELECT count(*) FROM inbox.contact_attempt WHERE address_hash = ? AND at > ?")
                .params(hash, Timestamp.from(now.minus(Duration.ofDays(1))))
                .query(Long.class)
                .single();
        if (recent >= properties.contactPerDay()) {
            throw new RefusedException("inbox.contact.tooMany");
        }
        jdbc.sql("INSERT INTO inbox.contact_attempt (address_hash, at) VALUES (?, ?)")
                .params(hash, Timestamp.from(now))
                .update();
        intake.receiveNow(new Incoming(
                new OrganisationId(organisation),
                "contact",
                null,
                Channel.WEBSITE,
                UUID.randomUUID().toString(),
                ItemKind.CONTACT_FORM,
                null,
                name.isBlank() ? email : name.strip(),
                email.strip(),
                text.strip(),
                null,
                now));
    }
}
