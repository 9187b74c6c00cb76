package eu.herald.inbox.domain;

import eu.herald.channels.ChannelAccountId;
import eu.herald.channels.Reaction;
import eu.herald.common.Channel;
import eu.herald.common.Language;
import eu.herald.inbox.Category;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One reaction in the inbox, triaged and routed. */
public record Item(
        UUID id,
        UUID organisation,
        String source,
        @Nullable UUID account,
        Channel channel,
        String platformId,
        ItemKind kind,
        @Nullable String inReplyTo,
        String authorHandle,
        @Nullable String authorEmail,
        String text,
        @Nullable String url,
        Language language,
        Instant receivedAt,
        Category category,
        double confidence,
        int modelVersion,
        boolean needsHuman,
        ItemStatus status,
        @Nullable UUID rule,
        @Nullable UUID assigneeUser,
        @Nullable String assigneeTeam,
        @Nullable String proposedReply,
        @Nullable Instant slaDue,
        boolean escalated,
        boolean hideRequested,
        boolean forwardRequested,
        boolean actionsPending,
        @Nullable Instant autoRepliedAt,
        @Nullable Instant alertedAt,
        @Nullable Instant forwardedAt,
        @Nullable Boolean hiddenOnPlatform,
        boolean keptOnPurpose,
        @Nullable String keepReason,
        @Nullable Instant anonymisedAt) {

    public boolean emergency() {
        return category == Category.EMERGENCY;
    }

    /** Whether the SLA has passed while the item is still open. */
    public boolean breached(Instant now) {
        return status == ItemStatus.OPEN && slaDue != null && slaDue.isBefore(now);
    }

    public int confidencePercent() {
        return (int) Math.round(confidence * 100);
    }

    /** The item as the connector's reaction, to answer or hide it. */
    public Reaction reaction() {
        return new Reaction(
                new ChannelAccountId(account == null ? new UUID(0, 0) : account),
                platformId,
                kind.byEmail() ? Reaction.Kind.DIRECT_MESSAGE : Reaction.Kind.valueOf(kind.name()),
                inReplyTo,
                authorHandle,
                text,
                receivedAt,
                url);
    }
}
