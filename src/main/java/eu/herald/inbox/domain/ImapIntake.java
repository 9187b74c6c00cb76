package eu.herald.inbox.domain;

import eu.herald.accounts.OrganisationId;
import eu.herald.common.Channel;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.search.FlagTerm;
import java.io.IOException;
import java.time.Instant;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Replies to Herald's emails, read over IMAP (Jakarta Mail) from the mailbox {@code HERALD_IMAP_*}; off while no host
 * is set. The organisation is named in the address the citizen answered ({@code inbox+<organisation id>@…}, the
 * reply-to Herald puts on its emails) — a message without one is left unread for a person to look at. Quoted lines
 * ({@code >}) are dropped; the message is marked seen only once stored.
 */
@Component
class ImapIntake {

    private static final Logger log = LoggerFactory.getLogger(ImapIntake.class);
    private static final Pattern TAG = Pattern.compile(
            "\\+([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})@", Pattern.CASE_INSENSITIVE);

    private final ImapProperties imap;
    private final Intake intake;

    ImapIntake(ImapProperties imap, Intake intake) {
        this.imap = imap;
        this.intake = intake;
    }

    @Scheduled(fixedDelayString = "${herald.imap.interval:PT1M}", initialDelayString = "PT20S")
    void poll() {
        if (!imap.configured()) {
            return;
        }
        try {
            int n = fetch();
            if (n > 0) {
                log.info("Read {} email replies into the inbox", n);
            }
        } catch (MessagingException | IOException e) {
            log.warn("Reading the IMAP mailbox failed: {}", e.getClass().getSimpleName());
        }
    }

    /** Reads the unseen messages; returns how many were stored. */
    int fetch() throws MessagingException, IOException {
        String protocol = imap.ssl() ? "imaps" : "imap";
        Properties props = new Properties();
        long timeout = imap.timeout().toMillis();
        props.put("mail." + protocol + ".connectiontimeout", Long.toString(timeout));
        props.put("mail." + protocol + ".timeout", Long.toString(timeout));
        Session session = Session.getInstance(props);
        int stored = 0;
        try (Store store = session.getStore(protocol)) {
            store.connect(imap.host(), imap.port(), imap.user(), imap.password());
            Folder folder = store.getFolder(imap.folder());
            folder.open(Folder.READ_WRITE);
            try {
                for (Message message : folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false))) {
                    Incoming in = incoming(message);
                    if (in == null) {
                        message.setFlag(Flags.Flag.SEEN, false);
                        continue;
                    }
                    intake.receiveNow(in);
                    message.setFlag(Flags.Flag.SEEN, true);
                    stored++;
                }
            } finally {
                folder.close(false);
            }
        }
        return stored;
    }

    @Nullable
    Incoming incoming(Message message) throws MessagingException, IOException {
        UUID organisation = organisation(message);
        if (organisation == null) {
            return null;
        }
        String[] ids = message.getHeader("Message-ID");
        String messageId = ids != null && ids.length > 0 ? ids[0] : "imap-" + UUID.randomUUID();
        String[] inReplyTo = message.getHeader("In-Reply-To");
        Address[] from = message.getFrom();
        String email = from != null && from.length > 0 && from[0] instanceof InternetAddress a ? a.getAddress() : null;
        String name = from != null && from.length > 0 && from[0] instanceof InternetAddress a && a.getPersonal() != null
                ? a.getPersonal()
                : (email == null ? "?" : email);
        String subject = message.getSubject() == null ? "" : message.getSubject();
        String body = unquoted(text(message));
        Instant at = message.getSentDate() == null
                ? Instant.now()
                : message.getSentDate().toInstant();
        return new Incoming(
                new OrganisationId(organisation),
                "imap",
                null,
                Channel.EMAIL,
                messageId,
                ItemKind.EMAIL,
                inReplyTo != null && inReplyTo.length > 0 ? inReplyTo[0] : null,
                name,
                email,
                (subject.isBlank() ? "" : subject + "\n\n") + body,
                null,
                at);
    }

    private static @Nullable UUID organisation(Message message) throws MessagingException {
        Address[] recipients = message.getAllRecipients();
        if (recipients == null) {
            return null;
        }
        for (Address address : recipients) {
            Matcher m = TAG.matcher(address.toString());
            if (m.find()) {
                return UUID.fromString(m.group(1));
            }
        }
        return null;
    }

    private static String text(jakarta.mail.Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            return String.valueOf(part.getContent());
        }
        if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                String text = text(child);
                if (!text.isBlank()) {
                    return text;
                }
            }
        }
        return "";
    }

    /** Drops quoted lines and everything from the usual "On … wrote:" line on. */
    static String unquoted(String text) {
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\\R")) {
            String trimmed = line.strip();
            if (trimmed.startsWith(">")) {
                continue;
            }
            if (trimmed.matches("(?i)^(on|op|le|am) .{3,200}(wrote|schreef|a écrit|schrieb)\\s*:$")) {
                break;
            }
            out.append(line).append('\n');
        }
        return out.toString().strip();
    }
}
