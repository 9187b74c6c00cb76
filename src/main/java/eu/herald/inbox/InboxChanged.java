package eu.herald.inbox;

import eu.herald.common.Actor;
import eu.herald.common.AuditableEvent;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Something changed in the inbox: an item was answered (by hand or automatically), hidden, resolved, re-categorised,
 * noted, escalated, forwarded, kept on purpose or anonymised; a playbook rule, a setting, a watchlist or the on-duty
 * roster was changed; an SLA was breached or a listening spike seen.
 *
 * @param action a dotted name such as {@code inbox.item.replied}
 * @param subjectType {@code inbox-item}, {@code inbox-rule}, {@code inbox-settings}, {@code inbox-watch} or
 *     {@code inbox-on-duty}
 */
public record InboxChanged(
        Actor actor,
        String action,
        @Nullable UUID organisationId,
        String subjectType,
        @Nullable String subjectId,
        Map<String, Object> before,
        Map<String, Object> after)
        implements AuditableEvent {

    public InboxChanged {
        before = Map.copyOf(before);
        after = Map.copyOf(after);
    }

    public static InboxChanged item(
            Actor actor, String change, UUID organisation, UUID item, Map<String, Object> after) {
        return new InboxChanged(
                actor, "inbox.item." + change, organisation, "inbox-item", item.toString(), Map.of(), after);
    }
}
