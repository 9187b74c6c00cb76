package eu.herald.accounts.domain;

import eu.herald.accounts.SignInAttempted;
import eu.herald.accounts.SignInAttempted.Outcome;
import eu.herald.accounts.UserId;
import eu.herald.common.Actor;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads users for sign-in and keeps the sign-in record: last sign-in, failed attempts, and the lock that follows too
 * many failures. Every attempt reaches the audit trail.
 */
@Service
public class SignInService implements UserDetailsService {

    private final Users users;
    private final Memberships memberships;
    private final AccountsProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SignInService(
            Users users,
            Memberships memberships,
            AccountsProperties properties,
            ApplicationEventPublisher events,
            Optional<Clock> clock) {
        this.users = users;
        this.memberships = memberships;
        this.properties = properties;
        this.events = events;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    @Override
    @Transactional(readOnly = true)
    public SignedInUser loadUserByUsername(String email) {
        return users.findByEmail(email)
                .map(this::principal)
                .orElseThrow(() -> new UsernameNotFoundException("unknown"));
    }

    /** The principal for a user, with the roles of their memberships in active organisations. */
    SignedInUser principal(User user) {
        Set<String> roles = new HashSet<>();
        memberships.of(user.id()).forEach(m -> roles.add(m.role().name()));
        return new SignedInUser(user, roles, user.lockedAt(clock.instant()));
    }

    @EventListener
    @Transactional
    public void on(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof SignedInUser user
                && !"bearer".equals(event.getAuthentication().getDetails())) {
            UserId id = new UserId(user.userId());
            users.signedIn(id, clock.instant());
            Actor actor = new Actor(user.userId(), user.displayName());
            events.publishEvent(new SignInAttempted(actor, Outcome.SIGNED_IN, id, home(id)));
        }
    }

    @EventListener
    @Transactional
    public void on(AbstractAuthenticationFailureEvent event) {
        Object typed = event.getAuthentication().getPrincipal();
        Optional<User> user = typed instanceof String email ? users.findByEmail(email) : Optional.empty();
        if (user.isEmpty()) {
            events.publishEvent(new SignInAttempted(Actor.SYSTEM, Outcome.FAILED, null, null));
            return;
        }
        User known = user.get();
        Actor actor = new Actor(known.id().value(), known.displayName());
        if (event instanceof AuthenticationFailureLockedEvent) {
            events.publishEvent(new SignInAttempted(actor, Outcome.FAILED, known.id(), known.homeOrganisation()));
            return;
        }
        int failures = users.countFailure(known.id());
        events.publishEvent(new SignInAttempted(actor, Outcome.FAILED, known.id(), known.homeOrganisation()));
        if (failures >= properties.maxFailedSignIns()) {
            Instant until = clock.instant().plus(properties.lockDuration());
            users.lock(known.id(), until);
            events.publishEvent(new SignInAttempted(actor, Outcome.LOCKED, known.id(), known.homeOrganisation()));
        }
    }

    @EventListener
    @Transactional
    public void on(LogoutSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof SignedInUser user) {
            UserId id = new UserId(user.userId());
            events.publishEvent(new SignInAttempted(
                    new Actor(user.userId(), user.displayName()), Outcome.SIGNED_OUT, id, home(id)));
        }
    }

    private eu.herald.accounts.OrganisationId home(UserId id) {
        return users.find(id).map(User::homeOrganisation).orElseThrow();
    }

    /** The principal for a user id, for token authentication. */
    @Transactional(readOnly = true)
    Optional<SignedInUser> principal(UUID userId) {
        return users.find(new UserId(userId)).filter(User::active).map(this::principal);
    }
}
