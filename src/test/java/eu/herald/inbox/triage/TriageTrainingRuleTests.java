package eu.herald.inbox.triage;

import static org.assertj.core.api.Assertions.assertThat;

import eu.herald.inbox.Category;
import org.junit.jupiter.api.Test;

/** The activation rule: a new version must be at least as good on both macro-F1 and EMERGENCY recall. */
class TriageTrainingRuleTests {

    @Test
    void anEqualOrBetterVersionIsNotWorse() {
        Evaluation active = evaluation(3, 1);
        assertThat(TriageTraining.worse(evaluation(3, 1), active, 4)).isNull();
        assertThat(TriageTraining.worse(evaluation(4, 0), active, 4)).isNull();
    }

    @Test
    void aVersionLosingEmergencyRecallIsWorseWhateverItsMacroF1() {
        String note = TriageTraining.worse(evaluation(2, 2), evaluation(3, 1), 4);
        assertThat(note).contains("version 4").contains("EMERGENCY recall 0.500 < 0.750");
    }

    /** Four emergencies of which {@code found} are found, and {@code wrongTips} of four tips called questions. */
    private static Evaluation evaluation(int found, int wrongTips) {
        Evaluation e = new Evaluation();
        for (int i = 0; i < 4; i++) {
            e.add(Category.EMERGENCY, i < found ? Category.EMERGENCY : Category.OTHER);
            e.add(Category.TIP, i < wrongTips ? Category.QUESTION : Category.TIP);
            e.add(Category.QUESTION, Category.QUESTION);
        }
        return e;
    }
}
