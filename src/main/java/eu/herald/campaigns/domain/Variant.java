package eu.herald.campaigns.domain;

import eu.herald.campaigns.MessageId;
import eu.herald.campaigns.VariantId;
import eu.herald.common.Channel;
import eu.herald.common.Language;
import eu.herald.guardrails.Media;
import java.util.List;

/** The text of a message for one channel in one language, with its images and videos. */
public record Variant(
        VariantId id,
        MessageId message,
        Channel channel,
        Language language,
        String body,
        List<Media> media,
        int version) {

    public Variant {
        media = List.copyOf(media);
    }
}
