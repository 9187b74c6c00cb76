package eu.herald.channels.connectors.bluesky;

import com.twitter.twittertext.Extractor;
import java.nio.charset.StandardCharsets;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;

/**
 * Link facets (https://docs.bsky.app/docs/advanced-guides/post-richtext): Bluesky does not find links in a post's
 * text by itself; each link is a facet whose {@code byteStart}/{@code byteEnd} count UTF-8 bytes (not characters)
 * of the text. Links are found with twitter-text's extractor, as in the guardrails.
 */
final class Facets {

    /** A link at UTF-8 byte offsets [byteStart, byteEnd), with the address it opens. */
    record Link(int byteStart, int byteEnd, String uri) {}

    private static final Extractor EXTRACTOR = new Extractor();

    private Facets() {}

    static List<Link> links(String text) {
        List<Link> links = new ArrayList<>();
        for (Extractor.Entity entity : EXTRACTOR.extractURLsWithIndices(text)) {
            int start = utf8Length(text.substring(0, entity.getStart()));
            int end = start + utf8Length(text.substring(entity.getStart(), entity.getEnd()));
            String value = entity.getValue();
            String uri = value.matches("(?i)^https?://.*") ? value : "https://" + value;
            links.add(new Link(start, end, uri));
        }
        return links;
    }

    /** Bluesky's limit counts grapheme clusters (an emoji sequence or a flag is one). */
    static int graphemes(String text) {
        BreakIterator it = BreakIterator.getCharacterInstance();
        it.setText(text);
        int count = 0;
        while (it.next() != BreakIterator.DONE) {
            count++;
        }
        return count;
    }

    private static int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
