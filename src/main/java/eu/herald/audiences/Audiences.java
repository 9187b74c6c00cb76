package eu.herald.audiences;

import eu.herald.accounts.OrganisationId;
import eu.herald.common.Language;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The audiences module's API: catalogue, areas, channel advice and language rules. */
public interface Audiences {

    /** The active audiences, in catalogue order. */
    List<Audience> audiences();

    Optional<Audience> audience(AudienceId id);

    Optional<Area> area(String nisCode);

    /** Areas by NIS code; unknown codes are left out. */
    List<Area> areas(Collection<String> nisCodes);

    /** Areas whose name, NIS code or postcode matches, for pickers. */
    List<Area> searchAreas(String query, int limit);

    /**
     * Channel advice for the chosen audiences: every channel with how well it reaches them and why, best first,
     * reasons in {@code language}.
     */
    List<Recommendation> recommend(Collection<AudienceId> audiences, Language language);

    /**
     * The languages a message for these areas must exist in: the areas' official languages, plus the languages the
     * organisation adds (e.g. English). Never empty for a non-empty set of known areas.
     */
    Set<Language> requiredLanguages(Collection<String> nisCodes, OrganisationId organisation);
}
