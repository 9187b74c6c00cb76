package eu.herald.inbox.triage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextFeaturesTests {

    @Test
    void lowerCasesStripsAccentsAndCutsRepeatedLetters() {
        assertThat(TextFeatures.tokens("FENÊTRE forcée, HELPPPP nuuuu"))
                .containsExactly("fenetre", "forcee", "helpp", "nuu");
    }

    @Test
    void linksMentionsAndPhoneNumbersBecomePlaceholdersButEmergencyNumbersStay() {
        assertThat(TextFeatures.tokens(
                        "@PoliceBrussels zie https://bit.ly/x en www.promo.shop of bel 0470 12 34 56, niet 112"))
                .containsExactly("_mention_", "zie", "_url_", "en", "_url_", "of", "bel", "_phone_", "niet", "112");
        assertThat(TextFeatures.tokens("klik op bpost-levering.info nu")).containsExactly("klik", "op", "_url_", "nu");
    }

    @Test
    void everyEmojiIsATokenOfItsOwn() {
        assertThat(TextFeatures.tokens("brand🔥🔥 ❤️ merci")).containsExactly("brand", "🔥", "🔥", "❤", "merci");
    }

    @Test
    void theFeaturesHoldWordsCharacterNGramsFormAndTheUrgencyLexicon() {
        String[] features = TextFeatures.DEFAULT.of("HELP ze zijn NU aan het inbreken!!");
        assertThat(features)
                .contains("w=inbreken", "c=inbr", "c= nu ", "form=shouted_word", "form=exclamations")
                .contains("lex=now", "lex=help");
        assertThat(TextFeatures.DEFAULT.withLexicon(false).of("HELP ze zijn NU aan het inbreken!!"))
                .noneMatch(f -> f.startsWith("lex="));
    }

    @Test
    void aMisspeltWordSharesMostOfItsCharacterNGrams() {
        var right = java.util.Set.of(TextFeatures.DEFAULT.of("inbrekers"));
        var wrong = java.util.Set.of(TextFeatures.DEFAULT.of("inbrekrs"));
        long shared = wrong.stream().filter(right::contains).count();
        assertThat(shared).isGreaterThan(wrong.size() / 2);
    }

    @Test
    void shoutingInCapitalsIsAFeature() {
        assertThat(TextFeatures.DEFAULT.of("ER IS BRAND IN DE KELDER")).contains("form=shouting");
        assertThat(TextFeatures.DEFAULT.of("er is brand in de kelder")).doesNotContain("form=shouting");
    }
}
