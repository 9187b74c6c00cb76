package eu.herald.guardrails.internal;

import eu.herald.common.Language;

/**
 * The published readability formula of each language, all on Flesch's scale (higher is easier; below about 50 is
 * hard for a general audience), from average sentence length (ASL, words per sentence) and average syllables per
 * word (ASW):
 *
 * <ul>
 *   <li>en, Flesch Reading Ease (Flesch 1948): 206.835 − 1.015 ASL − 84.6 ASW
 *   <li>nl, Flesch–Douma (Douma 1960): 206.84 − 0.93 ASL − 77 ASW
 *   <li>fr, Kandel &amp; Moles (1958): 207 − 1.015 ASL − 73.6 ASW
 *   <li>de, Amstad (Toni Amstad 1978): 180 − ASL − 58.5 ASW
 * </ul>
 */
public final class Readability {

    private Readability() {}

    public static String formula(Language language) {
        return switch (language) {
            case EN -> "Flesch Reading Ease";
            case NL -> "Flesch–Douma";
            case FR -> "Kandel & Moles";
            case DE -> "Amstad";
        };
    }

    public static double score(Language language, int sentences, int words, int syllables) {
        if (sentences == 0 || words == 0) {
            return 100;
        }
        double asl = (double) words / sentences;
        double asw = (double) syllables / words;
        return switch (language) {
            case EN -> 206.835 - 1.015 * asl - 84.6 * asw;
            case NL -> 206.84 - 0.93 * asl - 77 * asw;
            case FR -> 207 - 1.015 * asl - 73.6 * asw;
            case DE -> 180 - asl - 58.5 * asw;
        };
    }
}
