package eu.herald.audiences.domain;

import eu.herald.accounts.Access;
import eu.herald.accounts.Role;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Audiences, the matrix and the area list are national reference data: only an administrator whose reach is the
 * whole tree (the federal service) changes them, not a police zone's or a municipality's administrator.
 */
@Component
class NationalAdmin {

    private final Access access;

    NationalAdmin(Access access) {
        this.access = access;
    }

    void require() {
        if (!access.reachesEverything(Role.ADMIN)) {
            throw new AccessDeniedException("national reference data: an administrator of the whole tree only");
        }
    }
}
