package eu.herald.channels;

import eu.herald.common.Language;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What to publish.
 *
 * @param idempotencyKey the same for every attempt of one delivery: sent where the platform supports it (Mastodon's
 *     {@code Idempotency-Key}) and used to find the post again after an unknown outcome
 * @param text the variant's text, already adapted to the channel (links already tracked)
 * @param title a headline for channels that have one (press email subject, feed entry title, video title)
 * @param link the main link, for channels that show one apart from the text (feeds, press, link cards)
 * @param context facts for channels that file posts (feeds by theme and audience, press by campaign): keys such as
 *     {@code campaign}, {@code theme}, {@code audiences}, {@code organisationName}
 */
public record Post(
        String idempotencyKey,
        String text,
        Language language,
        @Nullable String title,
        @Nullable String link,
        List<Attachment> media,
        Map<String, String> context) {

    public Post {
        media = List.copyOf(media);
        context = Map.copyOf(context);
    }

    /** An image or a video to upload with the post, with its alternative text. */
    public record Attachment(String fileName, String contentType, byte[] content, String altText) {}
}
