package eu.herald.inbox.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import eu.herald.channels.ChannelGateway;
import eu.herald.common.Channel;
import eu.herald.common.Language;
import eu.herald.common.Mailer;
import eu.herald.inbox.Category;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;

/** An emailed answer carries a Reply-To that brings the citizen's next answer back to the same organisation's inbox. */
class ResponderTests {

    static final UUID ZONE = UUID.fromString("5f0c8a52-3b7e-4d59-9a1e-2c4b8d6e7f10");

    static ImapProperties mailbox(@Nullable String host, @Nullable String user) {
        return new ImapProperties(host, 993, user, "secret", true, "INBOX", Duration.ofSeconds(10));
    }

    @Test
    void theReplyAddressTagsTheMailboxWithTheOrganisation() {
        assertThat(mailbox("imap.zone.example", "inbox@herald.example").replyAddress(ZONE))
                .isEqualTo("inbox+" + ZONE + "@herald.example");
        assertThat(mailbox("imap.zone.example", "inbox+old@herald.example").replyAddress(ZONE))
                .isEqualTo("inbox+" + ZONE + "@herald.example");
        assertThat(mailbox(null, "inbox@herald.example").replyAddress(ZONE))
                .as("no mailbox is read: an answer would be lost")
                .isNull();
        assertThat(mailbox("imap.zone.example", "inbox").replyAddress(ZONE))
                .as("a user name that is no address")
                .isNull();
    }

    @Test
    void anEmailedAnswerSetsTheReplyToOfTheItemsOrganisation() {
        Mailer mailer = mock(Mailer.class);
        when(mailer.send(anyString(), anyString(), anyString(), anyMap())).thenReturn(Mailer.Outcome.SENT);
        StaticMessageSource messages = new StaticMessageSource();
        messages.addMessage("inbox.reply.subject", Locale.forLanguageTag("nl"), "Uw bericht aan de politie");
        Responder responder = new Responder(
                mock(ChannelGateway.class), mailer, messages, mailbox("imap.zone.example", "inbox@herald.example"));

        ReplyOutcome outcome = responder.send(contactFormItem(), "Bel 112 bij nood.", "key-1");

        assertThat(outcome).isEqualTo(ReplyOutcome.SENT);
        verify(mailer)
                .send(
                        eq("els@example.org"),
                        eq("Uw bericht aan de politie"),
                        eq("Bel 112 bij nood."),
                        eq(Map.of("Reply-To", "inbox+" + ZONE + "@herald.example")));
    }

    private static Item contactFormItem() {
        return new Item(
                UUID.randomUUID(),
                ZONE,
                "contact",
                null,
                Channel.WEBSITE,
                "contact-1",
                ItemKind.CONTACT_FORM,
                null,
                "Els",
                "els@example.org",
                "Er wordt ingebroken!",
                null,
                Language.NL,
                Instant.now(),
                Category.EMERGENCY,
                0.9,
                1,
                false,
                ItemStatus.OPEN,
                null,
                null,
                null,
                null,
                null,
                true,
                false,
                false,
                true,
                null,
                null,
                null,
                null,
                false,
                null,
                null);
    }
}
