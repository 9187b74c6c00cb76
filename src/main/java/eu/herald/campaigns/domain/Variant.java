package eu.herald.campaigns.domain;

import eu.herald.campaigns.MessageId;
import eu.herald.campaigns.VariantId;
import eu.herald.common.Channel;
import eu.herald.common.Language;
import eu.herald.guardrails.Media;
import java.util.List;
import java.util.UUID;

/**
 * The text of a message for one channel in one language, with its images and videos (and their names). Some images
 * are uploaded ({@link #uploads()}: Herald holds their bytes); the others are only described.
 */
public record Variant(
        VariantId id,
        MessageId message,
        Channel channel,
        Language language,
        String body,
        List<Media> media,
        List<String> mediaNames,
        List<Upload> uploads,
        int version) {

    public Variant {
        media = List.copyOf(media);
        mediaNames = List.copyOf(mediaNames);
        uploads = List.copyOf(uploads);
        if (media.size() != mediaNames.size()) {
            throw new IllegalArgumentException("one name per medium");
        }
    }

    /**
     * An uploaded image: the medium at {@code index} of {@link #media()}, with the facts of its bytes.
     *
     * @param sizeBytes the size of the stored (re-encoded) file
     */
    public record Upload(
            UUID mediaId,
            int index,
            String fileName,
            String altText,
            String contentType,
            int sizeBytes,
            int width,
            int height) {}

    /** Whether the medium at {@code index} is an uploaded image rather than a description. */
    public boolean uploaded(int index) {
        return uploads.stream().anyMatch(u -> u.index() == index);
    }
}
