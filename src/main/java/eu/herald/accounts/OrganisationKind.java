package eu.herald.accounts;

import java.util.Set;

/** The levels of the organisation tree and which level may sit under which. */
public enum OrganisationKind {
    FEDERAL,
    POLICE_ZONE,
    MUNICIPALITY,
    PARTNER;

    /** The kinds an organisation of this kind may have as its parent; none for the root. */
    public Set<OrganisationKind> allowedParents() {
        return switch (this) {
            case FEDERAL -> Set.of();
            case POLICE_ZONE -> Set.of(FEDERAL);
            case MUNICIPALITY -> Set.of(FEDERAL, POLICE_ZONE);
            case PARTNER -> Set.of(POLICE_ZONE, MUNICIPALITY);
        };
    }
}
