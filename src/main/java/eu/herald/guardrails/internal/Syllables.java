package eu.herald.guardrails.internal;

import eu.herald.common.Language;
import java.util.Locale;

/**
 * Counts the syllables of a word with a per-language heuristic: groups of vowel letters, corrected for each
 * language's silent letters. No hyphenation library with bundled patterns for nl, fr, de and en is maintained on
 * Maven Central (hypherator is not served there; texhyphj ships no patterns; Lucene's hyphenation tree needs the
 * unmaintained OFFO pattern files), and hyphenation points undercount syllables anyway (no break is allowed next to
 * a single letter at a word's edge: "a-bout", "é-té"). The readability formulas only need averages over a text, and
 * the heuristics below come within about 10% on the word lists in SyllablesTests.
 *
 * <ul>
 *   <li>en: vowel groups (a e i o u y); a silent final -e (but not -le), -es and -ed (but not -ted, -ded) do not
 *       count; words of three letters or fewer have one.
 *   <li>nl: vowel groups (a e i o u y and accented ones); "ij" is a vowel; a diaeresis starts a new syllable
 *       (ge-ïnd, i-de-eën).
 *   <li>de: vowel groups (a e i o u y ä ö ü), which keeps ei, ie, au, eu and äu as one.
 *   <li>fr: vowel groups (with accents); a silent final -e or -es does not count in words of more than one group; a
 *       diaeresis starts a new syllable (na-ïf, No-ël).
 * </ul>
 */
public final class Syllables {

    private Syllables() {}

    public static int count(String word, Language language) {
        String w = word.toLowerCase(Locale.ROOT);
        int letters = 0;
        for (int i = 0; i < w.length(); i++) {
            if (Character.isLetter(w.charAt(i))) {
                letters++;
            }
        }
        if (letters == 0) {
            return 0;
        }
        return switch (language) {
            case EN -> english(w);
            case NL -> groups(w.replace("ij", "y"), "aeiouyáéíóúàèâêîôûëïöü", "ëïöü");
            case DE -> groups(w, "aeiouyäöüé", "");
            case FR -> french(w);
        };
    }

    private static int english(String w) {
        String word = w.replaceAll("[^a-z]", "");
        if (word.length() <= 3) {
            return 1;
        }
        if (word.endsWith("es") && !word.endsWith("ses") && !word.endsWith("zes") && !word.endsWith("ches")
                || word.endsWith("ed") && !word.endsWith("ted") && !word.endsWith("ded")) {
            word = word.substring(0, word.length() - 2);
        } else if (word.endsWith("e") && !word.endsWith("le") && !word.endsWith("ee")) {
            word = word.substring(0, word.length() - 1);
        }
        if (word.startsWith("y")) {
            word = word.substring(1);
        }
        return Math.max(1, groups(word, "aeiouy", ""));
    }

    private static int french(String w) {
        String vowels = "aeiouyàâäéèêëîïôöùûüœæ";
        int count = groups(w, vowels, "ëïü");
        String word = w.replaceAll("[^\\p{L}]", "");
        boolean silentE = (word.endsWith("e") || word.endsWith("es"))
                && !word.endsWith("ée")
                && !word.endsWith("ées")
                && word.length() > 2;
        if (silentE && count > 1) {
            count--;
        }
        return Math.max(1, count);
    }

    /** Groups of vowels; a letter in {@code breaking} (a diaeresis) starts a group of its own. */
    static int groups(String word, String vowels, String breaking) {
        int count = 0;
        boolean inGroup = false;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            boolean vowel = vowels.indexOf(c) >= 0;
            if (vowel && (!inGroup || breaking.indexOf(c) >= 0)) {
                count++;
            }
            inGroup = vowel;
        }
        return Math.max(1, count);
    }
}
