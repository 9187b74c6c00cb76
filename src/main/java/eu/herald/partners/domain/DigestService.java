package eu.herald.partners.domain;

import eu.herald.accounts.People;
import eu.herald.accounts.UserId;
import eu.herald.common.Actor;
import eu.herald.common.HeraldProperties;
import eu.herald.common.Language;
import eu.herald.common.Mailer;
import eu.herald.common.Secrets;
import eu.herald.partners.PartnerSettingsChanged;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Email digests of what is new for a partner: toolbox resources added or revised, answers in their groups, and the
 * events coming up — only what their groups and need-to-know level let them see, in their language. A period is
 * claimed in the database before its email goes (so two nodes or two runs never send it twice); nothing goes when
 * there is nothing new. Every digest carries a signed one-click unsubscribe link (RFC 8058 headers too).
 */
@Service
public class DigestService {

    private static final Logger log = LoggerFactory.getLogger(DigestService.class);

    static final int ITEMS_PER_SECTION = 20;
    static final Duration EVENTS_AHEAD = Duration.ofDays(14);
    private static final String PURPOSE = "partners.digest.unsubscribe:";

    private final Digests digests;
    private final Resources resources;
    private final Questions questions;
    private final PartnerEvents events;
    private final PartnerGroups groups;
    private final PartnerReach reach;
    private final People people;
    private final Mailer mailer;
    private final MessageSource messages;
    private final Secrets secrets;
    private final HeraldProperties herald;
    private final org.springframework.context.ApplicationEventPublisher publisher;

    DigestService(
            Digests digests,
            Resources resources,
            Questions questions,
            PartnerEvents events,
            PartnerGroups groups,
            PartnerReach reach,
            People people,
            Mailer mailer,
            MessageSource messages,
            Secrets secrets,
            HeraldProperties herald,
            org.springframework.context.ApplicationEventPublisher publisher) {
        this.digests = digests;
        this.resources = resources;
        this.questions = questions;
        this.events = events;
        this.groups = groups;
        this.reach = reach;
        this.people = people;
        this.mailer = mailer;
        this.messages = messages;
        this.secrets = secrets;
        this.herald = herald;
        this.publisher = publisher;
    }

    /** The caller's choice. */
    @Transactional(readOnly = true)
    public DigestFrequency frequency() {
        return digests.frequency(GroupService.currentUser().value());
    }

    @Transactional
    public void choose(DigestFrequency frequency) {
        UUID user = GroupService.currentUser().value();
        DigestFrequency before = digests.frequency(user);
        if (before == frequency) {
            return;
        }
        digests.choose(user, frequency);
        publisher.publishEvent(new PartnerSettingsChanged(
                Actor.current(),
                PartnerSettingsChanged.Change.DIGEST_CHOSEN,
                user,
                Map.of("digest", before.name()),
                Map.of("digest", frequency.name())));
    }

    /** Whether the unsubscribe token is genuine (signed by Herald for a user). */
    public boolean validUnsubscribe(String token) {
        return owner(token).isPresent();
    }

    /** Turns the token's owner's digest off; false for a token Herald did not sign. Works without signing in. */
    @Transactional
    public boolean unsubscribe(String token) {
        Optional<UUID> user = owner(token);
        if (user.isEmpty()) {
            return false;
        }
        DigestFrequency before = digests.frequency(user.get());
        if (before != DigestFrequency.NONE) {
            digests.choose(user.get(), DigestFrequency.NONE);
            publisher.publishEvent(new PartnerSettingsChanged(
                    Actor.current(),
                    PartnerSettingsChanged.Change.DIGEST_UNSUBSCRIBED,
                    user.get(),
                    Map.of("digest", before.name()),
                    Map.of("digest", DigestFrequency.NONE.name())));
        }
        return true;
    }

    String unsubscribeToken(UUID user) {
        return user + "." + secrets.sign(PURPOSE + user);
    }

    private Optional<UUID> owner(String token) {
        int dot = token.indexOf('.');
        if (dot != 36 || token.length() > 200) {
            return Optional.empty();
        }
        String user = token.substring(0, dot);
        if (!secrets.verify(PURPOSE + user, token.substring(dot + 1))) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(user));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The period a digest sent at {@code at} covers, as stored in the sent-log: DAILY:2026-11-30, WEEKLY:2026-W49. */
    static String period(DigestFrequency frequency, ZonedDateTime at) {
        ZonedDateTime local = at.withZoneSameInstant(PartnerEvent.ZONE);
        return switch (frequency) {
            case DAILY -> "DAILY:" + local.toLocalDate();
            case WEEKLY ->
                "WEEKLY:%d-W%02d"
                        .formatted(local.get(IsoFields.WEEK_BASED_YEAR), local.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case NONE -> throw new IllegalArgumentException("no digest");
        };
    }

    /**
     * Sends the digests of one frequency for the period ending at {@code at}: the day or week before it. Runs outside
     * any transaction: each claim commits on its own before the email goes. Returns how many emails were sent.
     */
    public int send(DigestFrequency frequency, ZonedDateTime at) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("digests claim each period in a transaction of its own");
        }
        String period = period(frequency, at);
        Instant to = at.toInstant();
        Instant from = to.minus(frequency == DigestFrequency.DAILY ? Duration.ofDays(1) : Duration.ofDays(7));
        int sent = 0;
        for (UUID user : digests.subscribers(frequency)) {
            if (!digests.claim(user, period)) {
                continue;
            }
            try {
                Optional<String> email = groups.latestEmail(new UserId(user));
                Digest digest = email.isEmpty() ? Digest.EMPTY : collect(user, from, to);
                if (digest.isEmpty()) {
                    digests.finish(user, period, "EMPTY", 0);
                    continue;
                }
                Mailer.Outcome outcome = mail(user, email.get(), frequency, digest);
                digests.finish(user, period, outcome.name(), digest.size());
                if (outcome == Mailer.Outcome.SENT) {
                    sent++;
                }
            } catch (RuntimeException e) {
                // one reader's failure must not stop everyone else's digest; the period stays claimed as FAILED
                log.warn("A {} digest could not be prepared", frequency, e);
                digests.finish(user, period, "FAILED", 0);
            }
        }
        return sent;
    }

    private Digest collect(UUID user, Instant from, Instant to) {
        PartnerReach.Reader member = reach.member(new UserId(user));
        var resourceReader = new Resources.Reader(user, new UUID[0], member.aboveGroups());
        return new Digest(
                resources.changedBetween(resourceReader, from, to, ITEMS_PER_SECTION),
                questions.answersFor(user, from, to, ITEMS_PER_SECTION),
                events.between(member, to, to.plus(EVENTS_AHEAD), false).stream()
                        .filter(e -> !e.startsAt().isBefore(to))
                        .limit(ITEMS_PER_SECTION)
                        .toList());
    }

    private Mailer.Outcome mail(UUID user, String email, DigestFrequency frequency, Digest digest) {
        Locale locale = people.contact(new UserId(user))
                .map(People.Contact::language)
                .orElse(Language.EN)
                .locale();
        String base = herald.publicBaseUrl().toString().replaceAll("/$", "");
        String token = unsubscribeToken(user);
        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale);
        List<String> lines = new ArrayList<>();
        lines.add(text("partners.mail.digest.intro." + frequency, locale));
        if (!digest.resources().isEmpty()) {
            lines.add("");
            lines.add(text("partners.mail.digest.resources", locale));
            digest.resources()
                    .forEach(r -> lines.add("- " + r.title() + "\n  " + base + "/partners/resources/" + r.id()));
        }
        if (!digest.answers().isEmpty()) {
            lines.add("");
            lines.add(text("partners.mail.digest.answers", locale));
            digest.answers()
                    .forEach(a -> lines.add("- "
                            + messages.getMessage(
                                    "partners.mail.digest.answer",
                                    new Object[] {a.answeredBy(), a.questionTitle()},
                                    locale)
                            + "\n  " + base + "/partners/questions/" + a.questionId()));
        }
        if (!digest.events().isEmpty()) {
            lines.add("");
            lines.add(text("partners.mail.digest.events", locale));
            digest.events()
                    .forEach(e -> lines.add("- " + e.localStart().format(when) + " · " + e.title() + " · " + e.place()
                            + "\n  " + base + "/partners/events/" + e.id()));
        }
        lines.add("");
        lines.add("-- ");
        lines.add(messages.getMessage(
                "partners.mail.digest.footer",
                new Object[] {base + "/partners/digest/unsubscribe?token=" + token, base + "/partners/settings"},
                locale));
        return mailer.send(
                email,
                text("partners.mail.digest.subject." + frequency, locale),
                String.join("\n", lines),
                Map.of(
                        "List-Unsubscribe",
                        "<" + base + "/api/v1/partners/digest/unsubscribe?token=" + token + ">",
                        "List-Unsubscribe-Post",
                        "List-Unsubscribe=One-Click"));
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }

    /** What one digest tells. */
    record Digest(List<Resource> resources, List<Questions.AnswerNews> answers, List<PartnerEvent> events) {

        static final Digest EMPTY = new Digest(List.of(), List.of(), List.of());

        boolean isEmpty() {
            return size() == 0;
        }

        int size() {
            return resources.size() + answers.size() + events.size();
        }
    }
}
