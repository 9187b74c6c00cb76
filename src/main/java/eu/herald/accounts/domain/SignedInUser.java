package eu.herald.accounts.domain;

import eu.herald.common.Actor;
import eu.herald.common.Language;
import java.io.Serial;
import java.io.Serializable;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The principal of a signed-in user or API token. Its name is the user's id, so the email address never lands in the
 * session table's index or in a log line; its authorities are the roles the user holds somewhere.
 */
public final class SignedInUser implements UserDetails, CredentialsContainer, Actor.Principal, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final UUID userId;
    private final String email;
    private final String displayName;
    private final Language language;
    private @Nullable String passwordHash;
    private final boolean active;
    private final boolean hasPassword;
    private final boolean locked;
    private final Set<String> roles;

    SignedInUser(User user, Set<String> roles, boolean locked) {
        this.userId = user.id().value();
        this.email = user.email();
        this.displayName = user.displayName();
        this.language = user.language();
        this.passwordHash = user.passwordHash();
        this.active = user.active();
        this.hasPassword = user.hasPassword();
        this.locked = locked;
        this.roles = Set.copyOf(roles);
    }

    @Override
    public UUID userId() {
        return userId;
    }

    @Override
    public String displayName() {
        return displayName;
    }

    public String email() {
        return email;
    }

    public Language language() {
        return language;
    }

    public Set<String> roles() {
        return roles;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return roles.stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList();
    }

    @Override
    public @Nullable String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return userId.toString();
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public boolean isEnabled() {
        return active && hasPassword;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    /** The roles held, in a stable order, for display. */
    public List<String> sortedRoles() {
        return roles.stream().sorted().toList();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SignedInUser that && that.userId.equals(userId);
    }

    @Override
    public int hashCode() {
        return userId.hashCode();
    }

    @Override
    public String toString() {
        return "SignedInUser[" + userId + "]";
    }
}
