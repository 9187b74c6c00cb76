package eu.herald.inbox.domain;

import eu.herald.channels.ChannelAccount;
import eu.herald.channels.ChannelGateway;
import eu.herald.channels.ChannelType;
import eu.herald.channels.ConnectorException;
import eu.herald.channels.Reaction;
import eu.herald.channels.ReactionPage;
import eu.herald.common.Channel;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Fetches reactions where the platform does not push them (Mastodon and Bluesky notifications, X mentions, YouTube
 * comments) through {@link ChannelGateway#reactions}, from a cursor stored per account. Each account is claimed in the
 * database for a few minutes, so that two nodes never poll the same account at once; the cursor moves on only once
 * every reaction of the page is stored.
 */
@Component
public class Polling {

    private static final Logger log = LoggerFactory.getLogger(Polling.class);
    static final ChannelType[] POLLED = {ChannelType.MASTODON, ChannelType.BLUESKY, ChannelType.X, ChannelType.YOUTUBE};
    private static final Duration CLAIM = Duration.ofMinutes(5);

    private final ChannelGateway gateway;
    private final Intake intake;
    private final JdbcClient jdbc;
    private final InboxProperties properties;

    Polling(ChannelGateway gateway, Intake intake, JdbcClient jdbc, InboxProperties properties) {
        this.gateway = gateway;
        this.intake = intake;
        this.jdbc = jdbc;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${herald.inbox.poll-interval:PT1M}", initialDelayString = "PT15S")
    void scheduled() {
        pollAll();
    }

    /** Polls every active account of the polled types; returns how many new items were stored. */
    public int pollAll() {
        int added = 0;
        for (ChannelAccount account : gateway.activeAccounts(POLLED)) {
            try {
                added += poll(account);
            } catch (RuntimeException e) {
                log.warn(
                        "Polling reactions of an account failed: {}",
                        e.getClass().getSimpleName());
            }
        }
        return added;
    }

    /** Polls one account if no other node has it; returns how many new items were stored. */
    int poll(ChannelAccount account) {
        UUID id = account.id().value();
        if (!claim(id)) {
            return 0;
        }
        String cursor = jdbc.sql("SELECT cursor FROM inbox.poll_cursor WHERE account_id = ?")
                .param(id)
                .query(String.class)
                .optional()
                .orElse(null);
        try {
            ReactionPage page = gateway.reactions(account.id(), cursor);
            List<CompletableFuture<IntakeOutcome>> stored = new ArrayList<>();
            for (Reaction reaction : page.reactions()) {
                stored.add(intake.receive(incoming(account, reaction)));
            }
            int added = 0;
            for (CompletableFuture<IntakeOutcome> f : stored) {
                if (f.get(properties.commitTimeout().toMillis(), TimeUnit.MILLISECONDS) == IntakeOutcome.STORED) {
                    added++;
                }
            }
            release(id, page.nextCursor() == null ? cursor : page.nextCursor(), null);
            return added;
        } catch (ConnectorException e) {
            release(id, cursor, e.getClass().getSimpleName());
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            release(id, cursor, "interrupted");
            return 0;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            release(id, cursor, "not stored");
            return 0;
        }
    }

    static Incoming incoming(ChannelAccount account, Reaction reaction) {
        return new Incoming(
                account.organisation(),
                "account:" + account.id(),
                account.id(),
                channel(account.type()),
                reaction.externalId(),
                ItemKind.of(reaction.kind()),
                reaction.inReplyTo(),
                reaction.authorHandle(),
                null,
                reaction.text(),
                reaction.url(),
                reaction.at());
    }

    static Channel channel(ChannelType type) {
        return switch (type) {
            case MASTODON -> Channel.MASTODON;
            case BLUESKY -> Channel.BLUESKY;
            case X -> Channel.X;
            case FACEBOOK -> Channel.FACEBOOK;
            case YOUTUBE -> Channel.YOUTUBE;
            case TELEGRAM -> Channel.TELEGRAM;
            case WEBHOOK, FEED -> Channel.WEBSITE;
            case PRESS -> Channel.PRESS;
        };
    }

    private boolean claim(UUID account) {
        jdbc.sql("INSERT INTO inbox.poll_cursor (account_id) VALUES (?) ON CONFLICT DO NOTHING")
                .param(account)
                .update();
        return jdbc.sql("UPDATE inbox.poll_cursor SET claimed_until = ? WHERE account_id = ?"
                                + " AND (claimed_until IS NULL OR claimed_until < now())")
                        .params(Timestamp.from(Instant.now().plus(CLAIM)), account)
                        .update()
                == 1;
    }

    private void release(UUID account, @Nullable String cursor, @Nullable String error) {
        jdbc.sql("UPDATE inbox.poll_cursor SET cursor = ?, claimed_until = NULL, polled_at = now(), last_error = ?"
                        + " WHERE account_id = ?")
                .params(cursor, error, account)
                .update();
    }
}
