package eu.herald.guardrails.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;

/**
 * Finds a lexicon's entries in a text, case-insensitively and on word boundaries.
 *
 * <p>An entry is a phrase: words separated by spaces, {@code *} standing for any letters inside a word ({@code
 * schokkend*}), straight and curly apostrophes alike; or, after {@code re:}, a regular expression. A jargon entry may
 * name its plain alternative after {@code =>}. Entries are indexed by the first three letters of their first word, so
 * a check tries only the entries that can start at each word of the text: a few hundred entries cost about as much
 * as a few.
 */
public final class PhraseMatcher {

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    private static final String WORD_END = "(?![\\p{L}\\p{M}\\p{N}])";
    private static final String WORD_START = "(?<![\\p{L}\\p{M}\\p{N}])";
    private static final int KEY = 3;

    /** A compiled entry; {@code suggestion} is the plain alternative of a jargon entry. */
    public record Entry(
            String source, Pattern pattern, @Nullable String suggestion, boolean anywhere) {}

    /** One occurrence of an entry at {@code [start, end)}. */
    public record Match(int start, int end, Entry entry) {

        public String text(String of) {
            return of.substring(start, end);
        }
    }

    private final Map<String, List<Entry>> byKey = new HashMap<>();
    private final List<Entry> anywhere = new ArrayList<>();
    private final int size;

    public PhraseMatcher(Collection<String> entries) {
        int count = 0;
        for (String source : entries) {
            Entry entry = compile(source);
            count++;
            if (entry.anywhere()) {
                anywhere.add(entry);
            } else {
                byKey.computeIfAbsent(key(source.strip()), k -> new ArrayList<>())
                        .add(entry);
            }
        }
        this.size = count;
    }

    public int size() {
        return size;
    }

    /**
     * Compiles one entry, refusing what would not work as one: an invalid regular expression, or one that matches
     * an empty text.
     */
    public static Entry compile(String line) {
        String source = line.strip();
        String suggestion = null;
        int arrow = source.indexOf("=>");
        if (arrow > 0 && !source.startsWith("re:")) {
            suggestion = source.substring(arrow + 2).strip();
            source = source.substring(0, arrow).strip();
        }
        if (source.isEmpty()) {
            throw new IllegalArgumentException("empty entry");
        }
        if (source.startsWith("re:")) {
            Pattern pattern;
            try {
                pattern = Pattern.compile(WORD_START + "(?:" + source.substring(3) + ")" + WORD_END, FLAGS);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("invalid regular expression", e);
            }
            if (pattern.matcher("").matches()) {
                throw new IllegalArgumentException("matches an empty text");
            }
            return new Entry(line.strip(), pattern, null, true);
        }
        String key = key(source);
        boolean anywhere = key.isEmpty() || (key.length() < KEY && wildcardAfterKey(source, key));
        Pattern pattern = Pattern.compile((anywhere ? WORD_START : "") + phraseRegex(source) + WORD_END, FLAGS);
        return new Entry(line.strip(), pattern, suggestion, anywhere);
    }

    /** The occurrences in {@code text}, left to right, without overlaps (the longest wins at one position). */
    public List<Match> find(String text) {
        List<Match> found = new ArrayList<>();
        if (!byKey.isEmpty()) {
            int length = text.length();
            for (int i = 0; i < length; i++) {
                if (!isWordChar(text.charAt(i)) || (i > 0 && isWordChar(text.charAt(i - 1)))) {
                    continue;
                }
                List<Entry> candidates = byKey.get(tokenKey(text, i));
                if (candidates == null) {
                    continue;
                }
                for (Entry entry : candidates) {
                    var matcher = entry.pattern().matcher(text);
                    matcher.region(i, length);
                    matcher.useTransparentBounds(true);
                    if (matcher.lookingAt()) {
                        found.add(new Match(i, matcher.end(), entry));
                    }
                }
            }
        }
        for (Entry entry : anywhere) {
            var matcher = entry.pattern().matcher(text);
            while (matcher.find()) {
                if (matcher.end() > matcher.start()) {
                    found.add(new Match(matcher.start(), matcher.end(), entry));
                }
            }
        }
        if (found.size() < 2) {
            return found;
        }
        found.sort(Comparator.comparingInt(Match::start)
                .thenComparing(Comparator.comparingInt(Match::end).reversed()));
        List<Match> kept = new ArrayList<>();
        int reach = -1;
        for (Match match : found) {
            if (match.start() >= reach) {
                kept.add(match);
                reach = match.end();
            }
        }
        return kept;
    }

    static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c);
    }

    /** The lower-cased letters and digits a word starts with, at most three. */
    private static String tokenKey(String text, int from) {
        StringBuilder key = new StringBuilder(KEY);
        for (int i = from; i < text.length() && key.length() < KEY && isWordChar(text.charAt(i)); i++) {
            key.append(Character.toLowerCase(text.charAt(i)));
        }
        return key.toString().toLowerCase(Locale.ROOT);
    }

    private static String key(String phrase) {
        return tokenKey(phrase, 0);
    }

    private static boolean wildcardAfterKey(String phrase, String key) {
        return phrase.length() > key.length() && phrase.charAt(key.length()) == '*';
    }

    private static String phraseRegex(String phrase) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        boolean space = false;
        for (int i = 0; i < phrase.length(); i++) {
            char c = phrase.charAt(i);
            if (Character.isWhitespace(c)) {
                space = true;
                continue;
            }
            if (space) {
                flush(regex, literal);
                regex.append("\\s+");
                space = false;
            }
            switch (c) {
                case '*' -> {
                    flush(regex, literal);
                    regex.append("[\\p{L}\\p{M}]*");
                }
                case '\'', '’' -> {
                    flush(regex, literal);
                    regex.append("['’]");
                }
                default -> literal.append(c);
            }
        }
        flush(regex, literal);
        return regex.toString();
    }

    private static void flush(StringBuilder regex, StringBuilder literal) {
        if (!literal.isEmpty()) {
            regex.append(Pattern.quote(literal.toString()));
            literal.setLength(0);
        }
    }
}
