package eu.herald.publishing;

import eu.herald.common.Actor;
import eu.herald.common.AuditableEvent;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** A delivery was created, cancelled, retried, published, failed or found stuck. */
public record DeliveryChanged(
        Actor actor,
        Change change,
        DeliveryId delivery,
        UUID organisationId,
        Map<String, Object> before,
        Map<String, Object> after)
        implements AuditableEvent {

    public enum Change {
        CREATED,
        CANCELLED,
        RETRIED,
        PUBLISHED,
        FAILED,
        STUCK
    }

    @Override
    public String action() {
        return "publishing.delivery." + change.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String subjectType() {
        return "delivery";
    }

    @Override
    public String subjectId() {
        return delivery.toString();
    }
}
