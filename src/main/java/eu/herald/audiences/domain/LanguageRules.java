package eu.herald.audiences.domain;

import eu.herald.accounts.Access;
import eu.herald.accounts.OrganisationId;
import eu.herald.accounts.OrganisationSummary;
import eu.herald.accounts.Role;
import eu.herald.audiences.OrganisationLanguagesChanged;
import eu.herald.common.Actor;
import eu.herald.common.Language;
import eu.herald.common.NotFoundException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * In which languages a message must exist: the official languages of the areas it is for (Brussels nl and fr,
 * Flanders nl, Wallonia fr, the German-speaking Community de), plus the languages its organisation adds, such as
 * English. Organisations' additions are kept here and edited by their administrators.
 */
@Service
public class LanguageRules {

    /** An organisation an administrator reaches, with the languages it adds. */
    public record OrganisationRules(OrganisationSummary organisation, List<Language> extraLanguages) {}

    private final AreaDirectory areas;
    private final OrganisationLanguages languages;
    private final Access access;
    private final ApplicationEventPublisher events;

    LanguageRules(
            AreaDirectory areas, OrganisationLanguages languages, Access access, ApplicationEventPublisher events) {
        this.areas = areas;
        this.languages = languages;
        this.access = access;
        this.events = events;
    }

    /**
     * The union of the known areas' official languages and the organisation's additions. Without any known area
     * (a national campaign), the organisation's own official languages stand in for the areas'.
     */
    @Transactional(readOnly = true)
    public Set<Language> required(Collection<String> nisCodes, @Nullable OrganisationId organisation) {
        Set<Language> required = EnumSet.noneOf(Language.class);
        List<StoredArea> known = areas.findAll(nisCodes);
        known.forEach(area -> required.addAll(area.officialLanguages()));
        if (organisation != null) {
            if (known.isEmpty()) {
                access.organisation(organisation).ifPresent(o -> required.addAll(o.officialLanguages()));
            }
            required.addAll(languages.of(organisation));
        }
        return Collections.unmodifiableSet(required);
    }

    /** The languages an organisation adds, for anyone who reaches it in some role. */
    @Transactional(readOnly = true)
    public Set<Language> extraLanguages(OrganisationId organisation) {
        if (!reaches(organisation)) {
            throw new NotFoundException("organisation");
        }
        return languages.of(organisation);
    }

    /** Whether the current user holds any role reaching the organisation. */
    public boolean reaches(OrganisationId organisation) {
        return Arrays.stream(Role.values()).anyMatch(role -> access.currentUserCan(role, organisation));
    }

    /** The organisations the current administrator reaches, in tree order, with their additions. */
    @Transactional(readOnly = true)
    public List<OrganisationRules> administered() {
        List<OrganisationSummary> reached = access.reachable(Role.ADMIN);
        Map<OrganisationId, List<Language>> extras =
                languages.of(reached.stream().map(OrganisationSummary::id).toList());
        return reached.stream()
                .map(o -> new OrganisationRules(o, extras.getOrDefault(o.id(), List.of())))
                .toList();
    }

    @Transactional(readOnly = true)
    public OrganisationRules administered(OrganisationId organisation) {
        OrganisationSummary summary = administrable(organisation);
        return new OrganisationRules(
                summary, languages.of(organisation).stream().sorted().toList());
    }

    @Transactional
    public void changeExtraLanguages(OrganisationId organisation, Set<Language> extra) {
        administrable(organisation);
        List<Language> before = languages.of(organisation).stream().sorted().toList();
        List<Language> after = extra.stream().sorted().distinct().toList();
        if (before.equals(after)) {
            return;
        }
        languages.replace(organisation, EnumSet.copyOf(extra.isEmpty() ? EnumSet.noneOf(Language.class) : extra));
        events.publishEvent(new OrganisationLanguagesChanged(Actor.current(), organisation, before, after));
    }

    private OrganisationSummary administrable(OrganisationId organisation) {
        if (!access.currentUserCan(Role.ADMIN, organisation)) {
            throw new NotFoundException("organisation");
        }
        return access.organisation(organisation).orElseThrow(() -> new NotFoundException("organisation"));
    }
}
