package eu.herald.inbox.triage;

import eu.herald.common.Actor;
import eu.herald.common.Language;
import eu.herald.inbox.Category;
import eu.herald.inbox.triage.Corpus.Example;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Versions of the triage model: the first trained from the shipped corpus at start-up when the database has none,
 * later ones from the corpus's training part plus moderators' corrections. A new version is scored on the corpus's
 * held-out part and activated only when its macro-F1 and its EMERGENCY recall are both at least those of the active
 * version (scored again on the same held-out part); otherwise it is kept, inactive, with the reason.
 *
 * <p>The inbox's moderation page calls {@link #recordCorrection}; retraining runs nightly when there are corrections
 * that no version learnt from yet, and when an admin asks (POST /api/v1/inbox/triage/models).
 */
@Service
public class TriageTraining {

    private static final Logger log = LoggerFactory.getLogger(TriageTraining.class);

    /**
     * What a retraining gave.
     *
     * @param note why the version was not activated (null when it was)
     */
    public record Outcome(
            int version,
            boolean activated,
            @Nullable String note,
            double macroF1,
            double emergencyRecall,
            int trainingSize,
            int correctionsUsed) {}

    private final TriageModels models;
    private final TriageCorrections corrections;
    private final TriageService triage;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final TriageTrainer trainer;
    private final ReentrantLock training = new ReentrantLock();
    private volatile @Nullable Corpus corpus;

    private final JdbcTemplate jdbc;

    TriageTraining(
            TriageModels models,
            TriageCorrections corrections,
            TriageService triage,
            TransactionTemplate transactions,
            ApplicationEventPublisher events,
            JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.models = models;
        this.corrections = corrections;
        this.triage = triage;
        this.transactions = transactions;
        this.events = events;
        this.trainer = TriageTrainer.DEFAULT;
    }

    /**
     * Records a moderator's correction of a verdict; the next retraining learns from it. The current user (or Herald)
     * is recorded as the one who corrected.
     *
     * @param text the reaction's text as it was triaged
     * @param language the language of the text
     * @param category the right category
     * @param predicted what triage had said, when known
     * @param itemId the inbox item it comes from, so that retention can erase the correction with the item
     * @return the correction's id
     */
    public long recordCorrection(
            String text, Language language, Category category, @Nullable Category predicted, @Nullable UUID itemId) {
        if (text.isBlank()) {
            throw new IllegalArgumentException("A correction needs the text");
        }
        Actor actor = Actor.current();
        Long id = transactions.execute(status -> {
            long created = corrections.insert(text.strip(), language, category, predicted, actor.userId(), itemId);
            events.publishEvent(new TriageCorrectionRecorded(actor, created, language, category, predicted));
            return created;
        });
        return id == null ? 0 : id;
    }

    /** Erases the corrections made on an inbox item (retention). Versions already trained keep what they learnt. */
    public int eraseCorrectionsOf(UUID itemId) {
        Integer erased = transactions.execute(status -> corrections.eraseOf(itemId));
        return erased == null ? 0 : erased;
    }

    /** Whether some correction is newer than every version's training. */
    public boolean hasNewCorrections() {
        return corrections.newestId() > models.newestCorrectionLearnt();
    }

    /**
     * Trains a new version from the corpus's training part and every correction, scores it on the held-out part and
     * activates it if it is not worse than the active version. One retraining at a time per node; versions are
     * numbered under a database lock.
     *
     * @param reason why (recorded in the audit trail), or null for Herald's nightly run
     */
    public Outcome retrain(@Nullable String reason) {
        Actor actor = Actor.current();
        training.lock();
        try {
            long lastCorrection = corrections.newestId();
            List<TriageCorrections.Correction> learnt = corrections.upTo(lastCorrection);
            List<Example> examples = new ArrayList<>(corpus().training());
            learnt.forEach(c -> examples.add(new Example(c.language(), c.category(), false, c.text())));
            TriageModel model = trainer.train(examples);
            Evaluation evaluation = score(model);
            Outcome outcome = transactions.execute(status -> {
                models.lock();
                int version = models.nextVersion();
                @Nullable String note = null;
                var active = models.active();
                if (active.isPresent()) {
                    Evaluation current = score(loaded(active.get().version()));
                    note = worse(evaluation, current, active.get().version());
                }
                models.insert(
                        version(
                                version,
                                actor,
                                examples.size(),
                                learnt.size(),
                                lastCorrection,
                                model,
                                evaluation,
                                note),
                        model.toBytes());
                if (note == null) {
                    models.activate(version);
                }
                events.publishEvent(new TriageModelTrained(
                        actor,
                        version,
                        note == null,
                        examples.size(),
                        learnt.size(),
                        evaluation.macroF1(),
                        evaluation.emergencyRecall(),
                        note,
                        reason));
                return new Outcome(
                        version,
                        note == null,
                        note,
                        evaluation.macroF1(),
                        evaluation.emergencyRecall(),
                        examples.size(),
                        learnt.size());
            });
            if (outcome == null) {
                throw new IllegalStateException("Retraining returned nothing");
            }
            if (outcome.activated()) {
                triage.activate(outcome.version(), model);
            }
            log.info(
                    "Triage model version {} trained on {} examples ({} corrections): macro-F1 {}, EMERGENCY recall {}, {}",
                    outcome.version(),
                    outcome.trainingSize(),
                    outcome.correctionsUsed(),
                    format(outcome.macroF1()),
                    format(outcome.emergencyRecall()),
                    outcome.activated() ? "activated" : "not activated: " + outcome.note());
            return outcome;
        } finally {
            training.unlock();
        }
    }

    /**
     * The nightly retraining: only when some correction is not learnt yet, and on one node. Every node's schedule fires;
     * the first takes a PostgreSQL advisory lock for the time of the training, the others find it taken and let it
     * be — and a node coming later finds nothing new to learn.
     *
     * @return whether this node retrained
     */
    @Scheduled(cron = "${herald.inbox.triage.retrain-cron:0 30 2 * * *}", zone = "Europe/Brussels")
    boolean nightly() {
        if (!hasNewCorrections()) {
            return false;
        }
        Boolean retrained = jdbc.execute((ConnectionCallback<Boolean>) connection -> {
            if (!advisory(connection, "pg_try_advisory_lock")) {
                log.info("Nightly triage retraining left to the node already doing it");
                return false;
            }
            try {
                if (!hasNewCorrections()) {
                    return false;
                }
                retrain(null);
                return true;
            } finally {
                advisory(connection, "pg_advisory_unlock");
            }
        });
        return Boolean.TRUE.equals(retrained);
    }

    /** The advisory lock of the nightly retraining, held by the connection that takes it. */
    static final long NIGHTLY_LOCK = 0x48_65_72_61_6c_64_54_72L; // "HeraldTr"

    private static boolean advisory(Connection connection, String function) throws SQLException {
        try (PreparedStatement call = connection.prepareStatement("SELECT " + function + "(?)")) {
            call.setLong(1, NIGHTLY_LOCK);
            try (ResultSet result = call.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    /** Picks up a version activated on another node. */
    @Scheduled(
            fixedDelayString = "${herald.inbox.triage.refresh-interval:60s}",
            initialDelayString = "${herald.inbox.triage.refresh-interval:60s}")
    void refresh() {
        int current = triage.activeVersion();
        if (current == 0) {
            return;
        }
        models.activeVersion().filter(v -> v != current).ifPresent(v -> triage.activate(v, loaded(v)));
    }

    /** After start-up, in the background: loads the active model, or trains version 1 when there is none. */
    @EventListener(ApplicationReadyEvent.class)
    void start() {
        Thread.ofVirtual().name("triage-first-model").start(() -> {
            try {
                ensureActiveModel();
            } catch (RuntimeException e) {
                log.error("Triage has no model: training or loading the first one failed", e);
                triage.failed(e);
            }
        });
    }

    void ensureActiveModel() {
        var active = models.activeVersion();
        if (active.isPresent()) {
            triage.activate(active.get(), loaded(active.get()));
            log.info("Triage model version {} loaded", active.get());
            return;
        }
        training.lock();
        try {
            long started = System.nanoTime();
            List<Example> examples = corpus().training();
            TriageModel model = trainer.train(examples);
            Evaluation evaluation = score(model);
            Integer version = transactions.execute(status -> {
                models.lock();
                var already = models.activeVersion();
                if (already.isPresent()) {
                    return -already.get();
                }
                int next = models.nextVersion();
                models.insert(
                        version(next, Actor.SYSTEM, examples.size(), 0, null, model, evaluation, null),
                        model.toBytes());
                models.activate(next);
                events.publishEvent(new TriageModelTrained(
                        Actor.SYSTEM,
                        next,
                        true,
                        examples.size(),
                        0,
                        evaluation.macroF1(),
                        evaluation.emergencyRecall(),
                        null,
                        "first model, from the corpus"));
                return next;
            });
            if (version == null) {
                throw new IllegalStateException("Storing the first triage model returned nothing");
            }
            if (version < 0) {
                triage.activate(-version, loaded(-version));
            } else {
                triage.activate(version, model);
                log.info(
                        "Triage model version {} trained from the corpus in {} ms: macro-F1 {}, EMERGENCY recall {}",
                        version,
                        (System.nanoTime() - started) / 1_000_000,
                        format(evaluation.macroF1()),
                        format(evaluation.emergencyRecall()));
            }
        } finally {
            training.unlock();
        }
    }

    private TriageModel loaded(int version) {
        return TriageModel.fromBytes(models.bytes(version)
                .orElseThrow(() -> new IllegalStateException("Triage model version " + version + " is gone")));
    }

    private Evaluation score(TriageModel model) {
        Evaluation evaluation = new Evaluation();
        for (Example example : corpus().heldOut()) {
            evaluation.add(example.category(), model.decide(example.text()).category());
        }
        return evaluation;
    }

    /** Why {@code candidate} is worse than the active version, or null when it is not. */
    static @Nullable String worse(Evaluation candidate, Evaluation active, int activeVersion) {
        List<String> reasons = new ArrayList<>();
        if (candidate.macroF1() < active.macroF1() - 1e-9) {
            reasons.add("macro-F1 " + format(candidate.macroF1()) + " < " + format(active.macroF1()));
        }
        if (candidate.emergencyRecall() < active.emergencyRecall() - 1e-9) {
            reasons.add("EMERGENCY recall " + format(candidate.emergencyRecall()) + " < "
                    + format(active.emergencyRecall()));
        }
        return reasons.isEmpty()
                ? null
                : "worse than version " + activeVersion + " on the held-out corpus: " + String.join(", ", reasons);
    }

    private TriageModels.Version version(
            int version,
            Actor actor,
            int trainingSize,
            int correctionsUsed,
            @Nullable Long lastCorrection,
            TriageModel model,
            Evaluation evaluation,
            @Nullable String note) {
        return new TriageModels.Version(
                version,
                Instant.now(),
                actor.userId(),
                trainer.describe(),
                trainingSize,
                correctionsUsed,
                lastCorrection == null || lastCorrection == 0 ? null : lastCorrection,
                model.emergencyThreshold(),
                evaluation.total(),
                evaluation.macroF1(),
                evaluation.emergencyRecall(),
                evaluation.accuracy(),
                evaluation.toJson(),
                false,
                null,
                note);
    }

    private Corpus corpus() {
        Corpus loaded = corpus;
        if (loaded == null) {
            loaded = Corpus.shipped();
            corpus = loaded;
        }
        return loaded;
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
