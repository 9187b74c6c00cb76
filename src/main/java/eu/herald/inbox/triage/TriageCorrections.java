package eu.herald.inbox.triage;

import eu.herald.common.Language;
import eu.herald.inbox.Category;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Moderators' corrections of triage verdicts ({@code inbox.triage_correction}). */
@Repository
class TriageCorrections {

    /** A correction as training needs it. */
    record Correction(long id, String text, Language language, Category category) {}

    private final JdbcClient jdbc;

    TriageCorrections(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(
            String text,
            Language language,
            Category category,
            @Nullable Category predicted,
            @Nullable UUID correctedBy,
            @Nullable UUID itemId) {
        return jdbc.sql("INSERT INTO inbox.triage_correction (text, language, category, predicted, corrected_by,"
                        + " item_id) VALUES (?, ?, ?, ?, ?, ?) RETURNING id")
                .params(
                        text,
                        language.code(),
                        category.name(),
                        predicted == null ? null : predicted.name(),
                        correctedBy,
                        itemId)
                .query(Long.class)
                .single();
    }

    /** Every correction with an id up to {@code lastId}, oldest first. */
    List<Correction> upTo(long lastId) {
        return jdbc.sql("SELECT id, text, language, category FROM inbox.triage_correction WHERE id <= ? ORDER BY id")
                .param(lastId)
                .query((rs, n) -> new Correction(
                        rs.getLong("id"),
                        rs.getString("text"),
                        Language.fromCode(rs.getString("language")).orElseThrow(),
                        Category.valueOf(rs.getString("category"))))
                .list();
    }

    /** The newest correction's id (0: none). */
    long newestId() {
        return jdbc.sql("SELECT coalesce(max(id), 0) FROM inbox.triage_correction")
                .query(Long.class)
                .single();
    }

    int eraseOf(UUID itemId) {
        return jdbc.sql("DELETE FROM inbox.triage_correction WHERE item_id = ?")
                .param(itemId)
                .update();
    }
}
