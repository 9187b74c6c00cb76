package eu.herald.publishing;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.jayway.jsonpath.JsonPath;
import eu.herald.HeraldTest;
import eu.herald.TestEnvironment;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The faults issue 4 lists, survived end to end: a delivery scheduled through the API, run by db-scheduler, sent by
 * the real channels gateway and connector to a WireMock fake of the platform (see {@link PlatformFake} for the API
 * pages each fake follows). Each ends in exactly one post on the fake or one visible FAILED delivery with the
 * platform's words. Parameterised by platform: MASTODON, WEBHOOK, BLUESKY, X, FACEBOOK and TELEGRAM. Telegram
 * cannot look a post up, so a lost answer there ends in one visible FAILED delivery saying so, never a second post.
 * YouTube runs none of them: a YouTube post is a video and the engine sends no video, so every YouTube delivery
 * fails at once, before any call, saying so (see {@link #aYouTubeDeliveryFailsHonestlyBeforeCallingYouTube}).
 */
@HeraldTest
class DeliveryFaultTests {

    @RegisterExtension
    static WireMockExtension dynamic = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").containerThreads(20))
            .build();

    // Platforms whose API address is configuration: their fakes listen where TestEnvironment points them (the other
    // tests using these ports start and stop their own fakes, and test classes run one after the other).
    @RegisterExtension
    static WireMockExtension x = fixed(TestEnvironment.X_FAKE_PORT);

    @RegisterExtension
    static WireMockExtension facebook = fixed(TestEnvironment.FACEBOOK_FAKE_PORT);

    @RegisterExtension
    static WireMockExtension telegram = fixed(TestEnvironment.TELEGRAM_FAKE_PORT);

    @RegisterExtension
    static WireMockExtension youtube = fixed(TestEnvironment.YOUTUBE_FAKE_PORT);

    private static WireMockExtension fixed(int port) {
        return WireMockExtension.newInstance()
                .options(wireMockConfig().port(port).bindAddress("127.0.0.1").containerThreads(20))
                .build();
    }

    /** The fake the platform's account reaches. */
    private static WireMockExtension wm(PlatformFake platform) {
        return Stream.of(dynamic, x, facebook, telegram)
                .filter(server -> platform.port() == 0 ? server == dynamic : server.getPort() == platform.port())
                .findFirst()
                .orElseThrow();
    }

    static PublishingFixtures fixtures;
    static PublishingFixtures.ApprovedMessage message;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    static Stream<PlatformFake> platforms() {
        return Stream.of(
                new PlatformFake.Mastodon(),
                new PlatformFake.Webhook(),
                new PlatformFake.Bluesky(),
                new PlatformFake.X(),
                new PlatformFake.Facebook(),
                new PlatformFake.Telegram());
    }

    @BeforeEach
    void message() {
        if (fixtures == null) {
            fixtures = new PublishingFixtures("http://127.0.0.1:" + port, jdbc);
            message = fixtures.approvedMessage(
                    PublishingFixtures.unique("Fault suite"),
                    List.of("MASTODON", "WEBSITE", "BLUESKY", "X", "FACEBOOK", "TELEGRAM", "YOUTUBE"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("platforms")
    void aServerErrorThenSuccessIsOnePostAfterTwoAttempts(PlatformFake platform) {
        String prefix = PlatformFake.prefix();
        WireMockExtension wm = wm(platform);
        String account = connect(platform, prefix);
        platform.answers(
                wm, prefix, List.of(platform.error(500, "Internal server error"), platform.accepted("201", text())));

        String delivery = deliver(platform, account);

        String body = awaitEnd(delivery);
        assertThat(JsonPath.<String>read(body, "$.status")).isEqualTo("PUBLISHED");
        assertThat(JsonPath.<Integer>read(body, "$.attempts")).isEqualTo(2);
        assertThat(platform.postRequests(wm, prefix)).hasSize(2);
        assertThat(platform.posts(wm, prefix)).isEqualTo(1);
        assertThat(keys(platform.postRequests(wm, prefix))).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("platforms")
    void aRateLimitIsWaitedOutForAtLeastRetryAfter(PlatformFake platform) {
        String prefix = PlatformFake.prefix();
        WireMockExtension wm = wm(platform);
        String account = connect(platform, prefix);
        platform.answers(
                wm,
                prefix,
                List.of(
                        platform.error(429, "Too many requests").withHeader("Retry-After", "3"),
                        platform.accepted("202", text())));

        String body = awaitEnd(deliver(platform, account));

        assertThat(JsonPath.<String>read(body, "$.status")).isEqualTo("PUBLISHED");
        List<LoggedRequest> requests = platform.postRequests(wm, prefix);
        assertThat(requests).hasSize(2);
        Duration waited = Duration.between(
                requests.get(0).getLoggedDate().toInstant(),
                requests.get(1).getLoggedDate().toInstant());
        assertThat(waited).isGreaterThanOrEqualTo(Duration.ofSeconds(3));
        assertThat(platform.posts(wm, prefix)).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("platforms")
    void aTimeoutAfterThePlatformAcceptedThePostIsLookedUpAndNeverDuplicated(PlatformFake platform) {
        String prefix = PlatformFake.prefix();
        WireMockExtension wm = wm(platform);
        String account = connect(platform, prefix);
        // the platform takes the post but answers after Herald stopped waiting (request timeout 3 s in tests)
        platform.answers(
                wm,
                prefix,
                List.of(platform.accepted("203", text()).withFixedDelay(4500), platform.accepted("203", text())));
        platform.postExists(wm, prefix, "203", text());

        String body = awaitEnd(deliver(platform, account));

        if (!platform.canLookUp()) {
            assertFailedForWantOfALookUp(platform, wm, prefix, body);
            return;
        }
        assertThat(JsonPath.<String>read(body, "$.status")).isEqualTo("PUBLISHED");
        assertThat(platform.posts(wm, prefix)).isEqualTo(1);
        assertThat(keys(platform.postRequests(wm, prefix))).hasSize(1);
        String history = fixtures.get("/api/v1/deliveries/" + JsonPath.read(body, "$.id"));
        assertThat(JsonPath.<List<String>>read(history, "$.history[*].outcome")).contains("UNKNOWN");
        if (platform instanceof PlatformFake.Mastodon) {
            // Mastodon is looked up, not posted to again
            assertThat(platform.postRequests(wm, prefix)).hasSize(1);
            assertThat(JsonPath.<List<String>>read(history, "$.history[*].outcome"))
                    .contains("FOUND");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("platforms")
    void anUnreadableAnswerIsAnUnknownOutcomeResolvedWithoutASecondPost(PlatformFake platform) {
        String prefix = PlatformFake.prefix();
        WireMockExtension wm = wm(platform);
        String account = connect(platform, prefix);
        platform.answers(
                wm,
                prefix,
                List.of(
                        com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                                .withStatus(200)
                                .withHeader("Content-Type", "application/json")
                                .withBody("{\"id\": \"204\", \"url\": "),
                        platform.accepted("204", text())));
        platform.postExists(wm, prefix, "204", text());

        String body = awaitEnd(deliver(platform, account));

        if (!platform.canLookUp()) {
            assertFailedForWantOfALookUp(platform, wm, prefix, body);
            return;
        }
        assertThat(JsonPath.<String>read(body, "$.status")).isEqualTo("PUBLISHED");
        assertThat(platform.posts(wm, prefix)).isEqualTo(1);
        assertThat(keys(platform.postRequests(wm, prefix))).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("platforms")
    void aRevokedTokenFailsVisiblyInThePlatformsWordsAndTheAccountNeedsReconnecting(PlatformFake platform) {
        String prefix = PlatformFake.prefix();
        WireMockExtension wm = wm(platform);
        String account = connect(platform, prefix);
        platform.answers(wm, prefix, List.of(platform.revoked()));

        String body = awaitEnd(deliver(platform, account));

        assertThat(JsonPath.<String>read(body, "$.status")).isEqualTo("FAILED");
        assertThat(JsonPath.<String>read(body, "$.lastError")).contains(platform.revokedWords());
        assertThat(JsonPath.<Integer>read(body, "$.attempts")).isEqualTo(1);
        assertThat(platform.posts(wm, prefix)).isZero();
        String accountJson = fixtures.get("/api/v1/channel-accounts/" + account);
        assertThat(JsonPath.<String>read(accountJson, "$.status")).isEqualTo("NEEDS_RECONNECTING");
        // the author and the approver are told, in-app (and by email)
        long notices = jdbc.sql("SELECT count(*) FROM notifications.notice WHERE link = ?")
                .param("/deliveries/" + JsonPath.read(body, "$.id"))
                .query(Long.class)
                .single();
        assertThat(notices).isGreaterThanOrEqualTo(1);
    }

    /**
     * YouTube (https://developers.google.com/youtube/v3/docs/channels/list for the check on connecting,
     * https://developers.google.com/youtube/v3/guides/using_resumable_upload_protocol for the upload it never gets
     * to): the engine sends no video (campaigns stores uploaded images only), so the connector refuses the post as
     * Permanent before any upload. One attempt, FAILED in plain words, nothing sent, and the account stays connected.
     */
    @Test
    void aYouTubeDeliveryFailsHonestlyBeforeCallingYouTube() {
        String token = "yt-token-" + UUID.randomUUID();
        youtube.stubFor(get(urlPathEqualTo("/youtube/v3/channels"))
                .withHeader("Authorization", equalTo("Bearer " + token))
                .willReturn(okJson("{\"kind\": \"youtube#channelListResponse\", \"items\": [{\"id\":"
                        + " \"UCelsene\", \"snippet\": {\"title\": \"Politie Elsene\", \"customUrl\":"
                        + " \"@politie-elsene\"}}]}")));
        String account = fixtures.account(
                "YOUTUBE", PublishingFixtures.unique("YOUTUBE"), Map.of("channelId", "UCelsene", "accessToken", token));

        String body = fixtures.deliver(
                message.variant("YOUTUBE", "nl"), account, Instant.now().toString(), 201);
        body = awaitEnd(JsonPath.read(body, "$.id"));

        assertThat(JsonPath.<String>read(body, "$.status")).isEqualTo("FAILED");
        assertThat(JsonPath.<String>read(body, "$.lastError")).contains("A YouTube post needs a video");
        assertThat(JsonPath.<Integer>read(body, "$.attempts")).isEqualTo(1);
        assertThat(youtube.findAll(postRequestedFor(urlPathEqualTo("/upload/youtube/v3/videos"))))
                .isEmpty();
        assertThat(youtube.findAll(putRequestedFor(anyUrl()))).isEmpty();
        String accountJson = fixtures.get("/api/v1/channel-accounts/" + account);
        assertThat(JsonPath.<String>read(accountJson, "$.status")).isNotEqualTo("NEEDS_RECONNECTING");
    }

    /**
     * A platform that cannot look posts up, after a lost answer: one post went out and stays the only one; the
     * delivery is FAILED and says why (check the channel before retrying), with the unknown outcome in its history.
     */
    private void assertFailedForWantOfALookUp(PlatformFake platform, WireMockExtension wm, String prefix, String body) {
        assertThat(JsonPath.<String>read(body, "$.status")).isEqualTo("FAILED");
        assertThat(JsonPath.<String>read(body, "$.lastError")).contains("cannot be searched");
        assertThat(platform.postRequests(wm, prefix)).hasSize(1);
        assertThat(platform.posts(wm, prefix)).isEqualTo(1);
        String history = fixtures.get("/api/v1/deliveries/" + JsonPath.read(body, "$.id"));
        assertThat(JsonPath.<List<String>>read(history, "$.history[*].outcome")).contains("UNKNOWN", "CANNOT_LOOK_UP");
    }

    private String connect(PlatformFake platform, String prefix) {
        return fixtures.account(
                platform.type(), PublishingFixtures.unique(platform.type()), platform.connect(wm(platform), prefix));
    }

    private String deliver(PlatformFake platform, String account) {
        String body = fixtures.deliver(
                message.variant(platform.channel(), "nl"),
                account,
                Instant.now().toString(),
                201);
        assertThat(JsonPath.<String>read(body, "$.status")).isEqualTo("SCHEDULED");
        return JsonPath.read(body, "$.id");
    }

    static String awaitEnd(String delivery) {
        String[] last = new String[1];
        await().atMost(Duration.ofSeconds(40))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    last[0] = fixtures.get("/api/v1/deliveries/" + delivery);
                    String status = JsonPath.read(last[0], "$.status");
                    return status.equals("PUBLISHED") || status.equals("FAILED");
                });
        // anything still under way (a late duplicate) would show within a poll or two
        try {
            Thread.sleep(1500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return fixtures.get("/api/v1/deliveries/" + delivery);
    }

    private static String text() {
        return PublishingFixtures.dutch();
    }

    private static List<String> keys(List<LoggedRequest> requests) {
        return requests.stream()
                .map(r -> r.getHeader("Idempotency-Key"))
                .distinct()
                .toList();
    }
}
