package eu.herald.channels.domain;

import eu.herald.channels.ChannelAccount;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Once a day (07:00 Brussels, on one node: the day is claimed in the database), tells the owners of every active
 * account whose token expires within {@code HERALD_CHANNELS_EXPIRY_NOTICE_DAYS} (7) days — in-app and by email, once
 * per account and expiry date (a refreshed token with a new date is announced again when it nears).
 */
@Component
class ExpiryWatch {

    static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");
    static final String JOB = "token-expiry";
    private static final Logger log = LoggerFactory.getLogger(ExpiryWatch.class);

    private final ChannelAccounts accounts;
    private final Owners owners;
    private final ChannelsProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock = Clock.systemUTC();

    ExpiryWatch(
            ChannelAccounts accounts,
            Owners owners,
            ChannelsProperties properties,
            PlatformTransactionManager transactions) {
        this.accounts = accounts;
        this.owners = owners;
        this.properties = properties;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Scheduled(cron = "${herald.channels.expiry-check-cron:0 0 7 * * *}", zone = "Europe/Brussels")
    void daily() {
        announce(LocalDate.now(clock.withZone(BRUSSELS)));
    }

    /** Announces what expires soon, if no node has done it for {@code day}; answers how many were announced. */
    int announce(LocalDate day) {
        if (!accounts.claim(JOB, day)) {
            return 0;
        }
        Instant horizon = clock.instant().plus(Duration.ofDays(properties.expiryNoticeDays()));
        List<StoredAccount> expiring = accounts.expiringBefore(horizon);
        int announced = 0;
        for (StoredAccount stored : expiring) {
            ChannelAccount account = stored.account();
            Instant expiresAt = account.tokenExpiresAt();
            if (expiresAt == null) {
                continue;
            }
            LocalDate expiresOn = expiresAt.atZone(BRUSSELS).toLocalDate();
            Boolean told = transaction.execute(tx -> {
                if (!accounts.markExpiryAnnounced(account.id(), expiresOn)) {
                    return false;
                }
                owners.tell(
                        account.organisation(),
                        "channels.notice.expiring",
                        List.of(
                                account.name(),
                                expiresOn.toString(),
                                account.type().name()),
                        "/channels/" + account.id());
                return true;
            });
            if (Boolean.TRUE.equals(told)) {
                announced++;
            }
        }
        if (announced > 0) {
            log.info("Announced {} expiring channel tokens", announced);
        }
        return announced;
    }
}
