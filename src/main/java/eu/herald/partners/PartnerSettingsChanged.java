package eu.herald.partners;

import eu.herald.common.Actor;
import eu.herald.common.AuditableEvent;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A partner's own settings changed: how often they get the digest (also through the unsubscribe link), or their
 * calendar feed was made anew or revoked. Never carries the feed's token.
 */
public record PartnerSettingsChanged(
        Actor actor, Change change, UUID user, Map<String, Object> before, Map<String, Object> after)
        implements AuditableEvent {

    public enum Change {
        DIGEST_CHOSEN,
        DIGEST_UNSUBSCRIBED,
        FEED_CREATED,
        FEED_REVOKED
    }

    @Override
    public String action() {
        return "partners.settings." + change.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @Override
    public @Nullable UUID organisationId() {
        return null;
    }

    @Override
    public String subjectType() {
        return "user";
    }

    @Override
    public String subjectId() {
        return user.toString();
    }
}
