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

/** The daily jobs: every active account checked, expiring tokens announced once per expiry date, by one node per day. */
@HeraldTest
class ExpiryWatchTests {

    static final AtomicInteger DAYS = new AtomicInteger();

    /** A Mastodon (https://docs.joinmastodon.org/methods/accounts/#verify_credentials) whose token gets revoked. */
    @org.junit.jupiter.api.extension.RegisterExtension
    static com.github.tomakehurst.wiremock.junit5.WireMockExtension mastodon =
            com.github.tomakehurst.wiremock.junit5.WireMockExtension.newInstance()
                    .options(com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig()
                            .dynamicPort()
                            .bindAddress("127.0.0.1"))
                    .build();

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
        UUID communicator =
                people.byEmail("communicator@herald.test").orElseThrow().id().value();
        assertThat(jdbc.sql("SELECT count(*) FROM notifications.notice WHERE recipient_id = ? AND message_key ="
                                + " 'channels.notice.expiring' AND link = ? AND email <> 'NOT_ASKED'")
                        .params(communicator, "/channels/" + soon)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);

        watch.announce(aDayOfItsOwn());
        assertThat(notices(soon)).isEqualTo(1);

        jdbc.sql("UPDATE channels.account SET token_expires_at = now() + interval '5 days' WHERE id = ?")
                .param(soon.value())
                .update();
        watch.announce(aDayOfItsOwn());
        assertThat(notices(soon)).isEqualTo(2);
    }

    @Test
    void theDailyCheckFindsARevokedTokenBeforeAnyPostFailsOnIt() {
        mastodon.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get("/api/v1/accounts/verify_credentials")
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson(
                        "{\"id\": \"7\", \"acct\": \"elsene\", \"url\": \"https://social.example/@elsene\"}")));
        ChannelTestSupport.actAs(people, "communicator@herald.test");
        ChannelAccountId account;
        try {
            account = service.connect(
                            ChannelTestSupport.ixelles(jdbc),
                            ChannelType.MASTODON,
                            "Daily " + UUID.randomUUID(),
                            Map.of("baseUrl", "http://127.0.0.1:" + mastodon.getPort(), "accessToken", "daily"))
                    .id();
        } finally {
            ChannelTestSupport.signOut();
        }
        mastodon.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get("/api/v1/accounts/verify_credentials")
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                        .withStatus(401)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\": \"The access token was revoked\"}")));

        LocalDate day = aDayOfItsOwn();
        assertThat(watch.checkAll(day)).isPositive();
        assertThat(watch.checkAll(day)).isZero();

        assertThat(jdbc.sql("SELECT status FROM channels.account WHERE id = ?")
                        .param(account.value())
                        .query(String.class)
                        .single())
                .isEqualTo("NEEDS_RECONNECTING");
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
