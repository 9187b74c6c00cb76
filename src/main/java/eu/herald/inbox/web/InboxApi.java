package eu.herald.inbox.web;

import eu.herald.common.Channel;
import eu.herald.inbox.Category;
import eu.herald.inbox.domain.Item;
import eu.herald.inbox.domain.ItemStatus;
import eu.herald.inbox.domain.Moderation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The inbox over the API: the items the caller moderates, emergencies first. */
@RestController
@Tag(name = "Inbox")
class InboxApi {

    private final Moderation moderation;

    InboxApi(Moderation moderation) {
        this.moderation = moderation;
    }

    record ItemJson(
            UUID id,
            UUID organisation,
            Channel channel,
            String kind,
            String author,
            String text,
            String language,
            Instant receivedAt,
            Category category,
            double confidence,
            boolean needsHuman,
            ItemStatus status,
            @Nullable String assigneeTeam,
            @Nullable String proposedReply,
            @Nullable Instant slaDue,
            boolean escalated,
            @Nullable Instant autoRepliedAt,
            @Nullable Boolean hiddenOnPlatform) {

        static ItemJson of(Item i) {
            return new ItemJson(
                    i.id(),
                    i.organisation(),
                    i.channel(),
                    i.kind().name(),
                    i.authorHandle(),
                    i.text(),
                    i.language().code(),
                    i.receivedAt(),
                    i.category(),
                    i.confidence(),
                    i.needsHuman(),
                    i.status(),
                    i.assigneeTeam(),
                    i.proposedReply(),
                    i.slaDue(),
                    i.escalated(),
                    i.autoRepliedAt(),
                    i.hiddenOnPlatform());
        }
    }

    @GetMapping("/api/v1/inbox/items")
    @Operation(summary = "Inbox items the caller moderates (at most 200), open emergencies first")
    List<ItemJson> items(
            @RequestParam(required = false) @Nullable UUID organisation,
            @RequestParam(required = false) @Nullable String category,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String channel) {
        return moderation
                .inbox(new Moderation.Filter(
                        organisation,
                        InboxController.parse(Category.class, category),
                        InboxController.parse(ItemStatus.class, status),
                        null,
                        InboxController.parse(Channel.class, channel),
                        null,
                        false))
                .stream()
                .map(ItemJson::of)
                .toList();
    }
}
