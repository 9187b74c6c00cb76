package eu.herald.inbox.domain;

import eu.herald.common.Actor;
import eu.herald.inbox.InboxChanged;
import eu.herald.inbox.triage.TriageTraining;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Scheduled inbox work safe on several nodes (rows claimed with SKIP LOCKED): SLA breach alerts, retention
 * (anonymising items after the configured period unless kept on purpose), forgetting stale presence, and a safety
 * net for pending actions.
 */
@Component
class Housekeeping {

    private static final Logger log = LoggerFactory.getLogger(Housekeeping.class);

    private final Items items;
    private final Conversations conversations;
    private final Alerts alerts;
    private final ActionWorker actions;
    private final InboxProperties properties;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;
    private final TriageTraining triageTraining;

    Housekeeping(
            Items items,
            Conversations conversations,
            Alerts alerts,
            ActionWorker actions,
            InboxProperties properties,
            ApplicationEventPublisher events,
            TransactionTemplate transactions,
            JdbcClient jdbc,
            TriageTraining triageTraining) {
        this.triageTraining = triageTraining;
        this.items = items;
        this.conversations = conversations;
        this.alerts = alerts;
        this.actions = actions;
        this.properties = properties;
        this.events = events;
        this.transactions = transactions;
        this.jdbc = jdbc;
    }

    /** Tells the moderators about every open item whose SLA passed, once. */
    @Scheduled(fixedDelayString = "${herald.inbox.sla-check:PT30S}", initialDelayString = "PT20S")
    void slaBreaches() {
        int told = breaches(Instant.now());
        if (told > 0) {
            log.info("SLA breached for {} inbox items", told);
        }
    }

    int breaches(Instant now) {
        Integer n = transactions.execute(status -> {
            List<Item> breached = items.claimBreaches(now, 100);
            for (Item item : breached) {
                alerts.tell(
                        item.organisation(),
                        "inbox.notice.slaBreached",
                        List.of(item.category().name(), item.channel().name()),
                        "/inbox/items/" + item.id());
                events.publishEvent(InboxChanged.item(
                        Actor.SYSTEM,
                        "slaBreached",
                        item.organisation(),
                        item.id(),
                        Map.of("due", String.valueOf(item.slaDue()))));
            }
            return breached.size();
        });
        return n == null ? 0 : n;
    }

    @Scheduled(fixedDelayString = "${herald.inbox.retention-check:PT1H}", initialDelayString = "PT1M")
    void retention() {
        int n = anonymise(Instant.now());
        if (n > 0) {
            log.info("Anonymised {} inbox items after the retention period", n);
        }
    }

    /** Anonymises what passed the retention period at {@code now}; returns how many items. */
    int anonymise(Instant now) {
        Instant before =
                now.atOffset(ZoneOffset.UTC).minus(properties.retention()).toInstant();
        int total = 0;
        while (true) {
            List<UUID> ids = transactions.execute(status -> {
                List<UUID> done = items.anonymise(before, now, 500);
                for (UUID id : done) {
                    events.publishEvent(new InboxChanged(
                            Actor.SYSTEM,
                            "inbox.item.anonymised",
                            null,
                            "inbox-item",
                            id.toString(),
                            Map.of(),
                            Map.of("retention", properties.retention().toString())));
                }
                return done;
            });
            if (ids == null || ids.isEmpty()) {
                break;
            }
            ids.forEach(triageTraining::eraseCorrectionsOf);
            total += ids.size();
        }
        jdbc.sql("UPDATE inbox.watch_match SET author_handle = 'anonymous', text = '[anonymised]', url = NULL,"
                        + " anonymised_at = ? WHERE anonymised_at IS NULL AND posted_at < ?")
                .params(java.sql.Timestamp.from(now), java.sql.Timestamp.from(before))
                .update();
        jdbc.sql("DELETE FROM inbox.contact_attempt WHERE at < ?")
                .param(java.sql.Timestamp.from(now.minus(java.time.Duration.ofDays(1))))
                .update();
        return total;
    }

    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
    void presence() {
        conversations.forgetPresence(Instant.now().minus(properties.presence().multipliedBy(10)));
    }

    @Scheduled(fixedDelayString = "PT5S", initialDelayString = "PT10S")
    void pendingActions() {
        actions.wake();
    }
}
