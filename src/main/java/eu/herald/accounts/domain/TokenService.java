package eu.herald.accounts.domain;

import eu.herald.accounts.Role;
import eu.herald.accounts.UserChanged;
import eu.herald.accounts.UserChanged.Change;
import eu.herald.accounts.UserId;
import eu.herald.common.Actor;
import eu.herald.common.NotFoundException;
import eu.herald.common.RefusedException;
import eu.herald.common.Secrets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Personal access tokens: created and revoked by their owner, minted by an admin for a service account. */
@Service
public class TokenService {

    /** Every token starts with this, so that secret scanners and people recognise one. */
    public static final String PREFIX = "hrld_";

    private final ApiTokens tokens;
    private final Users users;
    private final SignInService signIn;
    private final DatabaseAccess access;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    TokenService(
            ApiTokens tokens,
            Users users,
            SignInService signIn,
            DatabaseAccess access,
            ApplicationEventPublisher events,
            Optional<Clock> clock) {
        this.tokens = tokens;
        this.users = users;
        this.signIn = signIn;
        this.access = access;
        this.events = events;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** A token just made: the value is shown once and never again. */
    public record NewToken(ApiToken token, String value) {}

    /** The current user makes a token for themself. */
    @Transactional
    public NewToken createOwn(String name, @Nullable Instant expiresAt) {
        UUID me = requireSignedIn();
        return create(new UserId(me), name, expiresAt, null);
    }

    /** An admin mints a token for a service account within their reach. */
    @Transactional
    public NewToken mintForServiceAccount(UserId serviceAccount, String name, @Nullable Instant expiresAt) {
        User user = users.find(serviceAccount).orElseThrow(() -> new NotFoundException("user"));
        if (!access.currentUserCan(Role.ADMIN, user.homeOrganisation())) {
            throw new NotFoundException("user");
        }
        if (!user.serviceAccount()) {
            throw new RefusedException("token.error.notServiceAccount");
        }
        if (!user.active()) {
            throw new RefusedException("user.error.inactive");
        }
        return create(serviceAccount, name, expiresAt, null);
    }

    /** Creates a token with a value chosen by the caller: only for the demo admin's documented demo token. */
    @Transactional
    NewToken createWithValue(UserId user, String name, String value) {
        return create(user, name, null, value);
    }

    private NewToken create(UserId owner, String name, @Nullable Instant expiresAt, @Nullable String fixedValue) {
        if (name.isBlank() || name.length() > 100) {
            throw new RefusedException("token.error.name");
        }
        Instant now = clock.instant();
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            throw new RefusedException("token.error.expiryInPast");
        }
        String value = fixedValue != null ? fixedValue : PREFIX + Secrets.randomToken(32);
        ApiToken token = new ApiToken(
                UUID.randomUUID(), owner, name.trim(), value.substring(value.length() - 4), now, expiresAt, null, null);
        tokens.insert(token, Secrets.hash(value));
        User user = users.find(owner).orElseThrow();
        events.publishEvent(new UserChanged(
                Actor.current(),
                Change.TOKEN_CREATED,
                owner,
                user.homeOrganisation(),
                Map.of(),
                Map.of("token", token.name(), "tokenId", token.id().toString())));
        return new NewToken(token, value);
    }

    @Transactional(readOnly = true)
    public List<ApiToken> own() {
        return tokens.of(new UserId(requireSignedIn()));
    }

    @Transactional
    public void revokeOwn(UUID tokenId) {
        UserId me = new UserId(requireSignedIn());
        if (!tokens.revoke(tokenId, me, clock.instant())) {
            throw new NotFoundException("token");
        }
        User user = users.find(me).orElseThrow();
        events.publishEvent(new UserChanged(
                Actor.current(),
                Change.TOKEN_REVOKED,
                me,
                user.homeOrganisation(),
                Map.of("tokenId", tokenId.toString()),
                Map.of()));
    }

    /** The principal a bearer token stands for, if the token is usable and its owner active. */
    @Transactional
    public Optional<SignedInUser> authenticate(String value) {
        if (!value.startsWith(PREFIX) && value.length() < 20) {
            return Optional.empty();
        }
        String hash = Secrets.hash(value);
        Instant now = clock.instant();
        Optional<SignedInUser> principal = tokens.ownerOf(hash, now).flatMap(signIn::principal);
        principal.ifPresent(p -> tokens.used(hash, now));
        return principal;
    }

    private static UUID requireSignedIn() {
        UUID me = Actor.current().userId();
        if (me == null) {
            throw new org.springframework.security.access.AccessDeniedException("not signed in");
        }
        return me;
    }
}
