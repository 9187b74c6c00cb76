package eu.herald.guardrails.internal;

import eu.herald.common.Language;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Admins' changes to the shipped word lists. */
@Repository
class LexiconChanges {

    private final JdbcClient jdbc;

    LexiconChanges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<LexiconChange> all() {
        return jdbc.sql("SELECT lexicon, language, entry, kind FROM guardrails.lexicon_change ORDER BY id")
                .query((rs, row) -> new LexiconChange(
                        Lexicon.fromCode(rs.getString("lexicon")).orElseThrow(),
                        Language.fromCode(rs.getString("language")).orElseThrow(),
                        rs.getString("entry"),
                        LexiconChange.Kind.valueOf(rs.getString("kind"))))
                .list();
    }

    Optional<LexiconChange.Kind> find(Lexicon lexicon, Language language, String entry) {
        return jdbc.sql("SELECT kind FROM guardrails.lexicon_change WHERE lexicon = ? AND language = ? AND entry = ?")
                .params(lexicon.code(), language.code(), entry)
                .query(String.class)
                .optional()
                .map(LexiconChange.Kind::valueOf);
    }

    void record(LexiconChange change, @Nullable UUID by) {
        jdbc.sql("INSERT INTO guardrails.lexicon_change (lexicon, language, entry, kind, changed_by)"
                        + " VALUES (?, ?, ?, ?, ?)")
                .params(
                        change.lexicon().code(),
                        change.language().code(),
                        change.entry(),
                        change.kind().name(),
                        by)
                .update();
    }

    void forget(Lexicon lexicon, Language language, String entry) {
        jdbc.sql("DELETE FROM guardrails.lexicon_change WHERE lexicon = ? AND language = ? AND entry = ?")
                .params(lexicon.code(), language.code(), entry)
                .update();
    }
}
