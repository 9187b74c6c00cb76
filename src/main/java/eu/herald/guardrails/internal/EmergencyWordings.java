package eu.herald.guardrails.internal;

import eu.herald.common.Language;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Organisations' own emergency-line sentences. */
@Repository
class EmergencyWordings {

    private final JdbcClient jdbc;

    EmergencyWordings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Map<UUID, Map<Language, String>> all() {
        Map<UUID, Map<Language, String>> all = new HashMap<>();
        jdbc.sql("SELECT organisation_id, language, wording FROM guardrails.emergency_wording")
                .query(rs -> {
                    all.computeIfAbsent(
                                    rs.getObject("organisation_id", UUID.class), id -> new EnumMap<>(Language.class))
                            .put(Language.fromCode(rs.getString("language")).orElseThrow(), rs.getString("wording"));
                });
        return all;
    }

    Map<Language, String> of(UUID organisation) {
        Map<Language, String> wordings = new EnumMap<>(Language.class);
        jdbc.sql("SELECT language, wording FROM guardrails.emergency_wording WHERE organisation_id = ?")
                .param(organisation)
                .query(rs -> {
                    wordings.put(Language.fromCode(rs.getString("language")).orElseThrow(), rs.getString("wording"));
                });
        return wordings;
    }

    void put(UUID organisation, Language language, String wording, @Nullable UUID by) {
        jdbc.sql(
                        "INSERT INTO guardrails.emergency_wording (organisation_id, language, wording, changed_by)"
                                + " VALUES (?, ?, ?, ?) ON CONFLICT (organisation_id, language)"
                                + " DO UPDATE SET wording = EXCLUDED.wording, changed_at = now(), changed_by = EXCLUDED.changed_by")
                .params(organisation, language.code(), wording, by)
                .update();
    }

    void clear(UUID organisation, Language language) {
        jdbc.sql("DELETE FROM guardrails.emergency_wording WHERE organisation_id = ? AND language = ?")
                .params(organisation, language.code())
                .update();
    }
}
