package eu.herald.audiences.domain;

import java.util.Map;
import java.util.Optional;

/**
 * The nine municipalities of the German-speaking Community, in the Walloon Region: their official language is
 * German. Official lists often give only Dutch and French names, so their German names are kept here.
 */
final class GermanSpeakingCommunity {

    private static final Map<String, String> GERMAN_NAMES = Map.of(
            "63001", "Amel",
            "63012", "Büllingen",
            "63013", "Bütgenbach",
            "63023", "Eupen",
            "63040", "Kelmis",
            "63048", "Lontzen",
            "63061", "Raeren",
            "63067", "Sankt Vith",
            "63087", "Burg-Reuland");

    private GermanSpeakingCommunity() {}

    static boolean includes(String nisCode) {
        return GERMAN_NAMES.containsKey(nisCode);
    }

    static Optional<String> germanName(String nisCode) {
        return Optional.ofNullable(GERMAN_NAMES.get(nisCode));
    }
}
