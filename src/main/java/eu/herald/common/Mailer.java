package eu.herald.common;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends email through the SMTP server given by {@code HERALD_SMTP_*}. Without one, it says so instead of dropping the
 * message, so callers can show what would have been sent.
 */
@Component
public class Mailer {

    private static final Logger log = LoggerFactory.getLogger(Mailer.class);

    private final ObjectProvider<JavaMailSender> sender;
    private final String from;

    Mailer(ObjectProvider<JavaMailSender> sender, @Value("${HERALD_MAIL_FROM:herald@localhost}") String from) {
        this.sender = sender;
        this.from = from;
    }

    /** Whether an SMTP server is configured. */
    public boolean configured() {
        return sender.getIfAvailable() != null;
    }

    /** What happened to a message. */
    public enum Outcome {
        SENT,
        NOT_CONFIGURED,
        FAILED
    }

    /** Sends a plain-text message; never throws for a delivery problem, which is logged without the address. */
    public Outcome send(String to, String subject, String text) {
        JavaMailSender mail = sender.getIfAvailable();
        if (mail == null) {
            return Outcome.NOT_CONFIGURED;
        }
        try {
            MimeMessage message = mail.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
            helper.setFrom(from);
            helper.setTo(to);
            helper.setSubject(subject);
            helper.setText(text, false);
            mail.send(message);
            return Outcome.SENT;
        } catch (MailException | MessagingException e) {
            log.warn("Sending an email failed: {}", e.getClass().getSimpleName());
            return Outcome.FAILED;
        }
    }

    /** A file sent with a message. */
    public record Attachment(String fileName, String contentType, byte[] content) {}

    /**
     * Sends a plain-text message with attachments and, if given, a Reply-To address (e.g. an organisation's press
     * contact); never throws for a delivery problem, which is logged without the address.
     */
    public Outcome sendWithAttachments(
            String to, String subject, String text, @Nullable String replyTo, List<Attachment> attachments) {
        JavaMailSender mail = sender.getIfAvailable();
        if (mail == null) {
            return Outcome.NOT_CONFIGURED;
        }
        try {
            MimeMessage message = mail.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, !attachments.isEmpty(), "UTF-8");
            helper.setFrom(from);
            helper.setTo(to);
            if (replyTo != null) {
                helper.setReplyTo(replyTo);
            }
            helper.setSubject(subject);
            helper.setText(text, false);
            for (Attachment attachment : attachments) {
                helper.addAttachment(
                        attachment.fileName(), new ByteArrayResource(attachment.content()), attachment.contentType());
            }
            mail.send(message);
            return Outcome.SENT;
        } catch (MailException | MessagingException e) {
            log.warn("Sending an email failed: {}", e.getClass().getSimpleName());
            return Outcome.FAILED;
        }
    }
}
