package eu.herald.guardrails.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PhraseMatcherTests {

    private static List<String> found(List<String> entries, String text) {
        return new PhraseMatcher(entries)
                .find(text).stream().map(m -> m.text(text)).toList();
    }

    @Test
    void matchesWholeWordsWhateverTheCase() {
        assertThat(found(List.of("plague"), "A PLAGUE of thefts")).containsExactly("PLAGUE");
        assertThat(found(List.of("plague"), "plagues and plagued")).isEmpty();
        assertThat(found(List.of("war on *"), "the War on bike thieves")).containsExactly("War on bike");
    }

    @Test
    void aStarStandsForLettersInsideAWord() {
        assertThat(found(List.of("schokkend*"), "Schokkende beelden, schokkend nieuws"))
                .containsExactly("Schokkende", "schokkend");
        assertThat(found(List.of("é*"), "Une épidémie")).containsExactly("épidémie");
    }

    @Test
    void phrasesSpanAnyWhiteSpaceAndBothApostrophes() {
        assertThat(found(List.of("personne n'est à l'abri"), "Personne n’est  à l'abri."))
                .containsExactly("Personne n’est  à l'abri");
        assertThat(found(List.of("qu'une seule patrouille"), "Il n'y a qu’une seule patrouille"))
                .containsExactly("qu’une seule patrouille");
    }

    @Test
    void regularExpressionsFindCompoundWords() {
        assertThat(found(List.of("re:\\p{L}*(inbraak)golf"), "Een nieuwe inbraakgolf en een woninginbraakgolf"))
                .containsExactly("inbraakgolf", "woninginbraakgolf");
    }

    @Test
    void overlappingMatchesKeepTheLongest() {
        assertThat(found(List.of("no patrol", "no patrols tonight"), "There are no patrols tonight"))
                .containsExactly("no patrols tonight");
    }

    @Test
    void jargonEntriesCarryTheirPlainWord() {
        PhraseMatcher matcher = new PhraseMatcher(List.of("apprehend => arrest"));
        assertThat(matcher.find("We will apprehend them").getFirst().entry().suggestion())
                .isEqualTo("arrest");
    }

    @Test
    void refusesBrokenOrEmptyMatchingExpressions() {
        assertThatThrownBy(() -> PhraseMatcher.compile("re:(unclosed")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PhraseMatcher.compile("re:a*")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PhraseMatcher.compile("  ")).isInstanceOf(IllegalArgumentException.class);
    }
}
