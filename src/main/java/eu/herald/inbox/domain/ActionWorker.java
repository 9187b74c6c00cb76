package eu.herald.inbox.domain;

import eu.herald.channels.ChannelAccountId;
import eu.herald.channels.ChannelGateway;
import eu.herald.channels.ConnectorException;
import eu.herald.common.Actor;
import eu.herald.common.Mailer;
import eu.herald.inbox.InboxChanged;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Does what intake decided after the item is stored — the durable queue is the {@code actions_pending} flag, so
 * nothing is lost when a node stops: emergencies first (an automatic reply in the author's language with the
 * emergency numbers, through the channel or by email; alerts to the on-duty moderators in-app and by email; the
 * dispatch room's webhook), then hiding abuse on the platform and forwarding tips to the police zone's intake address.
 * Each step is recorded when done, so a retry never repeats it. Woken by every commit with such items; also looks
 * every second.
 */
@Component
class ActionWorker implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ActionWorker.class);
    private static final int MAX_ATTEMPTS = 8;

    private final Items items;
    private final Conversations conversations;
    private final SettingsStore settings;
    private final ChannelGateway gateway;
    private final Mailer mailer;
    private final Responder responder;
    private final Alerts alerts;
    private final DispatchRoom dispatch;
    private final MessageSource messages;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Semaphore signal = new Semaphore(0);
    private volatile boolean running = true;
    private volatile Thread worker;

    ActionWorker(
            Items items,
            Conversations conversations,
            SettingsStore settings,
            ChannelGateway gateway,
            Mailer mailer,
            Responder responder,
            Alerts alerts,
            DispatchRoom dispatch,
            MessageSource messages,
            ApplicationEventPublisher events,
            TransactionTemplate transactions) {
        this.items = items;
        this.conversations = conversations;
        this.settings = settings;
        this.gateway = gateway;
        this.mailer = mailer;
        this.responder = responder;
        this.alerts = alerts;
        this.dispatch = dispatch;
        this.messages = messages;
        this.events = events;
        this.transactions = transactions;
    }

    @EventListener(ContextRefreshedEvent.class)
    void start() {
        if (worker == null) {
            worker = Thread.ofPlatform().name("inbox-actions").daemon().start(this::run);
        }
    }

    void wake() {
        signal.release();
    }

    private void run() {
        while (running) {
            try {
                signal.tryAcquire(1, TimeUnit.SECONDS);
                signal.drainPermits();
                while (running && drainOne()) {
                    // next
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.error("Inbox actions failed", e);
            }
        }
    }

    /** Handles the next pending item; false if there was none. Public for tests through {@link #drainAll()}. */
    boolean drainOne() {
        Boolean handled = transactions.execute(status -> {
            Optional<Item> next = items.claimPending(Instant.now());
            next.ifPresent(this::act);
            return next.isPresent();
        });
        return Boolean.TRUE.equals(handled);
    }

    /** Handles every pending item now (tests, and the scheduler's safety net). */
    int drainAll() {
        int n = 0;
        while (drainOne()) {
            n++;
        }
        return n;
    }

    private void act(Item item) {
        Settings s = settings.of(item.organisation());
        boolean retry = false;
        try {
            if (item.emergency() && item.autoRepliedAt() == null) {
                String text = s.nonUrgentNumber() == null
                        ? messages.getMessage(
                                "inbox.emergency.autoReply.noNumber",
                                new Object[] {s.emergencyNumber()},
                                item.language().locale())
                        : messages.getMessage(
                                "inbox.emergency.autoReply",
                                new Object[] {s.emergencyNumber(), s.nonUrgentNumber()},
                                item.language().locale());
                String outcome = responder
                        .send(item, text, "inbox-emergency-" + item.id())
                        .name();
                conversations.reply(item.id(), text, true, outcome, null, Actor.SYSTEM.name());
                items.markAutoReplied(item.id(), Instant.now());
                events.publishEvent(InboxChanged.item(
                        Actor.SYSTEM, "autoReplied", item.organisation(), item.id(), Map.of("outcome", outcome)));
            }
            if (item.escalated() && item.alertedAt() == null) {
                String key = item.emergency() ? "inbox.notice.emergency" : "inbox.notice.escalated";
                alerts.tell(
                        item.organisation(),
                        key,
                        List.of(
                                item.channel().name(),
                                item.language().code(),
                                item.category().name()),
                        "/inbox/items/" + item.id());
                if (item.emergency() && s.dispatchUrl() != null && s.dispatchSecretUnreadable()) {
                    // never sign with a guess: the moderators were told above, the settings page asks for the secret
                    log.warn("No dispatch-room alert for an emergency: the organisation's dispatch secret does not"
                            + " open and must be entered again on the settings page");
                }
                if (item.emergency() && s.dispatchUrl() != null && s.dispatchSecret() != null) {
                    boolean delivered = dispatch.send(
                            s.dispatchUrl(),
                            s.dispatchSecret(),
                            new DispatchRoom.Alert(
                                    item.id().toString(),
                                    item.organisation().toString(),
                                    item.category().name(),
                                    item.channel().name(),
                                    item.language().code(),
                                    item.text(),
                                    item.receivedAt().toString(),
                                    "/inbox/items/" + item.id()));
                    if (!delivered) {
                        retry = true;
                    }
                }
                if (!retry) {
                    items.markAlerted(item.id(), Instant.now());
                    events.publishEvent(InboxChanged.item(
                            Actor.SYSTEM, "escalated", item.organisation(), item.id(), Map.of("notice", key)));
                }
            }
            if (needsHiding(item) && item.hiddenOnPlatform() == null) {
                boolean hidden =
                        item.account() != null && gateway.hide(new ChannelAccountId(item.account()), item.platformId());
                items.markHidden(item.id(), hidden);
                events.publishEvent(InboxChanged.item(
                        Actor.SYSTEM, "hidden", item.organisation(), item.id(), Map.of("onPlatform", hidden)));
            }
            if (needsForwarding(item) && item.forwardedAt() == null && s.tipEmail() != null) {
                Mailer.Outcome sent = mailer.send(
                        s.tipEmail(),
                        messages.getMessage(
                                "inbox.tip.subject",
                                new Object[] {item.channel().name()},
                                item.language().locale()),
                        messages.getMessage(
                                "inbox.tip.body",
                                new Object[] {
                                    item.text(),
                                    item.authorHandle(),
                                    item.receivedAt().toString()
                                },
                                item.language().locale()));
                if (sent == Mailer.Outcome.FAILED) {
                    retry = true;
                } else {
                    items.markForwarded(item.id(), Instant.now());
                    events.publishEvent(InboxChanged.item(
                            Actor.SYSTEM, "forwarded", item.organisation(), item.id(), Map.of("mail", sent.name())));
                }
            }
        } catch (ConnectorException.Transient e) {
            retry = true;
            log.warn(
                    "Inbox action on a platform to be retried: {}", e.getClass().getSimpleName());
        } catch (ConnectorException e) {
            log.warn("Inbox action refused by the platform: {}", e.getClass().getSimpleName());
        }
        if (retry) {
            Duration wait = Duration.ofMinutes(1);
            items.actionsRetry(item.id(), Instant.now().plus(wait), MAX_ATTEMPTS);
        } else {
            items.actionsDone(item.id(), Instant.now());
        }
    }

    private static boolean needsHiding(Item item) {
        return item.hideRequested() && item.status() != ItemStatus.HIDDEN;
    }

    private static boolean needsForwarding(Item item) {
        return item.forwardRequested();
    }

    @Override
    public void destroy() throws InterruptedException {
        running = false;
        Thread w = worker;
        if (w != null) {
            w.interrupt();
            w.join(5_000);
        }
    }
}
