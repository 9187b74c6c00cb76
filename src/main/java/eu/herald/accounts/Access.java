package eu.herald.accounts;

import java.util.List;
import java.util.Optional;

/**
 * Answers what the signed-in user may do. A membership (organisation, role) reaches that organisation and all its
 * descendants, and nothing else; memberships in deactivated organisations and of deactivated users reach nothing.
 */
public interface Access {

    /** Whether the current user holds {@code role} for {@code organisation} (directly or through an ancestor). */
    boolean currentUserCan(Role role, OrganisationId organisation);

    /**
     * The organisations where the current user holds {@code role}, in tree order, deactivated ones included (see
     * {@link OrganisationSummary#active()}).
     */
    List<OrganisationSummary> reachable(Role role);

    /** Whether the current user's reach for {@code role} includes the whole tree (a membership at the root). */
    boolean reachesEverything(Role role);

    Optional<OrganisationSummary> organisation(OrganisationId id);

    /**
     * Every active organisation of the given kinds, whoever asks: for work Herald does itself (seeding a module's
     * defaults per organisation) and for public pages that name organisations (the contact form). No reach implied.
     */
    List<OrganisationSummary> active(OrganisationKind... kinds);

    /** The organisation's logo, for what Herald prints in its name (posters); no reach implied. */
    Optional<Logo> logo(OrganisationId id);
}
