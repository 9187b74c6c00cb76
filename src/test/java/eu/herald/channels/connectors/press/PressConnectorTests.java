package eu.herald.channels.connectors.press;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import eu.herald.HeraldTest;
import eu.herald.TestMail;
import eu.herald.accounts.People;
import eu.herald.channels.ChannelAccountId;
import eu.herald.channels.ChannelGateway;
import eu.herald.channels.ChannelTestSupport;
import eu.herald.channels.ChannelType;
import eu.herald.channels.ConnectorException;
import eu.herald.channels.Post;
import eu.herald.channels.Published;
import eu.herald.channels.domain.ChannelAccountService;
import eu.herald.common.Language;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The press list on a real SMTP server (GreenMail): one press-ready email per contact, never twice to anyone. */
@HeraldTest
class PressConnectorTests {

    @RegisterExtension
    static GreenMailExtension mail = TestMail.server();

    @Autowired
    ChannelGateway gateway;

    @Autowired
    ChannelAccountService service;

    @Autowired
    People people;

    @Autowired
    JdbcClient jdbc;

    ChannelAccountId account;

    @BeforeEach
    void connect() {
        ChannelTestSupport.actAs(people, "communicator@herald.test");
        account = service.connect(
                        ChannelTestSupport.ixelles(jdbc),
                        ChannelType.PRESS,
                        "Press " + UUID.randomUUID(),
                        Map.of(
                                "contacts",
                                "BX1 rédaction; redaction@bx1.example; TV\nTeletekst; desk@teletext.example; teletext",
                                "contactEmail",
                                "pers@elsene.example",
                                "contactName",
                                "Persdienst Elsene"))
                .id();
        ChannelTestSupport.signOut();
    }

    @AfterEach
    void signOut() {
        ChannelTestSupport.signOut();
    }

    static Post post(String key) {
        return new Post(
                key,
                "Fermez la porte à clé, même pour cinq minutes.",
                Language.FR,
                "Porte verrouillée",
                "https://www.ixelles.example/prevention",
                List.of(new Post.Attachment(
                        "porte.png", "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'}, "Une porte fermée à clé")),
                Map.of("organisationName", "Commune d'Ixelles"));
    }

    @Test
    void sendsOnePressReadyEmailPerContactInThePostsLanguage() throws Exception {
        Published published = gateway.publish(account, post("press-1"));

        assertThat(published.externalId()).isEqualTo("press-1");
        await().atMost(Duration.ofSeconds(10)).until(() -> mail.getReceivedMessages().length == 2);
        MimeMessage[] messages = mail.getReceivedMessages();
        assertThat(Arrays.stream(messages).map(PressConnectorTests::recipient))
                .containsExactlyInAnyOrder("redaction@bx1.example", "desk@teletext.example");
        MimeMessage first = messages[0];
        assertThat(first.getSubject()).isEqualTo("Porte verrouillée");
        assertThat(first.getReplyTo()[0].toString()).isEqualTo("pers@elsene.example");
        String text = text(first);
        assertThat(text)
                .contains("Pour publication — Commune d'Ixelles")
                .contains("Fermez la porte à clé, même pour cinq minutes.")
                .contains("Plus d’informations : https://www.ixelles.example/prevention")
                .contains("porte.png — Une porte fermée à clé")
                .contains("Contact presse : Persdienst Elsene, pers@elsene.example");
        assertThat(attachments(first)).containsExactly("porte.png");

        gateway.publish(account, post("press-1"));
        Thread.sleep(500);
        assertThat(mail.getReceivedMessages()).hasSize(2);
        assertThat(gateway.find(account, post("press-1"))).isPresent();
    }

    @Test
    void aRetrySendsOnlyToTheContactWhoseEmailFailed() throws Exception {
        jdbc.sql("INSERT INTO channels.press_send (account_id, idempotency_key, contact_email, status, attempts,"
                        + " last_at) VALUES (?, 'press-2', 'redaction@bx1.example', 'SENT', 1, now()),"
                        + " (?, 'press-2', 'desk@teletext.example', 'FAILED', 1, now())")
                .params(account.value(), account.value())
                .update();
        assertThat(gateway.find(account, post("press-2"))).isEmpty();

        gateway.publish(account, post("press-2"));

        await().atMost(Duration.ofSeconds(10)).until(() -> mail.getReceivedMessages().length == 1);
        Thread.sleep(300);
        assertThat(mail.getReceivedMessages())
                .singleElement()
                .satisfies(m -> assertThat(recipient(m)).isEqualTo("desk@teletext.example"));
        assertThat(jdbc.sql("SELECT attempts FROM channels.press_send WHERE account_id = ? AND contact_email ="
                                + " 'desk@teletext.example'")
                        .param(account.value())
                        .query(Integer.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void aMailServerThatIsDownIsTransientAndRecordedPerContact() {
        mail.stop();

        assertThatThrownBy(() -> gateway.publish(account, post("press-3")))
                .isInstanceOfSatisfying(
                        ConnectorException.Transient.class,
                        e -> assertThat(e.explanation()).contains("2 of 2 contacts"));
        assertThat(jdbc.sql("SELECT count(*) FROM channels.press_send WHERE account_id = ? AND idempotency_key ="
                                + " 'press-3' AND status = 'FAILED'")
                        .param(account.value())
                        .query(Integer.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void aBadContactListIsRefusedInTheUsersLanguage() {
        ChannelTestSupport.actAs(people, "communicator@herald.test");
        assertThatThrownBy(() -> service.connect(
                        ChannelTestSupport.ixelles(jdbc),
                        ChannelType.PRESS,
                        "Bad press " + UUID.randomUUID(),
                        Map.of(
                                "contacts",
                                "BX1; redaction@bx1.example; TV\nNo kind; desk@teletext.example; radio",
                                "contactEmail",
                                "pers@elsene.example")))
                .isInstanceOfSatisfying(eu.herald.common.RefusedException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("channels.press.contact.kind");
                    assertThat(e.arguments()).containsExactly(2);
                });
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(Part part) throws Exception {
        if (part.isMimeType("text/plain")) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String text = text(multipart.getBodyPart(i));
                if (!text.isEmpty()) {
                    return text;
                }
            }
        }
        return "";
    }

    private static List<String> attachments(Part part) throws Exception {
        List<String> names = new ArrayList<>();
        if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            names.add(part.getFileName());
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                names.addAll(attachments(multipart.getBodyPart(i)));
            }
        }
        return names;
    }
}
