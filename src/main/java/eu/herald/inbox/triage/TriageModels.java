package eu.herald.inbox.triage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The stored versions of the triage model ({@code inbox.triage_model}). */
@Repository
class TriageModels {

    /** A version without its bytes. */
    record Version(
            int version,
            Instant trainedAt,
            @Nullable UUID trainedBy,
            String algorithm,
            int trainingSize,
            int correctionsUsed,
            @Nullable Long lastCorrectionId,
            double emergencyThreshold,
            int heldoutSize,
            double macroF1,
            double emergencyRecall,
            double accuracy,
            String metrics,
            boolean active,
            @Nullable Instant activatedAt,
            @Nullable String note) {}

    private static final String COLUMNS = "version, trained_at, trained_by, algorithm, training_size, corrections_used,"
            + " last_correction_id, emergency_threshold, heldout_size, macro_f1, emergency_recall, accuracy,"
            + " metrics::text AS metrics, active, activated_at, note";

    private final JdbcClient jdbc;

    TriageModels(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Serialises writers of versions across nodes until the transaction ends. */
    void lock() {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('inbox.triage_model'))")
                .query()
                .singleValue();
    }

    Optional<Version> active() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM inbox.triage_model WHERE active")
                .query(TriageModels::version)
                .optional();
    }

    Optional<Integer> activeVersion() {
        return jdbc.sql("SELECT version FROM inbox.triage_model WHERE active")
                .query(Integer.class)
                .optional();
    }

    Optional<Version> find(int version) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM inbox.triage_model WHERE version = ?")
                .param(version)
                .query(TriageModels::version)
                .optional();
    }

    List<Version> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM inbox.triage_model ORDER BY version DESC")
                .query(TriageModels::version)
                .list();
    }

    Optional<byte[]> bytes(int version) {
        return jdbc.sql("SELECT model FROM inbox.triage_model WHERE version = ?")
                .param(version)
                .query((rs, n) -> rs.getBytes(1))
                .optional();
    }

    boolean any() {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM inbox.triage_model)")
                .query(Boolean.class)
                .single();
    }

    int nextVersion() {
        return jdbc.sql("SELECT coalesce(max(version), 0) + 1 FROM inbox.triage_model")
                .query(Integer.class)
                .single();
    }

    /** The newest correction any version learnt from (0: none). */
    long newestCorrectionLearnt() {
        return jdbc.sql("SELECT coalesce(max(last_correction_id), 0) FROM inbox.triage_model")
                .query(Long.class)
                .single();
    }

    void insert(Version v, byte[] model) {
        jdbc.sql("INSERT INTO inbox.triage_model (version, trained_at, trained_by, algorithm, training_size,"
                        + " corrections_used, last_correction_id, emergency_threshold, heldout_size, macro_f1,"
                        + " emergency_recall, accuracy, metrics, active, activated_at, note, model)"
                        + " VALUES (:version, :trainedAt, :trainedBy, :algorithm, :trainingSize, :correctionsUsed,"
                        + " :lastCorrectionId, :threshold, :heldoutSize, :macroF1, :emergencyRecall, :accuracy,"
                        + " :metrics::jsonb, false, NULL, :note, :model)")
                .param("version", v.version())
                .param("trainedAt", v.trainedAt().atOffset(java.time.ZoneOffset.UTC))
                .param("trainedBy", v.trainedBy())
                .param("algorithm", v.algorithm())
                .param("trainingSize", v.trainingSize())
                .param("correctionsUsed", v.correctionsUsed())
                .param("lastCorrectionId", v.lastCorrectionId())
                .param("threshold", v.emergencyThreshold())
                .param("heldoutSize", v.heldoutSize())
                .param("macroF1", v.macroF1())
                .param("emergencyRecall", v.emergencyRecall())
                .param("accuracy", v.accuracy())
                .param("metrics", v.metrics())
                .param("note", v.note())
                .param("model", model)
                .update();
    }

    /** Makes {@code version} the only active one. */
    void activate(int version) {
        jdbc.sql("UPDATE inbox.triage_model SET active = false WHERE active AND version <> ?")
                .param(version)
                .update();
        jdbc.sql("UPDATE inbox.triage_model SET active = true, activated_at = now(), note = NULL WHERE version = ?")
                .param(version)
                .update();
    }

    private static Version version(ResultSet rs, int row) throws SQLException {
        long lastCorrection = rs.getLong("last_correction_id");
        Long lastCorrectionId = rs.wasNull() ? null : lastCorrection;
        OffsetDateTime activatedAt = rs.getObject("activated_at", OffsetDateTime.class);
        return new Version(
                rs.getInt("version"),
                rs.getObject("trained_at", OffsetDateTime.class).toInstant(),
                rs.getObject("trained_by", UUID.class),
                rs.getString("algorithm"),
                rs.getInt("training_size"),
                rs.getInt("corrections_used"),
                lastCorrectionId,
                rs.getDouble("emergency_threshold"),
                rs.getInt("heldout_size"),
                rs.getDouble("macro_f1"),
                rs.getDouble("emergency_recall"),
                rs.getDouble("accuracy"),
                rs.getString("metrics"),
                rs.getBoolean("active"),
                activatedAt == null ? null : activatedAt.toInstant(),
                rs.getString("note"));
    }
}
