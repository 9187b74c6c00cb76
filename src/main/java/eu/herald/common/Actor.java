package eu.herald.common;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who did something: a signed-in user, or Herald itself (seeding, scheduled work). Recorded with every auditable
 * change.
 */
public record Actor(@Nullable UUID userId, String name) {

    public static final Actor SYSTEM = new Actor(null, "Herald");

    /** The user of the current request, or {@link #SYSTEM} outside a request. */
    public static Actor current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof Principal principal) {
            return new Actor(principal.userId(), principal.displayName());
        }
        return SYSTEM;
    }

    /** What a signed-in principal exposes to every module. */
    public interface Principal {
        UUID userId();

        String displayName();
    }
}
