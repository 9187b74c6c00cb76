package eu.herald.publishing.domain;

import eu.herald.campaigns.CampaignDirectory;
import eu.herald.common.Actor;
import eu.herald.publishing.DeliveryChanged;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds deliveries still SCHEDULED well after they were due, or SENDING for too long, and raises them: a visible
 * "stuck" flag, an audit entry and a notice to the author and approver. It runs as a db-scheduler recurring task, so
 * one node at a time runs it; the rows are claimed with {@code FOR UPDATE SKIP LOCKED} besides.
 */
@Component
public class Watchdog {

    private static final Logger log = LoggerFactory.getLogger(Watchdog.class);

    private final Deliveries deliveries;
    private final CampaignDirectory directory;
    private final DeliveryNotices notices;
    private final ApplicationEventPublisher events;
    private final PublishingProperties properties;
    private final Clock clock;

    Watchdog(
            Deliveries deliveries,
            CampaignDirectory directory,
            DeliveryNotices notices,
            ApplicationEventPublisher events,
            PublishingProperties properties) {
        this.deliveries = deliveries;
        this.directory = directory;
        this.notices = notices;
        this.events = events;
        this.properties = properties;
        this.clock = Clock.systemUTC();
    }

    /** Raises every overdue delivery not raised yet; returns how many. */
    @Transactional
    public int raiseStuck() {
        Instant now = clock.instant();
        List<Delivery> overdue = deliveries.overdue(now, properties.stuckAfter(), 200);
        for (Delivery delivery : overdue) {
            deliveries.markStuck(delivery.id(), now);
            events.publishEvent(new DeliveryChanged(
                    Actor.SYSTEM,
                    DeliveryChanged.Change.STUCK,
                    delivery.id(),
                    delivery.organisation().value(),
                    delivery.summary(),
                    java.util.Map.of("stuck", true, "status", delivery.status().name())));
            notices.stuck(delivery, directory.variant(delivery.variant()).orElse(null));
        }
        if (!overdue.isEmpty()) {
            log.warn("Watchdog raised {} stuck deliveries", overdue.size());
        }
        return overdue.size();
    }
}
