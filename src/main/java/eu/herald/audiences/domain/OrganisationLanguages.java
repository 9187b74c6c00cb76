package eu.herald.audiences.domain;

import eu.herald.accounts.OrganisationId;
import eu.herald.common.Language;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The languages organisations add to those of their areas. */
@Repository
class OrganisationLanguages {

    private final JdbcClient jdbc;

    OrganisationLanguages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Set<Language> of(OrganisationId organisation) {
        Set<Language> languages = EnumSet.noneOf(Language.class);
        jdbc.sql("SELECT language FROM audiences.organisation_language WHERE organisation_id = ?")
                .param(organisation.value())
                .query(String.class)
                .list()
                .forEach(code -> Language.fromCode(code).ifPresent(languages::add));
        return languages;
    }

    Map<OrganisationId, List<Language>> of(Collection<OrganisationId> organisations) {
        Map<OrganisationId, List<Language>> languages = new HashMap<>();
        if (organisations.isEmpty()) {
            return languages;
        }
        jdbc.sql("SELECT organisation_id, language FROM audiences.organisation_language"
                        + " WHERE organisation_id = ANY(?) ORDER BY organisation_id, language")
                .param(organisations.stream().map(OrganisationId::value).toArray(UUID[]::new))
                .query((rs, row) -> {
                    OrganisationId id = new OrganisationId(rs.getObject("organisation_id", UUID.class));
                    Language.fromCode(rs.getString("language"))
                            .ifPresent(language -> languages
                                    .computeIfAbsent(id, key -> new ArrayList<>())
                                    .add(language));
                    return id;
                })
                .list();
        languages.values().forEach(list -> list.sort(null));
        return languages;
    }

    void replace(OrganisationId organisation, Set<Language> languages) {
        jdbc.sql("DELETE FROM audiences.organisation_language WHERE organisation_id = ?")
                .param(organisation.value())
                .update();
        for (Language language : languages) {
            jdbc.sql("INSERT INTO audiences.organisation_language (organisation_id, language) VALUES (?, ?)")
                    .params(organisation.value(), language.code())
                    .update();
        }
    }
}
