package eu.herald.inbox.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.herald.HeraldTest;
import eu.herald.TestEnvironment;
import eu.herald.common.Language;
import eu.herald.inbox.Category;
import eu.herald.inbox.triage.Corpus.Example;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Retraining from corrections on the running application: a new version becomes active only when it is not worse on
 * the held-out corpus. Each test starts from a known active version: the corpus-only model, with no corrections.
 */
@HeraldTest
class TriageRetrainingTests {

    @Autowired
    TriageTraining training;

    @Autowired
    TriageService triage;

    @Autowired
    TriageModels models;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @Autowired
    DataSource dataSource;

    @BeforeEach
    void fromTheCorpusAloneWithoutCorrections() {
        triage.classify("start", null); // waits for the first model
        jdbc.sql("DELETE FROM inbox.triage_correction").update();
        TriageTraining.Outcome baseline = training.retrain("test baseline");
        if (!baseline.activated()) {
            forceActive(baseline.version());
        }
    }

    @Test
    void aVersionAsGoodAsTheActiveOneBecomesActiveEverywhere() throws Exception {
        int before = triage.activeVersion();
        mvc.perform(post("/api/v1/inbox/triage/models")
                        .header("Authorization", "Bearer " + TestEnvironment.DEMO_API_TOKEN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\": \"same knowledge, same model\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.version").value(before + 1))
                .andExpect(jsonPath("$.activated").value(true))
                .andExpect(jsonPath("$.note").doesNotExist());
        assertThat(triage.activeVersion()).isEqualTo(before + 1);
        assertThat(triage.classify("help er is nu brand!!", null).modelVersion())
                .isEqualTo(before + 1);
        assertThat(models.activeVersion()).contains(before + 1);
        assertThat(models.find(before).orElseThrow().active()).isFalse();
    }

    @Test
    void aWorseVersionIsKeptInactiveWithTheReason() {
        int before = triage.activeVersion();
        UUID item = UUID.randomUUID();
        poison(item);
        assertThat(training.hasNewCorrections()).isTrue();
        TriageTraining.Outcome outcome = training.retrain("poisoned corrections");
        assertThat(outcome.activated()).isFalse();
        assertThat(outcome.correctionsUsed()).isGreaterThan(100);
        assertThat(outcome.note()).contains("worse than version " + before).contains("EMERGENCY recall");
        assertThat(triage.activeVersion()).isEqualTo(before);
        TriageModels.Version stored = models.find(outcome.version()).orElseThrow();
        assertThat(stored.active()).isFalse();
        assertThat(stored.note()).isEqualTo(outcome.note());
        assertThat(stored.correctionsUsed()).isEqualTo(outcome.correctionsUsed());
        assertThat(training.hasNewCorrections()).isFalse();
        assertThat(training.eraseCorrectionsOf(item)).isEqualTo(outcome.correctionsUsed());
    }

    @Test
    void aBetterVersionReplacesAWorseOne() {
        UUID item = UUID.randomUUID();
        poison(item);
        TriageTraining.Outcome poisoned = training.retrain("poisoned corrections");
        forceActive(poisoned.version());
        training.eraseCorrectionsOf(item);
        TriageTraining.Outcome clean = training.retrain("corrections withdrawn");
        assertThat(clean.activated()).isTrue();
        assertThat(clean.emergencyRecall()).isGreaterThan(poisoned.emergencyRecall());
        assertThat(triage.activeVersion()).isEqualTo(clean.version());
    }

    /** Every training emergency of the corpus, "corrected" three times to OTHER: the model unlearns emergencies. */
    @Test
    void theNightlyRetrainingRunsOnOneNodeOnly() throws Exception {
        training.recordCorrection(
                "Er staat al een uur een busje met draaiende motor voor de school",
                Language.NL,
                Category.TIP,
                null,
                null);
        int before = models.nextVersion();
        // another node holds the nightly lock: this one leaves the training to it
        try (Connection other = dataSource.getConnection();
                PreparedStatement lock = other.prepareStatement("SELECT pg_advisory_lock(?)");
                PreparedStatement unlock = other.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            lock.setLong(1, TriageTraining.NIGHTLY_LOCK);
            lock.execute();
            try {
                assertThat(training.nightly()).isFalse();
                assertThat(models.nextVersion()).isEqualTo(before);
            } finally {
                unlock.setLong(1, TriageTraining.NIGHTLY_LOCK);
                unlock.execute();
            }
        }
        assertThat(training.nightly()).isTrue();
        assertThat(models.nextVersion()).isEqualTo(before + 1);
        // the correction is learnt: a node firing later finds nothing new
        assertThat(training.nightly()).isFalse();
    }

    private void poison(UUID item) {
        List<Example> emergencies = Corpus.shipped().training().stream()
                .filter(e -> e.category() == Category.EMERGENCY)
                .toList();
        for (int i = 0; i < 3; i++) {
            for (Example e : emergencies) {
                training.recordCorrection(e.text(), e.language(), Category.OTHER, Category.EMERGENCY, item);
            }
        }
    }

    private void forceActive(int version) {
        models.activate(version);
        triage.activate(version, TriageModel.fromBytes(models.bytes(version).orElseThrow()));
    }
}
