package eu.herald.inbox.domain;

import eu.herald.accounts.OrganisationId;
import eu.herald.channels.ChannelAccount;
import eu.herald.channels.ChannelGateway;
import eu.herald.channels.ChannelType;
import eu.herald.channels.ConnectorException;
import eu.herald.channels.Reaction;
import eu.herald.common.Actor;
import eu.herald.common.RefusedException;
import eu.herald.inbox.InboxChanged;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Listening: each organisation's watchlist of keywords and hashtags, searched on Mastodon and Bluesky through its
 * connected accounts on a schedule; matches are kept, and a day with far more matches than the previous 14 (see
 * {@link Spike}) alerts the moderators once — a rumour of a burglary wave.
 */
@Service
public class Listening {

    private static final Logger log = LoggerFactory.getLogger(Listening.class);

    private final JdbcClient jdbc;
    private final ChannelGateway gateway;
    private final Moderation moderation;
    private final Alerts alerts;
    private final ApplicationEventPublisher events;
    private final InboxProperties properties;

    Listening(
            JdbcClient jdbc,
            ChannelGateway gateway,
            Moderation moderation,
            Alerts alerts,
            ApplicationEventPublisher events,
            InboxProperties properties) {
        this.jdbc = jdbc;
        this.gateway = gateway;
        this.moderation = moderation;
        this.alerts = alerts;
        this.events = events;
        this.properties = properties;
    }

    /** A watched keyword or hashtag with today's and the last 14 days' matches. */
    public record Watch(UUID id, UUID organisation, String query, boolean active, long today, long fortnight) {}

    /** A public post found by a watch. */
    public record Match(String query, String authorHandle, String text, String url, Instant postedAt) {}

    public List<Watch> watches(UUID organisation) {
        moderation.require(organisation);
        LocalDate today = LocalDate.now(properties.zone());
        return jdbc.sql("""
                        SELECT w.id, w.organisation_id, w.query, w.active,
                            (SELECT count(*) FROM inbox.watch_match m WHERE m.watch_id = w.id AND m.posted_at >= ?),
                            (SELECT count(*) FROM inbox.watch_match m WHERE m.watch_id = w.id AND m.posted_at >= ?)
                        FROM inbox.watch w WHERE w.organisation_id = ? ORDER BY w.query""")
                .params(start(today), start(today.minusDays(14)), organisation)
                .query((rs, n) -> new Watch(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getString(3),
                        rs.getBoolean(4),
                        rs.getLong(5),
                        rs.getLong(6)))
                .list();
    }

    public List<Match> recent(UUID organisation, int limit) {
        moderation.require(organisation);
        return jdbc.sql("""
                        SELECT w.query, m.author_handle, m.text, coalesce(m.url, ''), m.posted_at
                        FROM inbox.watch_match m JOIN inbox.watch w ON w.id = m.watch_id
                        WHERE w.organisation_id = ? ORDER BY m.posted_at DESC LIMIT ?""")
                .params(organisation, limit)
                .query((rs, n) -> new Match(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getTimestamp(5).toInstant()))
                .list();
    }

    @Transactional
    public void add(UUID organisation, String query) {
        moderation.require(organisation);
        String q = query.strip();
        if (q.length() < 2 || q.length() > 200) {
            throw new RefusedException("inbox.watch.queryInvalid");
        }
        UUID id = UUID.randomUUID();
        int added = jdbc.sql("INSERT INTO inbox.watch (id, organisation_id, query) VALUES (?, ?, ?)"
                        + " ON CONFLICT DO NOTHING")
                .params(id, organisation, q)
                .update();
        if (added == 1) {
            events.publishEvent(new InboxChanged(
                    Actor.current(),
                    "inbox.watch.added",
                    organisation,
                    "inbox-watch",
                    id.toString(),
                    Map.of(),
                    Map.of("query", q)));
        }
    }

    @Transactional
    public void remove(UUID organisation, UUID watch) {
        moderation.require(organisation);
        int removed = jdbc.sql("DELETE FROM inbox.watch WHERE id = ? AND organisation_id = ?")
                .params(watch, organisation)
                .update();
        if (removed == 1) {
            events.publishEvent(new InboxChanged(
                    Actor.current(),
                    "inbox.watch.removed",
                    organisation,
                    "inbox-watch",
                    watch.toString(),
                    Map.of(),
                    Map.of()));
        }
    }

    @Scheduled(fixedDelayString = "${herald.inbox.listen-interval:PT15M}", initialDelayString = "PT30S")
    void listenAll() {
        List<UUID> watches = jdbc.sql("SELECT id FROM inbox.watch WHERE active")
                .query(UUID.class)
                .list();
        for (UUID watch : watches) {
            try {
                listen(watch, Instant.now());
            } catch (RuntimeException e) {
                log.warn("Listening failed for a watch: {}", e.getClass().getSimpleName());
            }
        }
    }

    /** Searches one watch (if no other node has it) and checks for a spike; returns the new matches. */
    int listen(UUID watch, Instant now) {
        int claimed = jdbc.sql("UPDATE inbox.watch SET claimed_until = ? WHERE id = ?"
                        + " AND (claimed_until IS NULL OR claimed_until < ?)")
                .params(Timestamp.from(now.plus(Duration.ofMinutes(5))), watch, Timestamp.from(now))
                .update();
        if (claimed == 0) {
            return 0;
        }
        record W(UUID organisation, String query) {}
        W w = jdbc.sql("SELECT organisation_id, query FROM inbox.watch WHERE id = ?")
                .param(watch)
                .query((rs, n) -> new W(rs.getObject(1, UUID.class), rs.getString(2)))
                .single();
        int found = 0;
        for (ChannelAccount account : gateway.accounts(new OrganisationId(w.organisation()))) {
            if (!account.active()
                    || (account.type() != ChannelType.MASTODON && account.type() != ChannelType.BLUESKY)) {
                continue;
            }
            try {
                for (Reaction post : gateway.search(account.id(), w.query())) {
                    found += jdbc.sql("""
                                    INSERT INTO inbox.watch_match (watch_id, platform_id, author_handle, text, url,
                                        posted_at, found_at)
                                    VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                            .params(
                                    watch,
                                    account.type() + ":" + post.externalId(),
                                    post.authorHandle(),
                                    post.text(),
                                    post.url(),
                                    Timestamp.from(post.at()),
                                    Timestamp.from(now))
                            .update();
                }
            } catch (ConnectorException e) {
                log.warn("Listening search refused: {}", e.getClass().getSimpleName());
            }
        }
        checkSpike(watch, w.organisation(), w.query(), now);
        jdbc.sql("UPDATE inbox.watch SET claimed_until = NULL WHERE id = ?")
                .param(watch)
                .update();
        return found;
    }

    /** Compares today's matches with the previous 14 days; alerts once a day on a spike. */
    Spike checkSpike(UUID watch, UUID organisation, String query, Instant now) {
        ZoneId zone = properties.zone();
        LocalDate today = now.atZone(zone).toLocalDate();
        long[] previous = new long[14];
        for (int i = 0; i < 14; i++) {
            LocalDate day = today.minusDays(14 - i);
            previous[i] = count(watch, day);
        }
        Spike spike = Spike.of(count(watch, today), previous, properties.spikeFactor());
        if (spike.raised()) {
            int first = jdbc.sql("INSERT INTO inbox.watch_alert (watch_id, day, count, mean, sd) VALUES (?, ?, ?, ?, ?)"
                            + " ON CONFLICT DO NOTHING")
                    .params(watch, Date.valueOf(today), (int) spike.today(), spike.mean(), spike.sd())
                    .update();
            if (first == 1) {
                alerts.tell(
                        organisation,
                        "inbox.notice.spike",
                        List.of(
                                query,
                                Long.toString(spike.today()),
                                String.format(java.util.Locale.ROOT, "%.1f", spike.mean())),
                        "/inbox/listening?organisation=" + organisation);
                events.publishEvent(new InboxChanged(
                        Actor.SYSTEM,
                        "inbox.watch.spike",
                        organisation,
                        "inbox-watch",
                        watch.toString(),
                        Map.of(),
                        Map.of("today", spike.today(), "mean", spike.mean(), "sd", spike.sd())));
            }
        }
        return spike;
    }

    private long count(UUID watch, LocalDate day) {
        return jdbc.sql(
                        "SELECT count(*) FROM inbox.watch_match WHERE watch_id = ? AND posted_at >= ? AND posted_at < ?")
                .params(watch, start(day), start(day.plusDays(1)))
                .query(Long.class)
                .single();
    }

    private Timestamp start(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(properties.zone()).toInstant());
    }
}
