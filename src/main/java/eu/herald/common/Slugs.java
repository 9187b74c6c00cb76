package eu.herald.common;

import java.text.Normalizer;
import java.util.Locale;

/** URL slugs of titles: ASCII, lower case, words joined by hyphens, at most 80 characters. */
public final class Slugs {

    private Slugs() {}

    public static String of(String title) {
        String ascii = Normalizer.normalize(title, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug =
                ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        return slug.length() > 80 ? slug.substring(0, 80).replaceAll("-+$", "") : slug;
    }
}
