package eu.herald.publishing.domain;

import eu.herald.accounts.People;
import eu.herald.accounts.Role;
import eu.herald.accounts.UserId;
import eu.herald.campaigns.VariantFacts;
import eu.herald.notifications.Notice;
import eu.herald.notifications.Notifications;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Tells the message's author and approver (in-app and by email, in their language) when a delivery failed or is stuck.
 * Without a variant any more (deleted), the organisation's communicators are told instead.
 */
@Component
class DeliveryNotices {

    private final Notifications notifications;
    private final People people;

    DeliveryNotices(Notifications notifications, People people) {
        this.notifications = notifications;
        this.people = people;
    }

    /** Args: {0} message title, {1} account name, {2} the platform's explanation (refusals: Herald's, on the page). */
    void failed(Delivery delivery, @Nullable VariantFacts variant) {
        boolean platform = delivery.lastErrorKey() == null;
        notifications.notify(new Notice(
                recipients(delivery, variant),
                platform ? "publishing.notice.failed" : "publishing.notice.refused",
                platform
                        ? List.of(
                                delivery.messageTitle(),
                                delivery.accountName(),
                                delivery.lastError() == null ? "" : delivery.lastError())
                        : List.of(delivery.messageTitle(), delivery.accountName()),
                "/deliveries/" + delivery.id(),
                true));
    }

    /** Args: {0} message title, {1} account name, {2} status. */
    void stuck(Delivery delivery, @Nullable VariantFacts variant) {
        notifications.notify(new Notice(
                recipients(delivery, variant),
                "publishing.notice.stuck",
                List.of(
                        delivery.messageTitle(),
                        delivery.accountName(),
                        delivery.status().name()),
                "/deliveries/" + delivery.id(),
                true));
    }

    private Set<UserId> recipients(Delivery delivery, @Nullable VariantFacts variant) {
        Set<UserId> recipients = new LinkedHashSet<>();
        if (variant != null) {
            recipients.add(variant.author());
            if (variant.approver() != null) {
                recipients.add(variant.approver());
            }
        } else {
            people.holding(Role.COMMUNICATOR, delivery.organisation()).forEach(c -> recipients.add(c.id()));
        }
        return recipients;
    }
}
