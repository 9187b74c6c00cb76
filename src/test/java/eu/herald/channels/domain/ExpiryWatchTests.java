package eu.herald.channels.domain;

import static org.assertj.core.api.Assertions.assertThat;

import eu.herald.HeraldTest;
import eu.herald.accounts.People;
import eu.herald.channels.ChannelAccountId;
import eu.herald.channels.ChannelTestSupport;
import eu.herald.channels.ChannelType;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Expiring tokens are announced once per expiry date, by one node per day. */
@HeraldTest
class ExpiryWatchTests {

    static final AtomicInteger DAYS = new AtomicInteger();

    @Autowired
    ExpiryWatch watch;

    @Autowired
    ChannelAccountService service;

    @Autowired
    People people;

    @Autowired
    JdbcClient jdbc;

    ChannelAccountId feedExpiringIn(String interval) {
        ChannelTestSupport.actAs(people, "communicator@herald.test");
        try {
            ChannelAccountId id = service.connect(
                            ChannelTestSupport.ixelles(jdbc), ChannelType.FEED, "Expiry " + UUID.randomUUID(), Map.of())
                    .id();
            jdbc.sql("UPDATE channels.account SET token_expires_at = now() + CAST(? AS interval) WHERE id = ?")
                    .params(interval, id.value())
                    .update();
            return id;
        } finally {
            ChannelTestSupport.signOut();
        }
    }

    static LocalDate aDayOfItsOwn() {
        return LocalDate.of(2100, 1, 1).plusDays(DAYS.incrementAndGet() + (long) (Math.random() * 100_000));
    }

    int notices(ChannelAccountId id) {
        return jdbc.sql("SELECT count(*) FROM channels.expiry_notice WHERE account_id = ?")
                .param(id.value())
                .query(Integer.class)
                .single();
    }

    @Test
    void aTokenExpiringWithinTheNoticePeriodIsAnnouncedOnceForItsDate() {
        ChannelAccountId soon = feedExpiringIn("3 days");
        ChannelAccountId later = feedExpiringIn("30 days");

        assertThat(watch.announce(aDayOfItsOwn())).isPositive();
        assertThat(notices(soon)).isEqualTo(1);
        assertThat(notices(later)).isZero();

        watch.announce(aDayOfItsOwn());
        assertThat(notices(soon)).isEqualTo(1);

        jdbc.sql("UPDATE channels.account SET token_expires_at = now() + interval '5 days' WHERE id = ?")
                .param(soon.value())
                .update();
        watch.announce(aDayOfItsOwn());
        assertThat(notices(soon)).isEqualTo(2);
    }

    @Test
    void onlyTheFirstNodeToClaimTheDayAnnounces() {
        ChannelAccountId soon = feedExpiringIn("2 days");
        LocalDate day = aDayOfItsOwn();
        jdbc.sql("INSERT INTO channels.job_claim (job, day) VALUES ('token-expiry', ?)")
                .param(day)
                .update();

        assertThat(watch.announce(day)).isZero();
        assertThat(notices(soon)).isZero();
    }
}
