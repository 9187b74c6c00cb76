package eu.herald.accounts.domain;

import eu.herald.accounts.UserChanged;
import eu.herald.accounts.UserChanged.Change;
import eu.herald.common.Actor;
import eu.herald.common.HeraldProperties;
import eu.herald.common.Mailer;
import eu.herald.common.RefusedException;
import eu.herald.common.Secrets;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invitation links: {@code <invitation id>.<nonce>.<expiry>.<HMAC>}, signed with Herald's key, expiring, and usable
 * once. Following one lets the invited user choose a password.
 */
@Service
public class InvitationService {

    private final Invitations invitations;
    private final Users users;
    private final Secrets secrets;
    private final Mailer mailer;
    private final MessageSource messages;
    private final HeraldProperties herald;
    private final AccountsProperties properties;
    private final PasswordEncoder passwords;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    InvitationService(
            Invitations invitations,
            Users users,
            Secrets secrets,
            Mailer mailer,
            MessageSource messages,
            HeraldProperties herald,
            AccountsProperties properties,
            PasswordEncoder passwords,
            ApplicationEventPublisher events,
            Optional<Clock> clock) {
        this.invitations = invitations;
        this.users = users;
        this.secrets = secrets;
        this.mailer = mailer;
        this.messages = messages;
        this.herald = herald;
        this.properties = properties;
        this.passwords = passwords;
        this.events = events;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** A link that was made, and what happened to the email carrying it. */
    public record Sent(String link, Mailer.Outcome mail) {

        /** When the email did not go out, the admin is shown the link to pass on. */
        public boolean showLinkToAdmin() {
            return mail != Mailer.Outcome.SENT;
        }
    }

    /** Makes a new link for the user (older ones stop working) and emails it in the user's language. */
    @Transactional
    public Sent send(User user) {
        Instant now = clock.instant();
        invitations.retireAll(user.id(), now);
        UUID id = UUID.randomUUID();
        String nonce = Secrets.randomToken(24);
        Instant expires = now.plus(properties.invitationValidity());
        invitations.insert(id, user.id(), Secrets.hash(nonce), expires);
        String payload = id + "." + nonce + "." + expires.getEpochSecond();
        String token = payload + "." + secrets.sign(payload);
        String link = herald.publicBaseUrl().toString().replaceAll("/+$", "") + "/invitation?token="
                + URLEncoder.encode(token, StandardCharsets.UTF_8);
        var locale = user.language().locale();
        String subject = messages.getMessage("invitation.mail.subject", null, locale);
        String body = messages.getMessage(
                "invitation.mail.body",
                new Object[] {
                    user.displayName(), link, properties.invitationValidity().toDays()
                },
                locale);
        return new Sent(link, mailer.send(user.email(), subject, body));
    }

    /** The user an invitation token is for, when the token is genuine, unexpired and unused. */
    @Transactional(readOnly = true)
    public Optional<User> userFor(String token) {
        return valid(token).flatMap(row -> users.find(row.user())).filter(User::active);
    }

    /** Sets the password chosen through an invitation link; the link is then used up. */
    @Transactional
    public User accept(String token, String password) {
        Invitations.Row row = valid(token).orElseThrow(() -> new RefusedException("invitation.error.invalid"));
        User user = users.find(row.user())
                .filter(User::active)
                .orElseThrow(() -> new RefusedException("invitation.error.invalid"));
        PasswordRules.check(password, user.email(), properties.minPasswordLength());
        if (!invitations.use(row.id(), clock.instant())) {
            throw new RefusedException("invitation.error.invalid");
        }
        users.setPassword(user.id(), passwords.encode(password));
        events.publishEvent(new UserChanged(
                new Actor(user.id().value(), user.displayName()),
                Change.PASSWORD_SET,
                user.id(),
                user.homeOrganisation(),
                Map.of(),
                Map.of("via", "invitation")));
        return user;
    }

    private Optional<Invitations.Row> valid(String token) {
        String[] parts = token == null ? new String[0] : token.split("\\.");
        if (parts.length != 4) {
            return Optional.empty();
        }
        String payload = parts[0] + "." + parts[1] + "." + parts[2];
        if (!secrets.verify(payload, parts[3])) {
            return Optional.empty();
        }
        UUID id;
        long expires;
        try {
            id = UUID.fromString(parts[0]);
            expires = Long.parseLong(parts[2]);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (Instant.ofEpochSecond(expires).isBefore(now)) {
            return Optional.empty();
        }
        return invitations
                .find(id)
                .filter(row -> !row.used())
                .filter(row -> row.expiresAt().isAfter(now))
                .filter(row -> row.nonceHash().equals(Secrets.hash(parts[1])));
    }
}
