package eu.herald.partners.domain;

import eu.herald.accounts.People;
import eu.herald.accounts.UserId;
import eu.herald.common.Actor;
import eu.herald.common.HeraldProperties;
import eu.herald.common.Secrets;
import eu.herald.partners.PartnerSettingsChanged;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A personal iCalendar feed at a secret address a calendar app can poll without signing in: the events the user
 * registered for (from 30 days back), and the other coming events of their groups, marked "not registered" in the
 * user's language, so a coordinator sees what is coming. The token is random; only its hash is stored, so the address
 * is shown once, when it is made. Making a new one or revoking ends the old one. Nothing about anyone else.
 */
@Service
public class CalendarFeedService {

    /** A feed shows events that ended up to this long ago, and everything ahead. */
    static final Duration PAST = Duration.ofDays(30);

    private final CalendarFeeds feeds;
    private final PartnerEvents events;
    private final PartnerReach reach;
    private final HeraldProperties herald;
    private final ApplicationEventPublisher publisher;
    private final People people;
    private final MessageSource messages;

    CalendarFeedService(
            CalendarFeeds feeds,
            PartnerEvents events,
            PartnerReach reach,
            HeraldProperties herald,
            ApplicationEventPublisher publisher,
            People people,
            MessageSource messages) {
        this.people = people;
        this.messages = messages;
        this.feeds = feeds;
        this.events = events;
        this.reach = reach;
        this.herald = herald;
        this.publisher = publisher;
    }

    /** When the caller's current feed was made, if they have one. */
    @Transactional(readOnly = true)
    public Optional<Instant> current() {
        return feeds.createdAt(GroupService.currentUser().value());
    }

    /** Makes a new feed for the caller (the old address stops working); the address to show them, once. */
    @Transactional
    public String renew() {
        UUID user = GroupService.currentUser().value();
        boolean had = feeds.createdAt(user).isPresent();
        String token = Secrets.randomToken(32);
        feeds.replace(user, Secrets.hash(token));
        publisher.publishEvent(new PartnerSettingsChanged(
                Actor.current(),
                PartnerSettingsChanged.Change.FEED_CREATED,
                user,
                Map.of("feed", had),
                Map.of("feed", true)));
        return address(token);
    }

    @Transactional
    public void revoke() {
        UUID user = GroupService.currentUser().value();
        if (feeds.revoke(user)) {
            publisher.publishEvent(new PartnerSettingsChanged(
                    Actor.current(),
                    PartnerSettingsChanged.Change.FEED_REVOKED,
                    user,
                    Map.of("feed", true),
                    Map.of("feed", false)));
        }
    }

    /** The feed for a token, or nothing for an unknown or revoked one. */
    @Transactional(readOnly = true)
    public Optional<String> feed(String token) {
        if (token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return feeds.owner(Secrets.hash(token)).map(user -> {
            Instant now = Instant.now();
            PartnerReach.Reader reader = reach.member(new UserId(user));
            List<PartnerEvent> feed =
                    new ArrayList<>(events.between(reader, now.minus(PAST), now.plus(EventService.HORIZON), true));
            events.between(reader, now, now.plus(EventService.HORIZON), false).stream()
                    .filter(event -> !event.registeredByReader())
                    .forEach(feed::add);
            feed.sort(Comparator.comparing(PartnerEvent::startsAt).thenComparing(PartnerEvent::id));
            Locale locale = people.contact(new UserId(user))
                    .map(contact -> contact.language().locale())
                    .orElse(Locale.ENGLISH);
            return EventCalendar.write(
                    feed,
                    portal(),
                    now,
                    title -> messages.getMessage("partners.feed.notRegistered", new Object[] {title}, locale));
        });
    }

    private String address(String token) {
        return portal() + "/partners/feed/" + token;
    }

    private String portal() {
        return herald.publicBaseUrl().toString().replaceAll("/$", "");
    }
}
