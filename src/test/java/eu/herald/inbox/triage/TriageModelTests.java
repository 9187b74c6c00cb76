package eu.herald.inbox.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import eu.herald.common.Channel;
import eu.herald.common.Language;
import eu.herald.common.LanguageDetection;
import eu.herald.inbox.Category;
import eu.herald.inbox.triage.Corpus.Example;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The classifier trained as Herald trains it at start-up (the corpus's training part), on messages that are in no part
 * of the corpus.
 */
class TriageModelTests {

    static TriageModel model;
    static TriageService triage;

    @BeforeAll
    static void train() {
        TriageEvaluation.quietTraining();
        model = TriageTrainer.DEFAULT.train(Corpus.shipped().training());
        triage = new TriageService(TriageProperties.defaults(), new LanguageDetection());
        triage.activate(7, model);
    }

    @Test
    void emergenciesInEachLanguageAreEmergencies() {
        assertThat(List.of(
                        "help er staat nu iemand in mijn living met een mes, kom snel",
                        "au secours il y a un homme qui frappe a ma porte avec une hache maintenant",
                        "Hilfe jemand bricht gerade in unser Haus ein, bitte schnell",
                        "someone is breaking into my car right now outside, please hurry"))
                .allSatisfy(text -> assertThat(
                                triage.classify(text, Channel.FACEBOOK).category())
                        .as(text)
                        .isEqualTo(Category.EMERGENCY));
    }

    @Test
    void misspeltShoutedEmergenciesWithEmojiAreEmergenciesToo() {
        assertThat(List.of(
                        "HELPPP ze zyn aant inbrekn bij de buurvrouw NUU 😱😱",
                        "vite vite yen a un ki tabasse un mec devant le metro la 😭",
                        "HILFEE einer prügelt grad auf ne frau ein am bahnhof!!!",
                        "omg theres a guy with a gun in the shop rn 😨 pls send help"))
                .allSatisfy(text -> assertThat(triage.classify(text, null).category())
                        .as(text)
                        .isEqualTo(Category.EMERGENCY));
    }

    @Test
    void otherCategoriesInEachLanguage() {
        assertThat(triage.classify("waar kan ik mijn fiets laten graveren in gent?", null)
                        .category())
                .isEqualTo(Category.QUESTION);
        assertThat(triage.classify("gagnez 400€ par jour depuis votre canapé 💸 clique ici bit.ly/cash-vite", null)
                        .category())
                .isEqualTo(Category.SPAM);
        assertThat(triage.classify("vielen dank an die beamten für die schnelle hilfe gestern ❤️", null)
                        .category())
                .isEqualTo(Category.PRAISE);
        assertThat(triage.classify("ACAB you corrupt pigs 🖕", null).category()).isEqualTo(Category.ABUSE);
    }

    @Test
    void theLanguageIsDetectedAndEmojiAloneFallsBackToEnglish() {
        assertThat(triage.classify("Mijn fiets is gestolen aan het station", null)
                        .language())
                .isEqualTo(Language.NL);
        assertThat(triage.classify("On m'a volé mon vélo à la gare", null).language())
                .isEqualTo(Language.FR);
        assertThat(triage.classify("Mein Fahrrad wurde am Bahnhof gestohlen", null)
                        .language())
                .isEqualTo(Language.DE);
        assertThat(triage.classify("👍👍", null).language()).isEqualTo(Language.EN);
        assertThat(triage.classify("👍👍", null).modelVersion()).isEqualTo(7);
    }

    @Test
    void theEmergencyThresholdChoosesEmergencyBelowTheTopClass() {
        double[] p = new double[Category.values().length];
        p[Category.EMERGENCY.ordinal()] = 0.30;
        p[Category.TIP.ordinal()] = 0.55;
        p[Category.OTHER.ordinal()] = 0.15;
        TriageModel.Decision biased = TriageModel.decide(p, 0.25);
        assertThat(biased.category()).isEqualTo(Category.EMERGENCY);
        assertThat(biased.biased()).isTrue();
        assertThat(biased.confidence()).isEqualTo(0.30);
        TriageModel.Decision unbiased = TriageModel.decide(p, 0.35);
        assertThat(unbiased.category()).isEqualTo(Category.TIP);
        assertThat(unbiased.confidence()).isEqualTo(0.55);
    }

    @Test
    void theTunedThresholdIsBelowOneHalfAndRaisesEmergencyRecallOnTheHeldOutPart() {
        assertThat(model.emergencyThreshold()).isBetween(0.05, 0.5);
        List<Example> emergencies = Corpus.shipped().heldOut().stream()
                .filter(e -> e.category() == Category.EMERGENCY)
                .toList();
        long biased = emergencies.stream()
                .filter(e -> model.decide(e.text()).category() == Category.EMERGENCY)
                .count();
        long unbiased = emergencies.stream()
                .filter(e -> model.decideUnbiased(e.text()).category() == Category.EMERGENCY)
                .count();
        assertThat(biased).isGreaterThanOrEqualTo(unbiased);
    }

    @Test
    void anEmergencyNeverWaitsForAHumanButAnUnsureVerdictDoes() {
        TriageService strict = new TriageService(
                new TriageProperties(0.99, "-", Duration.ofSeconds(60), Duration.ofSeconds(1)),
                new LanguageDetection());
        strict.activate(1, model);
        Triage.Verdict emergency =
                strict.classify("help er staat nu iemand in mijn living met een mes, kom snel", null);
        assertThat(emergency.category()).isEqualTo(Category.EMERGENCY);
        assertThat(emergency.confidence()).isLessThan(0.99);
        assertThat(emergency.needsHuman()).isFalse();
        Triage.Verdict unsure = strict.classify("tja, weet ik veel", null);
        assertThat(unsure.category()).isNotEqualTo(Category.EMERGENCY);
        assertThat(unsure.needsHuman()).isTrue();
        Triage.Verdict relaxed = triage.classify("tja, weet ik veel", null);
        assertThat(relaxed.needsHuman()).isEqualTo(relaxed.confidence() < 0.5);
    }

    @Test
    void aModelSurvivesItsBytesUnchanged() {
        TriageModel copy = TriageModel.fromBytes(model.toBytes());
        assertThat(copy.emergencyThreshold()).isEqualTo(model.emergencyThreshold());
        assertThat(copy.features()).isEqualTo(model.features());
        String text = "er is nu brand in de keuken!!";
        double[] before = model.probabilities(text);
        double[] after = copy.probabilities(text);
        for (int i = 0; i < before.length; i++) {
            assertThat(after[i]).isCloseTo(before[i], within(1e-12));
        }
    }

    @Test
    void classifyingFromManyThreadsWhileAVersionIsSwappedInGivesEveryThreadAWholeVerdict() throws Exception {
        List<String> texts =
                Corpus.shipped().heldOut().stream().map(Example::text).toList();
        List<Triage.Verdict> sequential =
                texts.stream().map(t -> triage.classify(t, null)).toList();
        TriageService swapping = new TriageService(TriageProperties.defaults(), new LanguageDetection());
        swapping.activate(1, model);
        TriageModel copy = TriageModel.fromBytes(model.toBytes());
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(4)) {
            List<java.util.concurrent.Future<List<Triage.Verdict>>> runs = new java.util.ArrayList<>();
            for (int thread = 0; thread < 4; thread++) {
                runs.add(pool.submit(() ->
                        texts.stream().map(t -> swapping.classify(t, null)).toList()));
            }
            for (int version = 2; version < 50; version++) {
                swapping.activate(version, version % 2 == 0 ? copy : model);
            }
            for (var run : runs) {
                List<Triage.Verdict> verdicts = run.get();
                for (int i = 0; i < texts.size(); i++) {
                    assertThat(verdicts.get(i).category())
                            .isEqualTo(sequential.get(i).category());
                    assertThat(verdicts.get(i).confidence())
                            .isCloseTo(sequential.get(i).confidence(), within(1e-12));
                }
            }
        }
    }

    @Test
    void withoutAModelAClassificationFailsAfterTheConfiguredWait() {
        TriageService empty = new TriageService(
                new TriageProperties(0.5, "-", Duration.ofSeconds(60), Duration.ofMillis(50)), new LanguageDetection());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> empty.classify("hallo", null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("No triage model yet");
    }
}
