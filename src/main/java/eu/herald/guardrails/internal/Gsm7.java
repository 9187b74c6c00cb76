package eu.herald.guardrails.internal;

/**
 * How an SMS-style channel counts a text: in GSM 7-bit septets (3GPP TS 23.038, formerly GSM 03.38: the basic
 * alphabet and its extension table, whose characters take an escape septet and so count twice) or, as soon as one
 * character is outside that alphabet, in UCS-2 code units. A single message holds 160 septets or 70 UCS-2 units; a
 * concatenated one loses room to its header: 153 septets or 67 units a segment, and an escape pair or a surrogate
 * pair is never split over two segments.
 *
 * <p>Written here because the Java GSM charsets on Maven Central (cloudhopper's {@code ch-commons-charset}, smslib)
 * are no longer maintained; national language shift tables are not used, as no Belgian operator relies on them.
 */
public final class Gsm7 {

    /** The basic alphabet, in septet order 0x00–0x7F; 0x1B is the escape to the extension table. */
    static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    /** The extension table's characters: each costs an escape septet plus its own. */
    static final String EXTENSION = "\f^{}\\[~]|€";

    public static final int SINGLE_GSM = 160;
    public static final int MULTI_GSM = 153;
    public static final int SINGLE_UCS2 = 70;
    public static final int MULTI_UCS2 = 67;

    private Gsm7() {}

    /** The encoding a text needs, and how many segments it takes. */
    public record Count(Encoding encoding, int units, int segments, int firstNonGsmIndex) {}

    public enum Encoding {
        GSM_7,
        UCS_2
    }

    public static boolean inBasic(char c) {
        return BASIC.indexOf(c) >= 0 && c != '\u001B';
    }

    public static boolean inExtension(char c) {
        return EXTENSION.indexOf(c) >= 0;
    }

    /** The index of the first character that GSM 7-bit cannot carry, or -1. */
    public static int firstNonGsm(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!inBasic(c) && !inExtension(c)) {
                return i;
            }
        }
        return -1;
    }

    public static Count count(CharSequence text) {
        int nonGsm = firstNonGsm(text);
        if (nonGsm < 0) {
            int septets = 0;
            for (int i = 0; i < text.length(); i++) {
                septets += inExtension(text.charAt(i)) ? 2 : 1;
            }
            return new Count(Encoding.GSM_7, septets, gsmSegments(text, septets), -1);
        }
        return new Count(Encoding.UCS_2, text.length(), ucs2Segments(text), nonGsm);
    }

    private static int gsmSegments(CharSequence text, int septets) {
        if (septets == 0) {
            return 0;
        }
        if (septets <= SINGLE_GSM) {
            return 1;
        }
        int segments = 1;
        int used = 0;
        for (int i = 0; i < text.length(); i++) {
            int cost = inExtension(text.charAt(i)) ? 2 : 1;
            if (used + cost > MULTI_GSM) {
                segments++;
                used = 0;
            }
            used += cost;
        }
        return segments;
    }

    private static int ucs2Segments(CharSequence text) {
        if (text.length() <= SINGLE_UCS2) {
            return 1;
        }
        int segments = 1;
        int used = 0;
        for (int i = 0; i < text.length(); i++) {
            int cost = Character.isHighSurrogate(text.charAt(i)) && i + 1 < text.length() ? 2 : 1;
            if (used + cost > MULTI_UCS2) {
                segments++;
                used = 0;
            }
            used += cost;
            i += cost - 1;
        }
        return segments;
    }

    /** How many segments {@code characters} characters take at most in the given encoding. */
    public static int segmentsFor(int characters, Encoding encoding) {
        int single = encoding == Encoding.GSM_7 ? SINGLE_GSM : SINGLE_UCS2;
        int multi = encoding == Encoding.GSM_7 ? MULTI_GSM : MULTI_UCS2;
        return characters <= single ? 1 : (characters + multi - 1) / multi;
    }
}
