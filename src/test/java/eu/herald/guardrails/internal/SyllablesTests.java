package eu.herald.guardrails.internal;

import static org.assertj.core.api.Assertions.assertThat;

import eu.herald.common.Language;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The heuristics against words whose syllables are known (dictionary hyphenation), per language. */
class SyllablesTests {

    private static void accurate(Language language, Map<String, Integer> words, double minimumShare) {
        long right = words.entrySet().stream()
                .filter(e -> Syllables.count(e.getKey(), language) == e.getValue())
                .count();
        int expected = words.values().stream().mapToInt(Integer::intValue).sum();
        int counted = words.keySet().stream()
                .mapToInt(w -> Syllables.count(w, language))
                .sum();
        assertThat((double) right / words.size())
                .as("share exactly right in " + language)
                .isGreaterThanOrEqualTo(minimumShare);
        assertThat(Math.abs(counted - expected) / (double) expected)
                .as("total error in " + language)
                .isLessThan(0.1);
    }

    @Test
    void english() {
        accurate(
                Language.EN,
                Map.ofEntries(
                        Map.entry("burglary", 3),
                        Map.entry("police", 2),
                        Map.entry("lock", 1),
                        Map.entry("door", 1),
                        Map.entry("window", 2),
                        Map.entry("neighbourhood", 2),
                        Map.entry("prevention", 3),
                        Map.entry("bicycle", 3),
                        Map.entry("stolen", 2),
                        Map.entry("pickpocket", 3),
                        Map.entry("information", 4),
                        Map.entry("holiday", 3),
                        Map.entry("make", 1),
                        Map.entry("locked", 1),
                        Map.entry("houses", 2),
                        Map.entry("engraved", 2),
                        Map.entry("fraudster", 2),
                        Map.entry("officer", 3),
                        Map.entry("the", 1),
                        Map.entry("table", 2),
                        Map.entry("always", 2),
                        Map.entry("community", 4),
                        Map.entry("phone", 1),
                        Map.entry("valuables", 4)),
                0.75);
    }

    @Test
    void dutch() {
        accurate(
                Language.NL,
                Map.ofEntries(
                        Map.entry("inbraak", 2),
                        Map.entry("politie", 3),
                        Map.entry("fiets", 1),
                        Map.entry("woning", 2),
                        Map.entry("vakantie", 3),
                        Map.entry("buurtinformatienetwerk", 7),
                        Map.entry("zakkenrollers", 4),
                        Map.entry("geïnd", 2),
                        Map.entry("ideeën", 3),
                        Map.entry("deur", 1),
                        Map.entry("slot", 1),
                        Map.entry("vrijdag", 2),
                        Map.entry("eigenaar", 3),
                        Map.entry("uitgaansleven", 4),
                        Map.entry("telefoon", 3),
                        Map.entry("oplichters", 3),
                        Map.entry("gemeente", 3),
                        Map.entry("veilig", 2),
                        Map.entry("preventie", 3),
                        Map.entry("tips", 1)),
                0.8);
    }

    @Test
    void french() {
        accurate(
                Language.FR,
                Map.ofEntries(
                        Map.entry("cambriolage", 4),
                        Map.entry("police", 2),
                        Map.entry("porte", 1),
                        Map.entry("fenêtre", 2),
                        Map.entry("vacances", 2),
                        Map.entry("vélo", 2),
                        Map.entry("téléphone", 3),
                        Map.entry("pickpocket", 3),
                        Map.entry("voisins", 2),
                        Map.entry("sécurité", 4),
                        Map.entry("prévention", 3),
                        Map.entry("naïf", 2),
                        Map.entry("commune", 2),
                        Map.entry("clé", 1),
                        Map.entry("arnaque", 2),
                        Map.entry("quartier", 2),
                        Map.entry("conseils", 2),
                        Map.entry("votre", 1),
                        Map.entry("maison", 2),
                        Map.entry("fermez", 2)),
                0.75);
    }

    @Test
    void german() {
        accurate(
                Language.DE,
                Map.ofEntries(
                        Map.entry("Einbruch", 2),
                        Map.entry("Polizei", 3),
                        Map.entry("Fahrrad", 2),
                        Map.entry("Wohnung", 2),
                        Map.entry("Urlaub", 2),
                        Map.entry("Taschendiebe", 4),
                        Map.entry("Nachbarn", 2),
                        Map.entry("Sicherheit", 3),
                        Map.entry("Vorbeugung", 3),
                        Map.entry("Tür", 1),
                        Map.entry("Schloss", 1),
                        Map.entry("abschließen", 3),
                        Map.entry("Telefon", 3),
                        Map.entry("Betrüger", 3),
                        Map.entry("Gemeinde", 3),
                        Map.entry("Fenster", 2),
                        Map.entry("Häuser", 2),
                        Map.entry("Nachtleben", 3),
                        Map.entry("Kennzeichen", 3),
                        Map.entry("Eupen", 2)),
                0.8);
    }

    @Test
    void aWordWithoutLettersHasNoSyllable() {
        assertThat(Syllables.count("112", Language.NL)).isZero();
    }
}
