package eu.herald.channels;

import eu.herald.common.Actor;
import eu.herald.common.AuditableEvent;
import java.util.Map;
import java.util.UUID;

/**
 * A channel account was connected, reconnected, checked into another status or disabled. Its summaries name the
 * type, name, status, handle and non-secret settings; never a credential.
 *
 * @param action {@code channels.account.connected}, {@code .reconnected}, {@code .disabled} or
 *     {@code .status-changed}
 */
public record ChannelAccountChanged(
        Actor actor,
        String action,
        ChannelAccountId account,
        UUID organisationId,
        Map<String, Object> before,
        Map<String, Object> after)
        implements AuditableEvent {

    public ChannelAccountChanged {
        before = Map.copyOf(before);
        after = Map.copyOf(after);
    }

    @Override
    public String subjectType() {
        return "channel-account";
    }

    @Override
    public String subjectId() {
        return account.toString();
    }
}
