package eu.herald.audiences;

import eu.herald.common.Actor;
import eu.herald.common.AuditableEvent;
import eu.herald.common.Channel;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An administrator changed how well a channel reaches an audience, or why (a cell of the matrix). */
public record ChannelAdviceChanged(
        Actor actor, AudienceId audience, Channel channel, Map<String, Object> before, Map<String, Object> after)
        implements AuditableEvent {

    @Override
    public String action() {
        return "audiences.matrix.edited";
    }

    @Override
    public @Nullable UUID organisationId() {
        return null;
    }

    @Override
    public String subjectType() {
        return "channel-advice";
    }

    @Override
    public String subjectId() {
        return audience + "/" + channel.code();
    }
}
