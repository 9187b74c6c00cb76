package eu.herald.guardrails.internal;

import static org.assertj.core.api.Assertions.assertThat;

import eu.herald.common.Channel;
import eu.herald.common.Language;
import eu.herald.guardrails.Check;
import eu.herald.guardrails.Draft;
import eu.herald.guardrails.Finding;
import eu.herald.guardrails.Media;
import eu.herald.guardrails.Rule;
import eu.herald.guardrails.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every rule of the engine, in the four languages. */
class GuardrailsEngineTests {

    private static final GuardrailsEngine engine = GuardrailsEngine.standalone();

    private static Check check(String text, Channel channel, Language language) {
        return engine.check(Draft.of(text, channel, language));
    }

    private static List<Finding> of(Check check, Rule rule) {
        return check.findings().stream().filter(f -> f.rule() == rule).toList();
    }

    private static List<String> marked(Check check, Rule rule, String text) {
        return of(check, rule).stream()
                .map(f -> text.substring(f.start(), f.end()))
                .toList();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "en|A shocking crime wave: no one is safe, you could be next.",
                "nl|Een schokkende inbraakgolf: niemand is veilig, u kunt de volgende zijn.",
                "fr|Une vague de cambriolages effroyable : personne n'est à l'abri, vous pourriez être le prochain.",
                "de|Eine schockierende Einbruchswelle: niemand ist sicher, Sie könnten die Nächsten sein."
            })
    void manyAlarmingExpressionsBlock(String code, String text) {
        Check check = check(text, Channel.WEBSITE, Language.fromCode(code).orElseThrow());
        assertThat(of(check, Rule.ANXIETY)).hasSizeGreaterThanOrEqualTo(3);
        assertThat(of(check, Rule.ANXIETY)).allMatch(f -> f.severity() == Severity.BLOCK);
        assertThat(check.blocks()).isTrue();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "en|Pickpocketing is a plague at the Christmas market. Keep your bag closed.|plague",
                "nl|Fietsdiefstal is een echte plaag. Gebruik twee sloten.|plaag",
                "fr|Le vol de vélos est un fléau. Utilisez deux cadenas.|fléau",
                "de|Fahrraddiebstahl ist eine Plage. Nutzen Sie zwei Schlösser.|Plage"
            })
    void oneAlarmingExpressionWarnsAndIsMarked(String code, String text, String expression) {
        Check check = check(text, Channel.WEBSITE, Language.fromCode(code).orElseThrow());
        assertThat(marked(check, Rule.ANXIETY, text)).containsExactly(expression);
        assertThat(of(check, Rule.ANXIETY).getFirst().severity()).isEqualTo(Severity.WARN);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "en|Lock your door and windows, even when you pop out for five minutes.",
                "nl|Sluit uw deur en ramen, ook als u maar vijf minuten weg bent.",
                "fr|Fermez votre porte et vos fenêtres, même pour une absence de cinq minutes.",
                "de|Schließen Sie Tür und Fenster ab, auch wenn Sie nur fünf Minuten weg sind."
            })
    void calmPracticalAdviceRaisesNoAnxietyNorOpsec(String code, String text) {
        Check check = check(text, Channel.WEBSITE, Language.fromCode(code).orElseThrow());
        assertThat(of(check, Rule.ANXIETY)).isEmpty();
        assertThat(of(check, Rule.OPSEC)).isEmpty();
        assertThat(check.blocks()).isFalse();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "en|There is only one patrol tonight in the centre.|only one patrol",
                "nl|De eigenaars zijn op vakantie tot 15 augustus.|De eigenaars zijn op vakantie",
                "fr|Ce week-end, pas de patrouille dans le quartier nord.|pas de patrouille",
                "de|Die Wohnung steht leer bis Ende Juli.|Die Wohnung steht leer",
                "en|Police checks on the ring road from 22:00 tonight.|checks on the ring road from 22:00",
                "nl|De verdachte reed met een witte bestelwagen weg.|De verdachte reed"
            })
    void detailsThatHelpOffendersBlock(String code, String text, String detail) {
        Check check = check(text, Channel.WEBSITE, Language.fromCode(code).orElseThrow());
        assertThat(marked(check, Rule.OPSEC, text)).contains(detail);
        assertThat(check.blocks()).isTrue();
    }

    @Test
    void belgianPlatesNamedPeopleAndAddressesNextToAnOffenceBlock() {
        String text = "Wagen 1-ABC-123 gezocht. Bij mevrouw Peeters werd ingebroken in de Kerkstraat 12.";
        Check check = check(text, Channel.WEBSITE, Language.NL);
        assertThat(marked(check, Rule.OPSEC, text)).contains("1-ABC-123", "mevrouw Peeters", "Kerkstraat 12");
        String press = "Maria Janssens (82) was het slachtoffer.";
        assertThat(marked(check(press, Channel.PRESS, Language.NL), Rule.OPSEC, press))
                .contains("Maria Janssens (82)");
        String info = "Infoavond over inbraakpreventie in het gemeentehuis, Marktplein 1.";
        assertThat(of(check(info, Channel.WEBSITE, Language.NL), Rule.OPSEC))
                .as("an address without a victim")
                .hasSizeLessThanOrEqualTo(0);
        String german = "Einer Frau Geld gestohlen? Herr Schmitz wurde bestohlen.";
        assertThat(marked(check(german, Channel.WEBSITE, Language.DE), Rule.OPSEC, german))
                .containsExactly("Herr Schmitz");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "en|This page is not monitored around the clock. In an emergency call 112, for the police 101.",
                "nl|Deze pagina is geen noodlijn. Bel 112 bij nood, 101 voor de politie.",
                "fr|Cette page n'est pas une ligne d'urgence : appelez le 112, ou le 101 pour la police.",
                "de|Diese Seite ist kein Notruf. Im Notfall 112, für die Polizei 101."
            })
    void aMessageWhereCitizensReactMustSayItIsNoEmergencyLine(String code, String disclaimer) {
        Language language = Language.fromCode(code).orElseThrow();
        assertThat(of(check("Tip: lock up. ", Channel.FACEBOOK, language), Rule.EMERGENCY_LINE))
                .singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.WARN));
        assertThat(of(check("Tip. " + disclaimer, Channel.FACEBOOK, language), Rule.EMERGENCY_LINE))
                .isEmpty();
        assertThat(of(check("Tip.", Channel.POSTER, language), Rule.EMERGENCY_LINE))
                .as("nobody reacts on a poster")
                .isEmpty();
        String defaultWording = Knowledge.shipped().defaultWording(language);
        assertThat(of(check("Tip. " + defaultWording, Channel.FACEBOOK, language), Rule.EMERGENCY_LINE))
                .isEmpty();
    }

    @Test
    void theNumbersAloneAreNotEnough() {
        assertThat(of(check("Bel 112 of 101.", Channel.X, Language.NL), Rule.EMERGENCY_LINE))
                .hasSize(1);
    }

    @Test
    void shortChannelsNeedALinkToTheFullInformation() {
        assertThat(of(check("Graveer uw fiets.", Channel.X, Language.NL), Rule.LINK))
                .hasSize(1);
        assertThat(of(check("Graveer uw fiets: politie.be/fiets", Channel.MASTODON, Language.NL), Rule.LINK))
                .isEmpty();
        assertThat(of(check("Graveer uw fiets.", Channel.FACEBOOK, Language.NL), Rule.LINK))
                .isEmpty();
    }

    @Test
    void longSentencesAndHardTextWarnWithTheScore() {
        String longSentence = "Wij willen u er in het kader van de preventieve acties die door de lokale politie in"
                + " samenwerking met de gemeentelijke diensten worden georganiseerd op wijzen dat het verstandig is"
                + " om waardevolle voorwerpen nooit zichtbaar achter te laten in uw voertuig.";
        Check check = check(longSentence, Channel.WEBSITE, Language.NL);
        assertThat(of(check, Rule.PLAIN_LANGUAGE))
                .extracting(Finding::messageKey)
                .contains(
                        "guardrails.plainLanguage.longSentence",
                        "guardrails.plainLanguage.hard",
                        "guardrails.plainLanguage.jargonInstead");
        Finding score = of(check, Rule.PLAIN_LANGUAGE).stream()
                .filter(f -> f.messageKey().equals("guardrails.plainLanguage.hard"))
                .findFirst()
                .orElseThrow();
        assertThat(score.arguments().get(1)).isEqualTo("Flesch–Douma");
        String easy = "Sluit uw deur. Ook als u thuis bent. Leg uw sleutels niet in het zicht. Zo maakt u het"
                + " dieven moeilijk. Tips vindt u op de site.";
        assertThat(of(check(easy, Channel.WEBSITE, Language.NL), Rule.PLAIN_LANGUAGE))
                .singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.INFO));
    }

    @Test
    void imagesNeedAltTextAndVideosCaptions() {
        Draft draft = new Draft(
                "Tip",
                Channel.INSTAGRAM,
                Language.EN,
                List.of(
                        new Media(Media.Kind.IMAGE, " ", false),
                        new Media(Media.Kind.IMAGE, "A bicycle with two locks", false),
                        new Media(Media.Kind.VIDEO, null, false),
                        new Media(Media.Kind.VIDEO, null, true)),
                null);
        assertThat(of(engine.check(draft), Rule.ALT_TEXT))
                .extracting(Finding::messageKey, f -> f.arguments().getFirst())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("guardrails.altText.image", 1),
                        org.assertj.core.groups.Tuple.tuple("guardrails.altText.video", 3));
    }

    @Test
    void overTheChannelLimitBlocksFromTheFirstCharacterTooMany() {
        String text = "Fietsdiefstal. ".repeat(30);
        Check check = check(text, Channel.X, Language.NL);
        assertThat(check.length().exceeded()).isTrue();
        Finding over = of(check, Rule.LENGTH).getFirst();
        assertThat(over.severity()).isEqualTo(Severity.BLOCK);
        assertThat(over.start()).isEqualTo(280);
        assertThat(over.end()).isEqualTo(text.length());
    }

    @Test
    void whatsappTellsWhichCharacterForcesUcs2() {
        Check check = check("Opgelet: ideeën voor uw veiligheid", Channel.WHATSAPP, Language.NL);
        Finding ucs2 = of(check, Rule.LENGTH).getFirst();
        assertThat(ucs2.severity()).isEqualTo(Severity.INFO);
        assertThat(ucs2.arguments().getFirst()).isEqualTo("ë");
    }

    @Test
    void withoutALanguageItIsDetected() {
        assertThat(engine.check(Draft.of(
                                "Laat geen waardevolle spullen achter in uw auto, ook niet in de koffer.",
                                Channel.WEBSITE,
                                null))
                        .language())
                .isEqualTo(Language.NL);
        assertThat(engine.check(Draft.of(
                                "Ne laissez pas d'objets de valeur dans votre voiture, même dans le coffre.",
                                Channel.WEBSITE,
                                null))
                        .language())
                .isEqualTo(Language.FR);
    }

    @Test
    void everyShippedLexiconCompilesInEveryLanguage() {
        for (Lexicon lexicon : Lexicon.values()) {
            for (Language language : Language.values()) {
                assertThat(new PhraseMatcher(lexicon.fileEntries(language)).size())
                        .as(lexicon + " " + language)
                        .isGreaterThan(10);
            }
        }
    }
}
