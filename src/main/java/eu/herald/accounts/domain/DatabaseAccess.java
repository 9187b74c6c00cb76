package eu.herald.accounts.domain;

import eu.herald.accounts.Access;
import eu.herald.accounts.Logo;
import eu.herald.accounts.OrganisationId;
import eu.herald.accounts.OrganisationKind;
import eu.herald.accounts.OrganisationSummary;
import eu.herald.accounts.Role;
import eu.herald.common.Actor;
import eu.herald.common.Language;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * {@link Access} read from the database on every question, so that a revoked membership or a deactivated
 * organisation takes effect at once.
 */
@Component
class DatabaseAccess implements Access {

    private final Organisations organisations;
    private final Logos logos;

    DatabaseAccess(Organisations organisations, Logos logos) {
        this.organisations = organisations;
        this.logos = logos;
    }

    @Override
    public boolean currentUserCan(Role role, OrganisationId organisation) {
        UUID user = Actor.current().userId();
        return user != null && organisations.reaches(user, role.name(), organisation.value());
    }

    void require(Role role, OrganisationId organisation) {
        if (!currentUserCan(role, organisation)) {
            throw new AccessDeniedException("no " + role + " membership reaching " + organisation);
        }
    }

    List<Organisation> reachableOrganisations(Role role) {
        UUID user = Actor.current().userId();
        return user == null ? List.of() : organisations.reachable(user, role.name());
    }

    @Override
    public List<OrganisationSummary> reachable(Role role) {
        Language language = Language.of(LocaleContextHolder.getLocale());
        return OrganisationDirectory.treeOrder(reachableOrganisations(role), language).stream()
                .map(Organisation::summary)
                .toList();
    }

    @Override
    public boolean reachesEverything(Role role) {
        return reachableOrganisations(role).stream().anyMatch(o -> o.parentId() == null);
    }

    @Override
    public List<OrganisationSummary> active(OrganisationKind... kinds) {
        java.util.Set<OrganisationKind> wanted = java.util.Set.of(kinds);
        Language language = Language.of(LocaleContextHolder.getLocale());
        return OrganisationDirectory.treeOrder(organisations.all(), language).stream()
                .map(Organisation::summary)
                .filter(o -> o.active() && wanted.contains(o.kind()))
                .toList();
    }

    @Override
    public Optional<OrganisationSummary> organisation(OrganisationId id) {
        return organisations.find(id).map(Organisation::summary);
    }

    @Override
    public Optional<Logo> logo(OrganisationId id) {
        return logos.find(id);
    }
}
