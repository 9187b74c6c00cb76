package eu.herald.accounts.domain;

import eu.herald.accounts.OrganisationId;
import eu.herald.accounts.Role;
import eu.herald.accounts.UserChanged;
import eu.herald.accounts.UserChanged.Change;
import eu.herald.accounts.UserId;
import eu.herald.common.Actor;
import eu.herald.common.Language;
import eu.herald.common.LanguageChosen;
import eu.herald.common.NotFoundException;
import eu.herald.common.RefusedException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Users and their memberships, as an admin manages them: invite, edit, deactivate (never delete: a user's history
 * stays), grant and revoke roles. Every change is published for the audit trail.
 */
@Service
public class UserDirectory {

    private final Users users;
    private final Memberships memberships;
    private final Organisations organisations;
    private final DatabaseAccess access;
    private final InvitationService invitations;
    private final PasswordEncoder passwords;
    private final AccountsProperties properties;
    private final ApplicationEventPublisher events;
    private final Optional<FindByIndexNameSessionRepository<? extends Session>> sessions;

    UserDirectory(
            Users users,
            Memberships memberships,
            Organisations organisations,
            DatabaseAccess access,
            InvitationService invitations,
            PasswordEncoder passwords,
            AccountsProperties properties,
            ApplicationEventPublisher events,
            Optional<FindByIndexNameSessionRepository<? extends Session>> sessions) {
        this.users = users;
        this.memberships = memberships;
        this.organisations = organisations;
        this.access = access;
        this.invitations = invitations;
        this.passwords = passwords;
        this.properties = properties;
        this.events = events;
        this.sessions = sessions;
    }

    /** The outcome of an invitation: the user, and the link when it could not be emailed. */
    public record Invited(User user, InvitationService.@Nullable Sent invitation) {}

    @Transactional(readOnly = true)
    public List<User> visible(String search) {
        return users.visibleTo(me(), search == null ? "" : search.trim(), 500);
    }

    /** A user the current admin may manage. */
    @Transactional(readOnly = true)
    public User get(UserId id) {
        User user = users.find(id).orElseThrow(() -> new NotFoundException("user"));
        boolean visible = access.currentUserCan(Role.ADMIN, user.homeOrganisation())
                || memberships.of(id).stream().anyMatch(m -> access.currentUserCan(Role.ADMIN, m.organisation()));
        if (!visible) {
            throw new NotFoundException("user");
        }
        return user;
    }

    @Transactional(readOnly = true)
    public List<Membership> memberships(UserId id) {
        get(id);
        return memberships.of(id);
    }

    @Transactional
    public Invited invite(NewUser request) {
        requireAdminOfActive(request.organisation());
        if (users.emailTaken(request.email())) {
            throw new RefusedException("user.error.emailTaken");
        }
        User user = new User(
                new UserId(UUID.randomUUID()),
                request.organisation(),
                request.email().trim(),
                request.displayName().trim(),
                request.language(),
                null,
                true,
                request.serviceAccount(),
                0,
                null,
                null,
                0);
        users.insert(user);
        memberships.add(new Membership(UUID.randomUUID(), user.id(), request.organisation(), request.role()));
        Map<String, Object> after = new java.util.LinkedHashMap<>(user.auditSummary());
        after.put("role", request.role().name());
        after.put("serviceAccount", request.serviceAccount());
        events.publishEvent(
                new UserChanged(Actor.current(), Change.INVITED, user.id(), request.organisation(), Map.of(), after));
        InvitationService.Sent sent = request.serviceAccount() ? null : invitations.send(user);
        return new Invited(user, sent);
    }

    @Transactional
    public InvitationService.Sent resendInvitation(UserId id) {
        User user = get(id);
        if (user.serviceAccount() || !user.active()) {
            throw new RefusedException("invitation.error.notInvitable");
        }
        return invitations.send(user);
    }

    @Transactional
    public User update(UserId id, int version, String email, String displayName, Language language) {
        User before = get(id);
        if (!before.email().equalsIgnoreCase(email.trim()) && users.emailTaken(email)) {
            throw new RefusedException("user.error.emailTaken");
        }
        User after = new User(
                before.id(),
                before.homeOrganisation(),
                email.trim(),
                displayName.trim(),
                language,
                before.passwordHash(),
                before.active(),
                before.serviceAccount(),
                before.failedLogins(),
                before.lockedUntil(),
                before.lastLoginAt(),
                version);
        users.update(after);
        events.publishEvent(new UserChanged(
                Actor.current(),
                Change.UPDATED,
                id,
                before.homeOrganisation(),
                before.auditSummary(),
                after.auditSummary()));
        return after;
    }

    @Transactional
    public void deactivate(UserId id, int version) {
        User before = get(id);
        if (id.value().equals(Actor.current().userId())) {
            throw new RefusedException("user.error.notYourself");
        }
        if (!before.active()) {
            throw new RefusedException("user.error.inactive");
        }
        setActive(before, version, false, Change.DEACTIVATED);
        endSessions(id);
    }

    @Transactional
    public void reactivate(UserId id, int version) {
        User before = get(id);
        if (before.active()) {
            throw new RefusedException("user.error.active");
        }
        setActive(before, version, true, Change.REACTIVATED);
    }

    private void setActive(User before, int version, boolean active, Change change) {
        users.update(new User(
                before.id(),
                before.homeOrganisation(),
                before.email(),
                before.displayName(),
                before.language(),
                before.passwordHash(),
                active,
                before.serviceAccount(),
                before.failedLogins(),
                before.lockedUntil(),
                before.lastLoginAt(),
                version));
        events.publishEvent(new UserChanged(
                Actor.current(),
                change,
                before.id(),
                before.homeOrganisation(),
                Map.of("active", !active),
                Map.of("active", active)));
    }

    @Transactional
    public void grant(UserId id, OrganisationId organisation, Role role) {
        get(id);
        requireAdminOfActive(organisation);
        if (!memberships.add(new Membership(UUID.randomUUID(), id, organisation, role))) {
            throw new RefusedException("membership.error.exists");
        }
        events.publishEvent(new UserChanged(
                Actor.current(),
                Change.MEMBERSHIP_GRANTED,
                id,
                organisation,
                Map.of(),
                Map.of("organisation", organisation.toString(), "role", role.name())));
        endSessions(id);
    }

    @Transactional
    public void revoke(UserId id, UUID membershipId) {
        get(id);
        Membership membership = memberships
                .find(membershipId)
                .filter(m -> m.user().equals(id))
                .orElseThrow(() -> new NotFoundException("membership"));
        if (!access.currentUserCan(Role.ADMIN, membership.organisation())) {
            throw new NotFoundException("membership");
        }
        if (id.value().equals(Actor.current().userId()) && membership.role() == Role.ADMIN) {
            throw new RefusedException("membership.error.ownAdmin");
        }
        memberships.remove(membershipId);
        events.publishEvent(new UserChanged(
                Actor.current(),
                Change.MEMBERSHIP_REVOKED,
                id,
                membership.organisation(),
                Map.of(
                        "organisation",
                        membership.organisation().toString(),
                        "role",
                        membership.role().name()),
                Map.of()));
        endSessions(id);
    }

    /** The signed-in user's own record. */
    @Transactional(readOnly = true)
    public User current() {
        return users.find(new UserId(me())).orElseThrow(() -> new NotFoundException("user"));
    }

    @Transactional(readOnly = true)
    public List<Membership> ownMemberships() {
        return memberships.of(new UserId(me()));
    }

    /** The language switch also remembers the choice in the signed-in user's profile. */
    @EventListener
    @Transactional
    public void on(LanguageChosen event) {
        setOwnLanguage(event.language());
    }

    @Transactional
    public void setOwnLanguage(Language language) {
        UUID me = Actor.current().userId();
        if (me != null) {
            users.setLanguage(new UserId(me), language);
        }
    }

    @Transactional
    public void changeOwnPassword(String current, String chosen) {
        User user = current();
        if (user.passwordHash() == null || !passwords.matches(current, user.passwordHash())) {
            throw new RefusedException("password.error.current");
        }
        PasswordRules.check(chosen, user.email(), properties.minPasswordLength());
        users.setPassword(user.id(), passwords.encode(chosen));
        events.publishEvent(new UserChanged(
                Actor.current(),
                Change.PASSWORD_SET,
                user.id(),
                user.homeOrganisation(),
                Map.of(),
                Map.of("via", "profile")));
    }

    private void requireAdminOfActive(OrganisationId organisation) {
        var target = organisations
                .find(organisation)
                .filter(o -> access.currentUserCan(Role.ADMIN, organisation))
                .orElseThrow(() -> new RefusedException("membership.error.organisation"));
        if (!target.active()) {
            throw new RefusedException("organisation.error.parentInactive");
        }
    }

    /** Signs the user out everywhere, so that a changed role or a deactivation takes effect at once. */
    private void endSessions(UserId id) {
        if (id.value().equals(Actor.current().userId())) {
            return;
        }
        sessions.ifPresent(repository ->
                repository.findByPrincipalName(id.toString()).keySet().forEach(repository::deleteById));
    }

    private static UUID me() {
        UUID me = Actor.current().userId();
        if (me == null) {
            throw new AccessDeniedException("not signed in");
        }
        return me;
    }
}
