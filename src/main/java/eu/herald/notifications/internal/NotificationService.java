package eu.herald.notifications.internal;

import eu.herald.accounts.People;
import eu.herald.accounts.UserId;
import eu.herald.common.HeraldProperties;
import eu.herald.common.Mailer;
import eu.herald.notifications.Notice;
import eu.herald.notifications.Notifications;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.MessageSource;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Stores notices with the caller's transaction and emails them after it commits, on a small pool of virtual threads so
 * a slow SMTP server never holds a request or a transaction. An email whose node stopped before sending it is picked up
 * by a sweep; the PENDING → SENDING claim makes sure it goes out once.
 */
@Service
class NotificationService implements Notifications, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(NotificationService.class);
    private static final Duration SWEEP_AFTER = Duration.ofMinutes(2);

    private final Notices notices;
    private final People people;
    private final Mailer mailer;
    private final MessageSource messages;
    private final HeraldProperties herald;
    private final Clock clock = Clock.systemUTC();
    private final ExecutorService mail = Executors.newVirtualThreadPerTaskExecutor();

    NotificationService(
            Notices notices, People people, Mailer mailer, MessageSource messages, HeraldProperties herald) {
        this.notices = notices;
        this.people = people;
        this.mailer = mailer;
        this.messages = messages;
        this.herald = herald;
    }

    @Override
    @Transactional(propagation = Propagation.REQUIRED)
    public void notify(Notice notice) {
        if (notice.key().isBlank()) {
            throw new IllegalArgumentException("A notice needs a message key");
        }
        String link = notice.link();
        if (link != null && (!link.startsWith("/") || link.startsWith("//") || link.startsWith("/\\"))) {
            throw new IllegalArgumentException("A notice links inside Herald only");
        }
        List<UUID> toEmail = new ArrayList<>();
        for (UserId recipient : notice.recipients()) {
            Optional<People.Contact> contact = people.contact(recipient);
            if (contact.isEmpty() || !contact.get().active()) {
                continue;
            }
            UUID id = UUID.randomUUID();
            notices.insert(
                    id,
                    recipient.value(),
                    notice.key(),
                    notice.args(),
                    link,
                    notice.email() ? EmailState.PENDING : EmailState.NOT_ASKED);
            if (notice.email()) {
                toEmail.add(id);
            }
        }
        if (toEmail.isEmpty()) {
            return;
        }
        Runnable send = () -> toEmail.forEach(id -> mail.execute(() -> email(id)));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    send.run();
                }
            });
        } else {
            send.run();
        }
    }

    /** Sends emails that were left PENDING (their node stopped between commit and sending). */
    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
    void sweep() {
        notices.pendingSince(clock.instant().minus(SWEEP_AFTER)).forEach(this::email);
    }

    /** Claims and sends one notice's email, recording the outcome. */
    void email(UUID id) {
        try {
            if (!notices.claim(id)) {
                return;
            }
            Optional<eu.herald.notifications.internal.Notice> stored = notices.find(id);
            Optional<People.Contact> contact = stored.flatMap(n -> people.contact(new UserId(n.recipient())))
                    .filter(People.Contact::active);
            if (stored.isEmpty() || contact.isEmpty()) {
                notices.emailed(id, EmailState.FAILED);
                return;
            }
            eu.herald.notifications.internal.Notice notice = stored.get();
            Locale locale = contact.get().language().locale();
            Object[] args = notice.args().toArray();
            String subject = messages.getMessage(notice.key() + ".subject", args, locale);
            StringBuilder body = new StringBuilder(messages.getMessage(notice.key() + ".body", args, locale));
            String base = herald.publicBaseUrl().toString().replaceAll("/$", "");
            if (notice.link() != null) {
                body.append("\n\n").append(base).append(notice.link());
            }
            body.append("\n\n-- \n")
                    .append(messages.getMessage(
                            "notifications.mail.footer", new Object[] {base + "/notifications"}, locale));
            Mailer.Outcome outcome = mailer.send(contact.get().email(), subject, body.toString());
            notices.emailed(id, EmailState.valueOf(outcome.name()));
        } catch (RuntimeException e) {
            log.warn("Emailing notice {} failed: {}", id, e.getClass().getSimpleName());
            notices.emailed(id, EmailState.FAILED);
        }
    }

    @Override
    public void destroy() {
        mail.shutdown();
    }
}
