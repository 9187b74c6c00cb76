package eu.herald.campaigns;

import eu.herald.accounts.OrganisationId;
import eu.herald.accounts.UserId;
import eu.herald.common.Channel;
import eu.herald.common.Language;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What publishing needs to know about a variant: its text and media, where it belongs, its message's state and the
 * people to tell when something goes wrong.
 *
 * @param campaignSlug the campaign's title as a URL slug (for campaign parameters and feed categories)
 * @param audiences the campaign's audiences' names in the variant's language
 */
public record VariantFacts(
        VariantId id,
        MessageId message,
        CampaignId campaign,
        OrganisationId organisation,
        Channel channel,
        Language language,
        String text,
        List<MediaFacts> media,
        MessageStatus status,
        @Nullable Instant scheduledAt,
        String messageTitle,
        String campaignTitle,
        String campaignSlug,
        String theme,
        List<String> audiences,
        UserId author,
        @Nullable UserId approver) {

    public VariantFacts {
        media = List.copyOf(media);
        audiences = List.copyOf(audiences);
    }

    /** Whether the message may go out: approved, or approved and scheduled. */
    public boolean approved() {
        return status == MessageStatus.APPROVED || status == MessageStatus.SCHEDULED;
    }

    /** An image or video named on the variant with its alternative text (the campaigns module keeps no bytes). */
    public record MediaFacts(
            String kind, String name, @Nullable String altText) {}
}
