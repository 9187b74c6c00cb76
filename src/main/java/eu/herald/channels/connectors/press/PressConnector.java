package eu.herald.channels.connectors.press;

import eu.herald.accounts.Access;
import eu.herald.channels.ChannelType;
import eu.herald.channels.ConnectorException;
import eu.herald.channels.Post;
import eu.herald.channels.PostMetrics;
import eu.herald.channels.Published;
import eu.herald.channels.Reaction;
import eu.herald.channels.ReactionPage;
import eu.herald.channels.connectors.ConnectedAccount;
import eu.herald.channels.connectors.Connector;
import eu.herald.channels.connectors.Health;
import eu.herald.common.Mailer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A press list: each media contact (local TV, teletext desk, newspaper) receives a press-ready email in the post's
 * language — headline, text, link, the images as attachments with their descriptions, and the organisation's press
 * contact (also the Reply-To). Each contact's outcome is recorded per post, so a retry sends only to the contacts whose
 * email failed and never twice to the others. The post's id on the "platform" is its idempotency key.
 */
@Component
public class PressConnector implements Connector {

    private final Mailer mailer;
    private final PressSends sends;
    private final MessageSource messages;
    private final Access access;
    private final Clock clock = Clock.systemUTC();

    PressConnector(Mailer mailer, PressSends sends, MessageSource messages, Access access) {
        this.mailer = mailer;
        this.sends = sends;
        this.messages = messages;
        this.access = access;
    }

    @Override
    public ChannelType type() {
        return ChannelType.PRESS;
    }

    @Override
    public Published publish(ConnectedAccount account, Post post) {
        if (!mailer.configured()) {
            throw new ConnectorException.Permanent(
                    "No mail server is configured (HERALD_SMTP_HOST): press emails cannot be sent", false, null);
        }
        List<PressContact> contacts = contacts(account);
        Map<String, PressSends.Status> before = sends.of(account.account().id(), post.idempotencyKey());
        Locale locale = post.language().locale();
        String subject = subject(post);
        String body = body(account, post, locale);
        List<Mailer.Attachment> attachments = new ArrayList<>();
        for (Post.Attachment media : post.media()) {
            if (media.content().length > 0) {
                attachments.add(new Mailer.Attachment(media.fileName(), media.contentType(), media.content()));
            }
        }
        int failed = 0;
        for (PressContact contact : contacts) {
            if (before.get(contact.email()) == PressSends.Status.SENT) {
                continue;
            }
            Mailer.Outcome outcome = mailer.sendWithAttachments(
                    contact.email(), subject, body, account.settings().get("contactEmail"), attachments);
            PressSends.Status status =
                    outcome == Mailer.Outcome.SENT ? PressSends.Status.SENT : PressSends.Status.FAILED;
            sends.record(account.account().id(), post.idempotencyKey(), contact.email(), status, clock.instant());
            if (status == PressSends.Status.FAILED) {
                failed++;
            }
        }
        if (failed > 0) {
            throw new ConnectorException.Transient(
                    "The press email could not be sent to " + failed + " of " + contacts.size()
                            + " contacts; a retry sends it only to them",
                    Duration.ofMinutes(1),
                    null);
        }
        return new Published(post.idempotencyKey(), null);
    }

    /** Found when every contact on the list has received it. */
    @Override
    public Optional<Published> find(ConnectedAccount account, Post post) {
        Map<String, PressSends.Status> sent = sends.of(account.account().id(), post.idempotencyKey());
        boolean all = contacts(account).stream().allMatch(c -> sent.get(c.email()) == PressSends.Status.SENT);
        return all ? Optional.of(new Published(post.idempotencyKey(), null)) : Optional.empty();
    }

    @Override
    public void remove(ConnectedAccount account, String externalId) {
        throw new UnsupportedOperationException("An email that was sent cannot be taken back");
    }

    @Override
    public ReactionPage reactions(ConnectedAccount account, @Nullable String cursor) {
        throw new UnsupportedOperationException("Journalists answer the press contact by email");
    }

    @Override
    public Published reply(ConnectedAccount account, Reaction inReplyTo, String text, String idempotencyKey) {
        throw new UnsupportedOperationException("Journalists answer the press contact by email");
    }

    @Override
    public boolean hide(ConnectedAccount account, String reactionExternalId) {
        return false;
    }

    @Override
    public List<Reaction> search(ConnectedAccount account, String query) {
        throw new UnsupportedOperationException("A press list cannot be searched");
    }

    @Override
    public PostMetrics metrics(ConnectedAccount account, String externalId) {
        throw new UnsupportedOperationException("A press list reports no metrics");
    }

    /**
     * The list is readable. A missing mail server is Herald's installation, not the list's settings: the list is
     * accepted, and publishing says so.
     */
    @Override
    public Health check(ConnectedAccount account) {
        List<PressContact> contacts = contacts(account);
        return new Health(contacts.size() + " × " + account.settings().get("contactEmail"), null, null, null, null);
    }

    private static List<PressContact> contacts(ConnectedAccount account) {
        try {
            return PressContact.parse(account.setting("contacts"));
        } catch (PressContact.InvalidLine e) {
            throw new ConnectorException.Permanent("The press list is not valid: " + e.getMessage(), false, e);
        }
    }

    private static String subject(Post post) {
        if (post.title() != null && !post.title().isBlank()) {
            return post.title().strip();
        }
        String first = post.text().strip().lines().findFirst().orElse("");
        return first.length() > 100 ? first.substring(0, 99) + "…" : first;
    }

    private String body(ConnectedAccount account, Post post, Locale locale) {
        String organisation = post.context().get("organisationName");
        if (organisation == null) {
            organisation = access.organisation(account.account().organisation())
                    .map(o -> o.name(post.language()))
                    .orElse("");
        }
        StringBuilder text = new StringBuilder();
        text.append(message("channels.press.forPublication", locale));
        if (!organisation.isBlank()) {
            text.append(" — ").append(organisation);
        }
        text.append("\n\n");
        if (post.title() != null && !post.title().isBlank()) {
            text.append(post.title().strip()).append("\n\n");
        }
        text.append(post.text().strip()).append("\n");
        if (post.link() != null && !post.link().isBlank()) {
            text.append("\n").append(message("channels.press.moreInformation", locale, post.link()));
            text.append("\n");
        }
        List<String> images = new ArrayList<>();
        for (Post.Attachment media : post.media()) {
            if (media.content().length > 0) {
                images.add(media.fileName() + " — " + media.altText());
            }
        }
        if (!images.isEmpty()) {
            text.append("\n").append(message("channels.press.images", locale, String.join("; ", images)));
            text.append("\n");
        }
        String name = account.settings().get("contactName");
        String email = account.settings().get("contactEmail");
        text.append("\n-- \n")
                .append(message(
                        "channels.press.contact", locale, (name == null || name.isBlank() ? "" : name + ", ") + email))
                .append("\n");
        return text.toString();
    }

    private String message(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
