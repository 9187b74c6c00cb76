package eu.herald.campaigns.domain;

import eu.herald.campaigns.MessageId;
import eu.herald.campaigns.VariantId;
import eu.herald.common.Channel;
import eu.herald.common.Language;
import eu.herald.guardrails.Media;
import java.util.List;

/** The text of a message for one channel in one language, with its images and videos (and their names). */
public record Variant(
        VariantId id,
        MessageId message,
        Channel channel,
        Language language,
        String body,
        List<Media> media,
        List<String> mediaNames,
        int version) {

    public Variant {
        media = List.copyOf(media);
        mediaNames = List.copyOf(mediaNames);
        if (media.size() != mediaNames.size()) {
            throw new IllegalArgumentException("one name per medium");
        }
    }
}
