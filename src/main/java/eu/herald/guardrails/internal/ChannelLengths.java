package eu.herald.guardrails.internal;

import com.twitter.twittertext.Extractor;
import com.twitter.twittertext.TwitterTextConfiguration;
import com.twitter.twittertext.TwitterTextParseResults;
import com.twitter.twittertext.TwitterTextParser;
import eu.herald.common.Channel;
import eu.herald.guardrails.Length;
import java.text.BreakIterator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Each channel's length rule, counted the way the channel counts:
 *
 * <ul>
 *   <li>X: 280 weighted characters by twitter-text (most scripts weigh 2, Latin 1; a URL counts 23);
 *   <li>Mastodon: 500 characters, counted as grapheme clusters as Mastodon does, every URL counting 23;
 *   <li>Bluesky: 300 graphemes (an emoji sequence or a flag is one);
 *   <li>Telegram 4096, Instagram 2200, Facebook 63 206, YouTube description 5000 characters;
 *   <li>WhatsApp: an SMS-style channel, counted in GSM-7 or UCS-2 segments (the limit shown is the number of
 *       segments a 4096-character text takes in the same encoding); what blocks is WhatsApp's own limit of 4096
 *       characters, so {@link Measure#overflowStart()} is set by characters, not segments;
 *   <li>email, website, poster and press release: no hard limit.
 * </ul>
 */
public final class ChannelLengths {

    public static final int URL_WEIGHT = 23;
    public static final int WHATSAPP_CHARACTERS = 4096;

    private static final TwitterTextConfiguration X_CONFIG = TwitterTextParser.TWITTER_TEXT_DEFAULT_CONFIG;

    /**
     * X's configuration less its emoji pass, which costs over a millisecond on a 500-character text: used only for a
     * text without any emoji character, where it gives the same weighted length (see ChannelLengthsTests).
     */
    private static final TwitterTextConfiguration X_WITHOUT_EMOJI = new TwitterTextConfiguration.Builder()
            .setVersion(X_CONFIG.getVersion())
            .setMaxWeightedTweetLength(X_CONFIG.getMaxWeightedTweetLength())
            .setScale(X_CONFIG.getScale())
            .setDefaultWeight(X_CONFIG.getDefaultWeight())
            .setTransformedURLLength(X_CONFIG.getTransformedURLLength())
            .setRanges(X_CONFIG.getRanges())
            .setEmojiParsingEnabled(false)
            .build();

    private final Extractor urls = new Extractor();

    /** A measured text: its length, and where it starts to be too long (-1 when it fits). */
    public record Measure(Length length, int overflowStart, Gsm7.@Nullable Count sms) {}

    public Measure measure(Channel channel, String text) {
        return switch (channel) {
            case X -> x(text);
            case MASTODON -> mastodon(text);
            case BLUESKY -> graphemes(text, 300);
            case TELEGRAM -> characters(text, 4096);
            case INSTAGRAM -> characters(text, 2200);
            case FACEBOOK -> characters(text, 63_206);
            case YOUTUBE -> characters(text, 5000);
            case WHATSAPP -> whatsapp(text);
            case EMAIL, WEBSITE, POSTER, PRESS ->
                new Measure(new Length(text.codePointCount(0, text.length()), null, Length.Unit.CHARACTERS), -1, null);
        };
    }

    /** The URLs of a text, with their UTF-16 indices (also web addresses written without http://). */
    public List<Extractor.Entity> urls(String text) {
        return urls.extractURLsWithIndices(text);
    }

    /** Whether a text may hold an emoji (beyond the ASCII digits, # and * that start a keycap only with U+20E3). */
    static boolean mayHoldEmoji(String text) {
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if ((cp >= 0x80 && Character.isEmoji(cp)) || cp == 0x200D || cp == 0xFE0F || cp == 0x20E3) {
                return true;
            }
            i += Character.charCount(cp);
        }
        return false;
    }

    static TwitterTextParseResults parseForX(String text) {
        return TwitterTextParser.parseTweet(text, mayHoldEmoji(text) ? X_CONFIG : X_WITHOUT_EMOJI);
    }

    private static Measure x(String text) {
        TwitterTextParseResults parsed = parseForX(text);
        int limit = X_CONFIG.getMaxWeightedTweetLength();
        int overflow = parsed.isValid || text.isEmpty() ? -1 : Math.min(text.length(), parsed.validTextRange.end + 1);
        if (parsed.weightedLength <= limit) {
            overflow = -1;
        }
        return new Measure(new Length(parsed.weightedLength, limit, Length.Unit.WEIGHTED_CHARACTERS), overflow, null);
    }

    private Measure mastodon(String text) {
        int limit = 500;
        int used = 0;
        int overflow = -1;
        int position = 0;
        for (Extractor.Entity url : urls(text)) {
            int[] counted = countGraphemes(text, position, url.getStart(), limit - used);
            used += counted[0];
            if (overflow < 0 && counted[1] >= 0) {
                overflow = counted[1];
            }
            used += URL_WEIGHT;
            if (overflow < 0 && used > limit) {
                overflow = url.getStart();
            }
            position = url.getEnd();
        }
        int[] counted = countGraphemes(text, position, text.length(), limit - used);
        used += counted[0];
        if (overflow < 0 && counted[1] >= 0) {
            overflow = counted[1];
        }
        return new Measure(new Length(used, limit, Length.Unit.CHARACTERS), used > limit ? overflow : -1, null);
    }

    private static Measure graphemes(String text, int limit) {
        int[] counted = countGraphemes(text, 0, text.length(), limit);
        return new Measure(new Length(counted[0], limit, Length.Unit.GRAPHEMES), counted[1], null);
    }

    /**
     * Grapheme clusters of {@code text[from, to)} (the JDK's BreakIterator follows Unicode's extended grapheme
     * clusters since Java 20), and the index where the count first exceeds {@code room}, or -1.
     */
    static int[] countGraphemes(String text, int from, int to, int room) {
        if (from >= to) {
            return new int[] {0, -1};
        }
        BreakIterator clusters = BreakIterator.getCharacterInstance();
        clusters.setText(text.substring(from, to));
        int count = 0;
        int overflow = -1;
        int start = clusters.first();
        for (int end = clusters.next(); end != BreakIterator.DONE; start = end, end = clusters.next()) {
            count++;
            if (count > room && overflow < 0) {
                overflow = from + start;
            }
        }
        return new int[] {count, overflow};
    }

    static int graphemeCount(String text) {
        return countGraphemes(text, 0, text.length(), Integer.MAX_VALUE)[0];
    }

    private static Measure characters(String text, int limit) {
        int used = text.codePointCount(0, text.length());
        int overflow = used > limit ? text.offsetByCodePoints(0, limit) : -1;
        return new Measure(new Length(used, limit, Length.Unit.CHARACTERS), overflow, null);
    }

    private static Measure whatsapp(String text) {
        Gsm7.Count count = Gsm7.count(text);
        int characters = text.codePointCount(0, text.length());
        int limit = Gsm7.segmentsFor(WHATSAPP_CHARACTERS, count.encoding());
        int used = Math.max(count.segments(), 0);
        int overflow = characters > WHATSAPP_CHARACTERS ? text.offsetByCodePoints(0, WHATSAPP_CHARACTERS) : -1;
        return new Measure(new Length(used, limit, Length.Unit.SEGMENTS), overflow, count);
    }
}
