package eu.herald.links.domain;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The web addresses written in a message's text, and the text with them replaced by short links. */
public final class TextLinks {

    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"'()\\[\\]{}]+", Pattern.CASE_INSENSITIVE);

    private TextLinks() {}

    /** The distinct addresses in order of appearance, without the sentence's punctuation after them. */
    public static List<String> in(String text) {
        LinkedHashSet<String> found = new LinkedHashSet<>();
        Matcher m = URL.matcher(text);
        while (m.find()) {
            found.add(trim(m.group()));
        }
        return List.copyOf(found);
    }

    /** The text with every address replaced by {@code replacement}. */
    public static String replaceAll(String text, String replacement) {
        Matcher m = URL.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String url = m.group();
            String kept = trim(url);
            m.appendReplacement(out, Matcher.quoteReplacement(replacement + url.substring(kept.length())));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String trim(String url) {
        int end = url.length();
        while (end > 0 && ".,;:!?…".indexOf(url.charAt(end - 1)) >= 0) {
            end--;
        }
        return url.substring(0, end);
    }
}
