package eu.herald.inbox.triage;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns a reaction into the features the model weighs. Social-media text is short and noisy, so besides words and
 * word pairs it uses character n-grams inside words (a misspelt "inbrekers" still shares most of its trigrams with
 * "inbreker"), and a few signals of form: shouting in capitals, runs of exclamation marks, a question mark, emoji,
 * links, mentions, phone numbers.
 *
 * <p>Normalisation for features: lower case, accents stripped ("fenêtre" and "fenetre" alike), letters repeated
 * three times or more cut to two ("nuuuu" → "nuu"), URLs → {@code _url_}, @mentions → {@code _mention_}, long
 * digit runs → {@code _phone_} (112 and 101 stay as they are), every emoji its own token.
 *
 * @param lexicon whether urgent phrases (see {@link UrgencyLexicon}) add a feature
 * @param minGram the shortest character n-gram
 * @param maxGram the longest character n-gram
 */
record TextFeatures(boolean lexicon, int minGram, int maxGram) {

    /** The features every model trained by Herald uses unless told otherwise (see bin/triage-eval). */
    static final TextFeatures DEFAULT = new TextFeatures(true, 3, 5);

    private static final Pattern URL = Pattern.compile(
            "(?i)\\b(?:https?://|www\\.)\\S+|\\b[\\w-]+(?:\\.[\\w-]+)*\\.(?:com|net|org|be|shop|info|de|nl|fr|eu|ly|io|co|xyz|biz|online|store)(?:/\\S*)?\\b");
    private static final Pattern MENTION = Pattern.compile("(?<![\\w@])@[\\w.]+");
    private static final Pattern PHONE = Pattern.compile("\\+?\\d[\\d ./-]{6,}\\d");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern REPEATS = Pattern.compile("(\\p{L})\\1{2,}");

    TextFeatures {
        if (minGram < 1 || maxGram < minGram) {
            throw new IllegalArgumentException("character n-grams need 1 <= minGram <= maxGram");
        }
    }

    /** The normalised tokens: words, numbers, emoji and the placeholder tokens. */
    static List<String> tokens(String text) {
        String s = URL.matcher(text).replaceAll(" _url_ ");
        s = MENTION.matcher(s).replaceAll(" _mention_ ");
        s = PHONE.matcher(s).replaceAll(" _phone_ ");
        s = stripAccents(s.toLowerCase(Locale.ROOT));
        s = REPEATS.matcher(s).replaceAll("$1$1");
        List<String> tokens = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (Character.isLetterOrDigit(cp) || cp == '_' || (cp == '\'' && word.length() > 0)) {
                word.appendCodePoint(cp);
            } else {
                flush(word, tokens);
                if (isEmoji(cp)) {
                    tokens.add(new String(Character.toChars(cp)));
                }
            }
            i = next;
        }
        flush(word, tokens);
        return tokens;
    }

    /** The features of one text, as OpenNLP's maxent model takes them. */
    String[] of(String text) {
        List<String> tokens = tokens(text);
        List<String> features = new ArrayList<>(tokens.size() * 12 + 8);
        String previous = "<s>";
        for (String token : tokens) {
            features.add("w=" + token);
            features.add("b=" + previous + "|" + token);
            previous = token;
            if (token.startsWith("_") || token.codePointCount(0, token.length()) == 1 && !isWordy(token)) {
                continue;
            }
            String padded = " " + token + " ";
            for (int n = minGram; n <= maxGram; n++) {
                for (int start = 0; start + n <= padded.length(); start++) {
                    features.add("c=" + padded.substring(start, start + n));
                }
            }
        }
        features.add("b=" + previous + "|</s>");
        form(text, tokens, features);
        if (lexicon) {
            UrgencyLexicon.matches(tokens).forEach(match -> features.add("lex=" + match));
        }
        if (features.isEmpty()) {
            features.add("empty");
        }
        return features.toArray(String[]::new);
    }

    private static void form(String text, List<String> tokens, List<String> features) {
        long letters = text.codePoints().filter(Character::isLetter).count();
        long capitals = text.codePoints().filter(Character::isUpperCase).count();
        if (letters >= 4 && capitals * 10 >= letters * 6) {
            features.add("form=shouting");
        } else if (tokens.stream().anyMatch(t -> t.length() >= 3 && isShouted(text, t))) {
            features.add("form=shouted_word");
        }
        if (text.contains("!!")) {
            features.add("form=exclamations");
        } else if (text.contains("!")) {
            features.add("form=exclamation");
        }
        if (text.contains("?")) {
            features.add("form=question");
        }
        if (tokens.isEmpty()) {
            features.add("form=no_words");
        } else if (tokens.size() <= 3) {
            features.add("form=very_short");
        }
    }

    private static boolean isShouted(String text, String token) {
        String upper = token.toUpperCase(Locale.ROOT);
        return !upper.equals(token) && text.contains(upper);
    }

    private static boolean isWordy(String token) {
        return Character.isLetterOrDigit(token.codePointAt(0));
    }

    private static void flush(StringBuilder word, List<String> tokens) {
        if (word.length() > 0) {
            tokens.add(word.toString());
            word.setLength(0);
        }
    }

    static String stripAccents(String s) {
        return MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("");
    }

    static boolean isEmoji(int cp) {
        int type = Character.getType(cp);
        return type == Character.OTHER_SYMBOL || (cp >= 0x1F000 && cp <= 0x1FAFF) || (cp >= 0x2600 && cp <= 0x27BF);
    }
}
