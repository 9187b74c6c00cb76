package eu.herald.inbox.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import eu.herald.HeraldTest;
import eu.herald.TestEnvironment;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Replies to Herald's emails read over IMAP (Jakarta Mail) from a real IMAP server (GreenMail) into the inbox. */
@HeraldTest
class ImapIntakeAppTests {

    static final int IMAP_PORT = TestEnvironment.SMTP_PORT + 20_000;

    @RegisterExtension
    static final GreenMailExtension imap = new GreenMailExtension(
                    new ServerSetup(IMAP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_IMAP))
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("inbox@herald.example", "inbox-password"))
            .withPerMethodLifecycle(true);

    @Autowired
    Intake intake;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aReplyToTheOrganisationsAddressIsStoredOnceAndMarkedSeen() throws Exception {
        UUID zone = jdbc.sql("SELECT id FROM accounts.organisation WHERE kind = 'POLICE_ZONE'"
                        + " AND concat(name_nl, name_fr, name_de, name_en) ILIKE '%Gent%' LIMIT 1")
                .query(UUID.class)
                .single();
        String marker = UUID.randomUUID().toString().substring(0, 8);
        MimeMessage reply = new MimeMessage(Session.getInstance(new Properties()));
        reply.setFrom(new InternetAddress("burger-" + marker + "@example.org", "Burger " + marker));
        reply.setRecipient(Message.RecipientType.TO, new InternetAddress("inbox+" + zone + "@herald.example"));
        reply.setSubject("Re: Uw bericht");
        reply.setHeader("In-Reply-To", "<notice-1@herald.example>");
        reply.setText(
                "Bedankt, maar mijn fiets is nog steeds weg.\n\nOp zo 29 nov. 2026 schreef Herald:\n> Beste burger");
        reply.saveChanges();
        // delivered into the mailbox Herald reads
        imap.getManagers()
                .getImapHostManager()
                .getInbox(imap.getManagers().getUserManager().getUser("inbox@herald.example"))
                .store(reply);

        ImapIntake reader = new ImapIntake(
                new ImapProperties(
                        "127.0.0.1",
                        IMAP_PORT,
                        "inbox@herald.example",
                        "inbox-password",
                        false,
                        "INBOX",
                        Duration.ofSeconds(5)),
                intake);
        assertThat(reader.fetch()).isEqualTo(1);
        assertThat(reader.fetch()).as("seen messages are not read again").isZero();

        Map<String, Object> item = jdbc.sql("SELECT * FROM inbox.item WHERE author_email = ?")
                .param("burger-" + marker + "@example.org")
                .query()
                .singleRow();
        assertThat(item.get("kind")).isEqualTo("EMAIL");
        assertThat(item.get("organisation_id")).isEqualTo(zone);
        assertThat(item.get("author_handle")).isEqualTo("Burger " + marker);
        assertThat((String) item.get("text"))
                .contains("mijn fiets is nog steeds weg")
                .doesNotContain("Beste burger");
        assertThat(item.get("in_reply_to")).isEqualTo("<notice-1@herald.example>");
    }
}
