package eu.herald.links.domain;

import eu.herald.campaigns.MessageChanged;
import java.util.Set;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * When a message is approved or scheduled, every address in its variants gets its tracked link, so the links exist
 * before anything is published, whether or not the communicator asked for them while drafting.
 */
@Component
class VariantLinksOnApproval {

    private static final Set<MessageChanged.Change> TRIGGERS = Set.of(
            MessageChanged.Change.APPROVED, MessageChanged.Change.SCHEDULED, MessageChanged.Change.FATIGUE_OVERRIDDEN);

    private final LinkService links;

    VariantLinksOnApproval(LinkService links) {
        this.links = links;
    }

    @ApplicationModuleListener
    void on(MessageChanged event) {
        if (TRIGGERS.contains(event.change())) {
            links.createVariantLinks(event.campaign(), event.message(), event.actor());
        }
    }
}
