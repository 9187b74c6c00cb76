package eu.herald.partners.domain;

import eu.herald.accounts.OrganisationId;
import eu.herald.accounts.People;
import eu.herald.accounts.UserId;
import eu.herald.common.Actor;
import eu.herald.common.HeraldProperties;
import eu.herald.common.Language;
import eu.herald.common.Mailer;
import eu.herald.common.NotFoundException;
import eu.herald.common.RefusedException;
import eu.herald.partners.GroupId;
import eu.herald.partners.PartnerAlertChanged;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Urgent partner alerts: an ADMIN or COMMUNICATOR of an organisation writes one for groups they organise for; it is
 * committed with one PENDING delivery per coordinator of those groups, then emailed at once — after the commit and
 * outside any transaction, so a slow mail server holds no database transaction — and each outcome (SENT, FAILED,
 * NOT_CONFIGURED, with its time) is recorded for the sender, who may send again to those it did not reach. The alert
 * is pinned at the top of the portal for the groups' members until it expires or is unpinned.
 */
@Service
public class AlertService {

    static final Duration LONGEST_PIN = Duration.ofDays(90);

    private final PartnerAlerts alerts;
    private final PartnerGroups groups;
    private final PartnerReach reach;
    private final People people;
    private final Mailer mailer;
    private final MessageSource messages;
    private final HeraldProperties herald;
    private final ApplicationEventPublisher publisher;
    private final TransactionTemplate transactions;
    private final TransactionTemplate reads;

    AlertService(
            PartnerAlerts alerts,
            PartnerGroups groups,
            PartnerReach reach,
            People people,
            Mailer mailer,
            MessageSource messages,
            HeraldProperties herald,
            ApplicationEventPublisher publisher,
            PlatformTransactionManager transactionManager) {
        this.alerts = alerts;
        this.groups = groups;
        this.reach = reach;
        this.people = people;
        this.mailer = mailer;
        this.messages = messages;
        this.herald = herald;
        this.publisher = publisher;
        this.transactions = new TransactionTemplate(transactionManager);
        this.reads = new TransactionTemplate(transactionManager);
        this.reads.setReadOnly(true);
    }

    /** An alert with its deliveries (for its organisers only) and what the caller may do. */
    public record AlertView(PartnerAlert alert, boolean organiser, List<AlertDelivery> deliveries) {

        public boolean undelivered() {
            return deliveries.stream().anyMatch(d -> d.status() != AlertDelivery.Status.SENT);
        }
    }

    /** The alerts pinned for the caller now, newest first. */
    public List<PartnerAlert> pinned() {
        return reads.execute(tx -> alerts.list(reach.current(), true, Instant.now()));
    }

    /** Every alert the caller sent or received, newest first. */
    public List<PartnerAlert> all() {
        return reads.execute(tx -> alerts.list(reach.current(), false, Instant.now()));
    }

    public AlertView view(UUID id) {
        return reads.execute(tx -> {
            PartnerAlert alert = readable(id);
            boolean organiser = reach.organises(alert.organisationId());
            return new AlertView(alert, organiser, organiser ? alerts.deliveries(id) : List.of());
        });
    }

    /** Commits the alert and its pending deliveries, then emails every coordinator; returns the alert. */
    public PartnerAlert send(
            OrganisationId organisation,
            List<GroupId> to,
            String title,
            String body,
            Language language,
            Instant expiresAt) {
        outsideTransactions();
        PartnerAlert alert = transactions.execute(tx -> {
            if (!reach.organises(organisation)) {
                throw new NotFoundException("organisation");
            }
            if (to.isEmpty()) {
                throw new RefusedException("partners.alert.groupsRequired");
            }
            for (GroupId group : to) {
                PartnerGroup found = groups.find(group).orElseThrow(() -> new NotFoundException("partner group"));
                if (!reach.organises(found.organisationId())) {
                    throw new NotFoundException("partner group");
                }
            }
            if (title.isBlank() || body.isBlank()) {
                throw new RefusedException("partners.alert.textRequired");
            }
            Instant now = Instant.now();
            if (!expiresAt.isAfter(now) || expiresAt.isAfter(now.plus(LONGEST_PIN))) {
                throw new RefusedException("partners.alert.expiryInvalid");
            }
            Actor actor = Actor.current();
            PartnerAlert created = new PartnerAlert(
                    UUID.randomUUID(),
                    organisation,
                    title.strip(),
                    body.strip(),
                    language,
                    actor.name(),
                    now,
                    expiresAt,
                    null,
                    List.copyOf(to));
            alerts.insert(created, GroupService.currentUser().value());
            int recipients = alerts.addCoordinators(created.id(), to);
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("title", created.title());
            after.put("groups", to.stream().map(GroupId::toString).toList());
            after.put("coordinators", recipients);
            after.put("expiresAt", expiresAt.toString());
            publisher.publishEvent(new PartnerAlertChanged(
                    actor, PartnerAlertChanged.Change.SENT, created.id(), organisation.value(), Map.of(), after));
            return created;
        });
        deliver(alert, false);
        return alert;
    }

    /** Emails the alert again to every coordinator it has not reached (failed, no mail server, or never tried). */
    public void resend(UUID id) {
        outsideTransactions();
        PartnerAlert alert = transactions.execute(tx -> {
            PartnerAlert found = organised(id);
            long undelivered = alerts.deliveries(id).stream()
                    .filter(d -> d.status() != AlertDelivery.Status.SENT)
                    .count();
            publisher.publishEvent(new PartnerAlertChanged(
                    Actor.current(),
                    PartnerAlertChanged.Change.RESENT,
                    id,
                    found.organisationId().value(),
                    Map.of(),
                    Map.of("coordinators", undelivered)));
            return found;
        });
        deliver(alert, true);
    }

    public void unpin(UUID id) {
        transactions.executeWithoutResult(tx -> {
            PartnerAlert alert = organised(id);
            alerts.unpin(id);
            publisher.publishEvent(new PartnerAlertChanged(
                    Actor.current(),
                    PartnerAlertChanged.Change.UNPINNED,
                    id,
                    alert.organisationId().value(),
                    Map.of("pinned", true),
                    Map.of("pinned", false)));
        });
    }

    /** One email per coordinator, each outcome recorded at once (no transaction spans the sending). */
    private void deliver(PartnerAlert alert, boolean again) {
        String link = herald.publicBaseUrl().toString().replaceAll("/$", "") + "/partners/alerts/" + alert.id();
        for (AlertDelivery delivery : alerts.deliveries(alert.id())) {
            boolean due = again
                    ? delivery.status() != AlertDelivery.Status.SENT
                    : delivery.status() == AlertDelivery.Status.PENDING;
            if (!due) {
                continue;
            }
            var locale = people.contact(new UserId(delivery.userId()))
                    .map(People.Contact::language)
                    .orElse(alert.language())
                    .locale();
            Mailer.Outcome outcome = mailer.send(
                    delivery.email(),
                    messages.getMessage("partners.mail.alert.subject", new Object[] {alert.title()}, locale),
                    messages.getMessage(
                            "partners.mail.alert.body",
                            new Object[] {alert.sentByName(), alert.title(), alert.body(), link},
                            locale));
            alerts.recordAttempt(alert.id(), delivery.userId(), outcome);
        }
    }

    private PartnerAlert readable(UUID id) {
        return alerts.visible(id, reach.current()).orElseThrow(() -> new NotFoundException("alert"));
    }

    private PartnerAlert organised(UUID id) {
        PartnerAlert alert = readable(id);
        if (!reach.organises(alert.organisationId())) {
            throw new RefusedException("partners.alert.notOrganiser");
        }
        return alert;
    }

    private static void outsideTransactions() {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("alerts are emailed outside any transaction");
        }
    }
}
