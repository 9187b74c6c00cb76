package eu.herald.campaigns;

import eu.herald.common.Channel;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Read-only facts about campaigns for other modules, without reach checks (callers check reach themselves). */
public interface CampaignDirectory {

    Optional<CampaignFacts> facts(CampaignId id);

    /** The channel of a variant of one of the campaign's messages; empty if the variant is not the campaign's. */
    Optional<Channel> variantChannel(CampaignId campaign, VariantId variant);

    /** A variant with its message's state and the campaign's facts; empty if there is no such variant. */
    Optional<VariantFacts> variant(VariantId id);

    /** The variants of a message, in the order the message shows them; empty if there is no such message. */
    List<VariantFacts> variants(MessageId message);

    /**
     * Makes sure the variant's message takes its place in the fatigue budget before a delivery is planned: an
     * approved message is scheduled at {@code at}; a scheduled one stays as it is. Throws
     * {@link eu.herald.common.RefusedException} when the message is not approved or the budget is full (the refusal
     * lists the conflicting messages, as scheduling on the message page does).
     */
    void reserve(VariantId id, Instant at);

    /**
     * Asked again at send time: a message key saying why the variant may not go out now — its message is no longer
     * approved (edited after approval), or the fatigue budget of its audiences and areas is now exceeded without an
     * approver's override — or empty when it may go out.
     */
    Optional<String> sendRefusal(VariantId id);

    /** Every variant of every message of the campaign (messages in creation order, then channel and language). */
    List<VariantText> variants(CampaignId campaign);

    /**
     * The variant's first uploaded image (PNG or JPEG, with its alt text), in the order its message shows its media;
     * empty when the variant has none or does not exist.
     */
    Optional<MediaFile> image(VariantId id);
}
