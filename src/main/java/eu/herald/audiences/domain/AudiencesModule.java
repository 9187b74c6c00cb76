package eu.herald.audiences.domain;

import eu.herald.accounts.OrganisationId;
import eu.herald.audiences.Area;
import eu.herald.audiences.Audience;
import eu.herald.audiences.AudienceId;
import eu.herald.audiences.Audiences;
import eu.herald.audiences.Recommendation;
import eu.herald.common.Language;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;

/**
 * The module's API for other modules. It checks no roles: callers decide who may see what. Retired areas are found
 * by code (campaigns keep referring to them) but not by search.
 */
@Service
class AudiencesModule implements Audiences {

    private final AudienceCatalogue catalogue;
    private final ChannelMatrix matrix;
    private final AreaDirectory areas;
    private final LanguageRules languageRules;

    AudiencesModule(
            AudienceCatalogue catalogue, ChannelMatrix matrix, AreaDirectory areas, LanguageRules languageRules) {
        this.catalogue = catalogue;
        this.matrix = matrix;
        this.areas = areas;
        this.languageRules = languageRules;
    }

    @Override
    public List<Audience> audiences() {
        return catalogue.active().stream().map(AudienceEntry::audience).toList();
    }

    @Override
    public Optional<Audience> audience(AudienceId id) {
        return catalogue.all().stream()
                .filter(entry -> entry.id().equals(id))
                .map(AudienceEntry::audience)
                .findFirst();
    }

    @Override
    public Optional<Area> area(String nisCode) {
        return areas.find(nisCode).map(StoredArea::area);
    }

    @Override
    public List<Area> areas(Collection<String> nisCodes) {
        return areas.findAll(nisCodes).stream().map(StoredArea::area).toList();
    }

    @Override
    public List<Area> searchAreas(String query, int limit) {
        return areas.search(query, limit, Language.of(LocaleContextHolder.getLocale())).stream()
                .map(StoredArea::area)
                .toList();
    }

    @Override
    public List<Recommendation> recommend(Collection<AudienceId> audiences, Language language) {
        return matrix.recommend(audiences, language);
    }

    /** See {@link LanguageRules#required}: without known areas, the organisation's own official languages count. */
    @Override
    public Set<Language> requiredLanguages(Collection<String> nisCodes, OrganisationId organisation) {
        return languageRules.required(nisCodes, organisation);
    }
}
