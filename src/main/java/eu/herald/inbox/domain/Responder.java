package eu.herald.inbox.domain;

import eu.herald.channels.ChannelAccountId;
import eu.herald.channels.ChannelGateway;
import eu.herald.channels.ConnectorException;
import eu.herald.channels.Published;
import eu.herald.common.Mailer;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Answers an item's author: through the channel account it came by, or by email for emails and the contact form. */
@Component
class Responder {

    private final ChannelGateway gateway;
    private final Mailer mailer;
    private final MessageSource messages;
    private final ImapProperties imap;

    Responder(ChannelGateway gateway, Mailer mailer, MessageSource messages, ImapProperties imap) {
        this.gateway = gateway;
        this.mailer = mailer;
        this.messages = messages;
        this.imap = imap;
    }

    /**
     * Sends {@code text}. A permanent refusal of the platform is a {@link ReplyOutcome#FAILED}; a transient one is thrown
     * so that the caller can try again.
     */
    ReplyOutcome send(Item item, String text, String idempotencyKey) {
        if (item.kind().byEmail()) {
            if (item.authorEmail() == null) {
                return ReplyOutcome.NOT_POSSIBLE;
            }
            // the citizen's answer comes back to the inbox of the same organisation (read over IMAP)
            String replyTo = imap.replyAddress(item.organisation());
            Mailer.Outcome sent = mailer.send(
                    item.authorEmail(),
                    messages.getMessage(
                            "inbox.reply.subject", null, item.language().locale()),
                    text,
                    replyTo == null ? Map.of() : Map.of("Reply-To", replyTo));
            return switch (sent) {
                case SENT -> ReplyOutcome.SENT;
                case FAILED -> ReplyOutcome.FAILED;
                case NOT_CONFIGURED -> ReplyOutcome.NOT_POSSIBLE;
            };
        }
        if (item.account() == null) {
            return ReplyOutcome.NOT_POSSIBLE;
        }
        try {
            Published published =
                    gateway.reply(new ChannelAccountId(item.account()), item.reaction(), text, idempotencyKey);
            return published.externalId().isBlank() ? ReplyOutcome.FAILED : ReplyOutcome.SENT;
        } catch (ConnectorException.Permanent | ConnectorException.UnknownOutcome e) {
            return ReplyOutcome.FAILED;
        } catch (UnsupportedOperationException e) {
            // the platform offers no way to answer (e.g. a webhook receiver): the moderator answers elsewhere
            return ReplyOutcome.NOT_POSSIBLE;
        }
    }
}
