package eu.herald.accounts;

/** What a membership lets a user do in an organisation and its descendants. */
public enum Role {
    /** Manages organisations, users and memberships; reads the audit trail. */
    ADMIN,
    /** Writes campaigns and messages. */
    COMMUNICATOR,
    /** Approves messages written by someone else. */
    APPROVER,
    /** Answers and moderates citizens' reactions. */
    MODERATOR,
    /** Reads dashboards and evaluations. */
    ANALYST,
    /** A security or prevention partner using the closed portal. */
    PARTNER;

    /** The Spring Security authority for this role, e.g. {@code ROLE_ADMIN}. */
    public String authority() {
        return "ROLE_" + name();
    }
}
