package eu.herald.guardrails.internal;

import eu.herald.common.Language;
import java.util.ArrayList;
import java.util.List;

/**
 * Sentences, words and syllables of a text, as the readability formulas need them. A sentence ends at . ! ? or …
 * followed by white space, or at a line break (posts put one thought a line); URLs are not words.
 */
public final class TextStatistics {

    /** A sentence at {@code [start, end)} of the text with its word and syllable counts. */
    public record Sentence(int start, int end, int words, int syllables) {}

    private final List<Sentence> sentences;
    private final int words;
    private final int syllables;

    private TextStatistics(List<Sentence> sentences) {
        this.sentences = List.copyOf(sentences);
        this.words = sentences.stream().mapToInt(Sentence::words).sum();
        this.syllables = sentences.stream().mapToInt(Sentence::syllables).sum();
    }

    /** {@code masked}: the text with URLs (and anything else not to count) blanked, same length as the original. */
    public static TextStatistics of(String masked, Language language) {
        List<Sentence> sentences = new ArrayList<>();
        int start = 0;
        int n = masked.length();
        int words = 0;
        int syllables = 0;
        int i = 0;
        while (i < n) {
            char c = masked.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                int wordStart = i;
                while (i < n && (Character.isLetterOrDigit(masked.charAt(i)) || joins(masked, i))) {
                    i++;
                }
                words++;
                syllables += Syllables.count(masked.substring(wordStart, i), language);
                continue;
            }
            boolean end = c == '\n'
                    || ((c == '.' || c == '!' || c == '?' || c == '…')
                            && (i + 1 >= n || Character.isWhitespace(masked.charAt(i + 1))));
            i++;
            if (end) {
                while (i < n && ".!?…\"'”»)".indexOf(masked.charAt(i)) >= 0) {
                    i++;
                }
                if (words > 0) {
                    sentences.add(new Sentence(start, i, words, syllables));
                }
                words = 0;
                syllables = 0;
                start = i;
                while (start < n && Character.isWhitespace(masked.charAt(start))) {
                    start++;
                }
            }
        }
        if (words > 0) {
            int endOfText = n;
            while (endOfText > start && Character.isWhitespace(masked.charAt(endOfText - 1))) {
                endOfText--;
            }
            sentences.add(new Sentence(start, endOfText, words, syllables));
        }
        return new TextStatistics(sentences);
    }

    /** An apostrophe or hyphen between letters belongs to the word (l'enquête counts once, e-mail once). */
    private static boolean joins(String text, int i) {
        char c = text.charAt(i);
        return (c == '\'' || c == '’' || c == '-')
                && i + 1 < text.length()
                && Character.isLetter(text.charAt(i + 1))
                && i > 0
                && Character.isLetter(text.charAt(i - 1));
    }

    public List<Sentence> sentences() {
        return sentences;
    }

    public int words() {
        return words;
    }

    public int syllables() {
        return syllables;
    }
}
