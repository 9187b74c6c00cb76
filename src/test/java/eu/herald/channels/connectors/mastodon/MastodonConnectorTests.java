package eu.herald.channels.connectors.mastodon;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import eu.herald.channels.ChannelType;
import eu.herald.channels.ConnectorException;
import eu.herald.channels.Post;
import eu.herald.channels.PostMetrics;
import eu.herald.channels.Published;
import eu.herald.channels.Reaction;
import eu.herald.channels.ReactionPage;
import eu.herald.channels.connectors.ConnectedAccount;
import eu.herald.channels.connectors.ConnectorFixtures;
import eu.herald.channels.connectors.Health;
import eu.herald.channels.connectors.support.PlatformHttp;
import eu.herald.common.Language;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Mastodon connector against a WireMock fake of Mastodon's documented REST API:
 * https://docs.joinmastodon.org/methods/statuses/ (post, idempotency, delete, view), https://docs.joinmastodon.org/methods/media/
 * (v2 upload, 202 and polling), https://docs.joinmastodon.org/methods/notifications/ (mentions),
 * https://docs.joinmastodon.org/methods/search/, https://docs.joinmastodon.org/methods/timelines/#tag,
 * https://docs.joinmastodon.org/methods/accounts/#verify_credentials, and the error and rate-limit conventions of
 * https://docs.joinmastodon.org/api/guidelines/#errors and https://docs.joinmastodon.org/api/rate-limits/.
 */
class MastodonConnectorTests {

    @RegisterExtension
    static WireMockExtension mastodon = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    static final String STATUS = """
            {"id": "109372843234", "created_at": "2026-11-29T09:00:00.000Z", "in_reply_to_id": null,
             "visibility": "public", "language": "nl", "uri": "https://social.example/users/elsene/statuses/109372843234",
             "url": "https://social.example/@elsene/109372843234", "replies_count": 3, "reblogs_count": 12,
             "favourites_count": 40, "content": "<p>Deur op slot &amp; ramen dicht.</p>",
             "account": {"id": "1", "username": "elsene", "acct": "elsene", "url": "https://social.example/@elsene"},
             "media_attachments": []}
            """;

    final JsonMapper json = JsonMapper.builder().build();
    final ConnectorFixtures.Observed observed = new ConnectorFixtures.Observed();
    MastodonConnector connector;
    ConnectedAccount account;

    @BeforeEach
    void setUp() {
        connector = new MastodonConnector(
                json,
                new PlatformHttp("Mastodon", Duration.ofSeconds(2), Duration.ofMillis(800)),
                observed,
                Duration.ofSeconds(5),
                Duration.ofMillis(20),
                Clock.systemUTC());
        account = ConnectorFixtures.account(
                ChannelType.MASTODON,
                Map.of("baseUrl", "http://127.0.0.1:" + mastodon.getPort() + "/"),
                Map.of("accessToken", "secret-token"));
    }

    @Test
    void publishesAStatusWithTheBearerTokenAndTheIdempotencyKey() {
        mastodon.stubFor(post("/api/v1/statuses")
                .willReturn(okJson(STATUS)
                        .withHeader("X-RateLimit-Limit", "300")
                        .withHeader("X-RateLimit-Remaining", "299")
                        .withHeader("X-RateLimit-Reset", "2026-11-29T09:05:00.000Z")));

        Published published =
                connector.publish(account, ConnectorFixtures.post("delivery-1", "Deur op slot & ramen dicht."));

        assertThat(published.externalId()).isEqualTo("109372843234");
        assertThat(published.url()).isEqualTo("https://social.example/@elsene/109372843234");
        mastodon.verify(postRequestedFor(urlEqualTo("/api/v1/statuses"))
                .withHeader("Authorization", equalTo("Bearer secret-token"))
                .withHeader("Idempotency-Key", equalTo("delivery-1"))
                .withRequestBody(equalToJson(
                        "{\"status\": \"Deur op slot & ramen dicht.\", \"language\": \"nl\", \"visibility\": \"public\","
                                + " \"media_ids\": []}")));
        assertThat(observed.seen).singleElement().satisfies(o -> {
            assertThat(o.remaining()).isEqualTo(299);
            assertThat(o.resetAt()).isEqualTo(Instant.parse("2026-11-29T09:05:00Z"));
        });
    }

    @Test
    void uploadsAnImageWithItsAltTextAndWaitsUntilMastodonHasProcessedIt() {
        mastodon.stubFor(post("/api/v2/media")
                .willReturn(aResponse()
                        .withStatus(202)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"id\": \"22348641\", \"type\": \"image\", \"url\": null,"
                                + " \"description\": \"Een deur met een slot\"}")));
        mastodon.stubFor(get("/api/v1/media/22348641")
                .inScenario("processing")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(206).withBody("{\"id\": \"22348641\", \"url\": null}"))
                .willSetStateTo("done"));
        mastodon.stubFor(get("/api/v1/media/22348641")
                .inScenario("processing")
                .whenScenarioStateIs("done")
                .willReturn(okJson("{\"id\": \"22348641\", \"url\": \"https://files.social.example/1.png\"}")));
        mastodon.stubFor(post("/api/v1/statuses").willReturn(okJson(STATUS)));
        Post post = new Post(
                "delivery-2",
                "Deur op slot.",
                Language.NL,
                null,
                null,
                List.of(new Post.Attachment("deur.png", "image/png", new byte[] {1, 2, 3}, "Een deur met een slot")),
                Map.of());

        connector.publish(account, post);

        mastodon.verify(postRequestedFor(urlEqualTo("/api/v2/media"))
                .withHeader("Authorization", equalTo("Bearer secret-token"))
                .withHeader("Content-Type", containing("multipart/form-data"))
                .withRequestBody(containing("name=\"description\""))
                .withRequestBody(containing("Een deur met een slot"))
                .withRequestBody(containing("filename=\"deur.png\"")));
        mastodon.verify(2, getRequestedFor(urlEqualTo("/api/v1/media/22348641")));
        mastodon.verify(postRequestedFor(urlEqualTo("/api/v1/statuses"))
                .withRequestBody(equalToJson("{\"media_ids\": [\"22348641\"]}", true, true)));
    }

    @Test
    void aRevokedTokenIsRefusedPermanentlyAsRejectedCredentials() {
        mastodon.stubFor(post("/api/v1/statuses")
                .willReturn(aResponse()
                        .withStatus(401)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\": \"The access token was revoked\"}")));

        assertThatThrownBy(() -> connector.publish(account, ConnectorFixtures.post("k", "Tekst")))
                .isInstanceOfSatisfying(ConnectorException.Permanent.class, e -> {
                    assertThat(e.credentialsRejected()).isTrue();
                    assertThat(e.explanation()).contains("The access token was revoked");
                    assertThat(e.explanation()).doesNotContain("secret-token");
                });
    }

    @Test
    void aValidationErrorIsPermanentWithMastodonsOwnText() {
        mastodon.stubFor(post("/api/v1/statuses")
                .willReturn(aResponse()
                        .withStatus(422)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\": \"Validation failed: Text character limit of 500 exceeded\"}")));

        assertThatThrownBy(() -> connector.publish(account, ConnectorFixtures.post("k", "Tekst")))
                .isInstanceOfSatisfying(ConnectorException.Permanent.class, e -> {
                    assertThat(e.credentialsRejected()).isFalse();
                    assertThat(e.explanation()).contains("Validation failed: Text character limit of 500 exceeded");
                });
    }

    @Test
    void tooManyRequestsIsTransientUntilTheRateLimitResets() {
        Instant reset = Instant.now().plusSeconds(120);
        mastodon.stubFor(post("/api/v1/statuses")
                .willReturn(aResponse()
                        .withStatus(429)
                        .withHeader("Content-Type", "application/json")
                        .withHeader("X-RateLimit-Limit", "300")
                        .withHeader("X-RateLimit-Remaining", "0")
                        .withHeader("X-RateLimit-Reset", reset.toString())
                        .withBody("{\"error\": \"Too many requests\"}")));

        assertThatThrownBy(() -> connector.publish(account, ConnectorFixtures.post("k", "Tekst")))
                .isInstanceOfSatisfying(ConnectorException.Transient.class, e -> {
                    assertThat(e.retryAfter()).isBetween(Duration.ofSeconds(100), Duration.ofSeconds(121));
                    assertThat(e.explanation()).contains("Too many requests");
                });
        assertThat(observed.seen.getLast().remaining()).isZero();
    }

    @Test
    void aServerErrorIsTransientWithItsRetryAfter() {
        mastodon.stubFor(post("/api/v1/statuses")
                .willReturn(aResponse()
                        .withStatus(503)
                        .withHeader("Retry-After", "30")
                        .withBody("<html>down</html>")));

        assertThatThrownBy(() -> connector.publish(account, ConnectorFixtures.post("k", "Tekst")))
                .isInstanceOfSatisfying(
                        ConnectorException.Transient.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(30)));
    }

    @Test
    void noAnswerAfterThePostWasSentIsAnUnknownOutcome() {
        mastodon.stubFor(post("/api/v1/statuses").willReturn(okJson(STATUS).withFixedDelay(2_000)));

        assertThatThrownBy(() -> connector.publish(account, ConnectorFixtures.post("k", "Tekst")))
                .isInstanceOf(ConnectorException.UnknownOutcome.class);
    }

    @Test
    void malformedJsonInASuccessfulAnswerIsAnUnknownOutcome() {
        mastodon.stubFor(post("/api/v1/statuses")
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"id\": \"1093")));

        assertThatThrownBy(() -> connector.publish(account, ConnectorFixtures.post("k", "Tekst")))
                .isInstanceOf(ConnectorException.UnknownOutcome.class);
    }

    @Test
    void anInstanceThatCannotBeReachedIsTransient() {
        ConnectedAccount nowhere = ConnectorFixtures.account(
                ChannelType.MASTODON, Map.of("baseUrl", "http://127.0.0.1:1"), Map.of("accessToken", "t"));

        assertThatThrownBy(() -> connector.publish(nowhere, ConnectorFixtures.post("k", "Tekst")))
                .isInstanceOf(ConnectorException.Transient.class);
    }

    @Test
    void findsThePostAgainAmongTheAccountsRecentStatusesByItsText() {
        mastodon.stubFor(get("/api/v1/accounts/verify_credentials")
                .willReturn(
                        okJson("{\"id\": \"1\", \"acct\": \"elsene\", \"url\": \"https://social.example/@elsene\"}")));
        mastodon.stubFor(get(urlPathEqualTo("/api/v1/accounts/1/statuses"))
                .willReturn(okJson("["
                        + STATUS.replace("109372843234", "999")
                                .replace("<p>Deur op slot &amp; ramen dicht.</p>", "<p>Iets anders</p>")
                        + ","
                        + STATUS + "]")));

        assertThat(connector.find(account, ConnectorFixtures.post("k", "Deur op slot &  ramen dicht.")))
                .contains(new Published("109372843234", "https://social.example/@elsene/109372843234"));
        assertThat(connector.find(account, ConnectorFixtures.post("k", "Nooit gepost")))
                .isEmpty();
        mastodon.verify(getRequestedFor(urlPathEqualTo("/api/v1/accounts/1/statuses"))
                .withHeader("Authorization", equalTo("Bearer secret-token")));
    }

    @Test
    void readsMentionsFromTheCursorOnAsReactionsWithTheirThread() {
        mastodon.stubFor(get(urlPathEqualTo("/api/v1/notifications")).willReturn(okJson("""
                        [{"id": "35", "type": "mention", "created_at": "2026-11-29T10:00:00.000Z",
                          "account": {"acct": "jan@other.example"},
                          "status": {"id": "2001", "in_reply_to_id": "109372843234", "visibility": "public",
                                     "created_at": "2026-11-29T10:00:00.000Z", "url": "https://other.example/@jan/2001",
                                     "content": "<p><span class=\\"h-card\\"><a href=\\"https://social.example/@elsene\\">@<span>elsene</span></a></span> Goed idee!</p>",
                                     "account": {"acct": "jan@other.example"}}},
                         {"id": "34", "type": "mention", "created_at": "2026-11-29T09:30:00.000Z",
                          "account": {"acct": "an"},
                          "status": {"id": "2000", "in_reply_to_id": null, "visibility": "direct",
                                     "created_at": "2026-11-29T09:30:00.000Z", "url": null,
                                     "content": "<p>Mag ik iets vragen?</p>", "account": {"acct": "an"}}}]
                        """)));

        ReactionPage page = connector.reactions(account, "33");

        mastodon.verify(getRequestedFor(urlPathEqualTo("/api/v1/notifications"))
                .withQueryParam("types[]", equalTo("mention"))
                .withQueryParam("min_id", equalTo("33")));
        assertThat(page.nextCursor()).isEqualTo("35");
        assertThat(page.reactions()).extracting(Reaction::externalId).containsExactly("2000", "2001");
        Reaction reply = page.reactions().get(1);
        assertThat(reply.kind()).isEqualTo(Reaction.Kind.REPLY);
        assertThat(reply.inReplyTo()).isEqualTo("109372843234");
        assertThat(reply.authorHandle()).isEqualTo("jan@other.example");
        assertThat(reply.text()).isEqualTo("@elsene Goed idee!");
        assertThat(page.reactions().getFirst().kind()).isEqualTo(Reaction.Kind.DIRECT_MESSAGE);
    }

    @Test
    void repliesInTheThreadMentioningTheAuthor() {
        mastodon.stubFor(post("/api/v1/statuses").willReturn(okJson(STATUS)));
        Reaction reaction = new Reaction(
                account.account().id(),
                "2001",
                Reaction.Kind.REPLY,
                "109372843234",
                "jan@other.example",
                "Goed idee!",
                Instant.now(),
                null);

        connector.reply(account, reaction, "Dank je!", "reply-1");

        mastodon.verify(postRequestedFor(urlEqualTo("/api/v1/statuses"))
                .withHeader("Idempotency-Key", equalTo("reply-1"))
                .withRequestBody(
                        equalToJson("{\"status\": \"@jan@other.example Dank je!\", \"in_reply_to_id\": \"2001\","
                                + " \"visibility\": \"public\"}")));
        assertThat(connector.hide(account, "2001")).isFalse();
    }

    @Test
    void searchesHashtagsOnTheirTimelineAndWordsWithSearch() {
        mastodon.stubFor(get(urlPathEqualTo("/api/v1/timelines/tag/inbraak")).willReturn(okJson("[" + STATUS + "]")));
        mastodon.stubFor(get(urlPathEqualTo("/api/v2/search"))
                .willReturn(okJson("{\"accounts\": [], \"hashtags\": [], \"statuses\": [" + STATUS + "]}")));

        assertThat(connector.search(account, "#inbraak")).singleElement().satisfies(r -> {
            assertThat(r.externalId()).isEqualTo("109372843234");
            assertThat(r.text()).isEqualTo("Deur op slot & ramen dicht.");
        });
        assertThat(connector.search(account, "deur op slot")).hasSize(1);
        mastodon.verify(getRequestedFor(urlPathEqualTo("/api/v2/search"))
                .withQueryParam("type", equalTo("statuses"))
                .withQueryParam("q", equalTo("deur op slot")));
    }

    @Test
    void metricsComeFromTheStatusCounts() {
        mastodon.stubFor(get("/api/v1/statuses/109372843234").willReturn(okJson(STATUS)));

        PostMetrics metrics = connector.metrics(account, "109372843234");

        assertThat(metrics.likes()).isEqualTo(40);
        assertThat(metrics.shares()).isEqualTo(12);
        assertThat(metrics.replies()).isEqualTo(3);
        assertThat(metrics.impressions()).isNull();
    }

    @Test
    void deletesItsOwnStatusAndAcceptsOneAlreadyGone() {
        mastodon.stubFor(delete("/api/v1/statuses/1").willReturn(okJson(STATUS)));
        mastodon.stubFor(delete("/api/v1/statuses/2")
                .willReturn(aResponse().withStatus(404).withBody("{\"error\": \"Record not found\"}")));

        connector.remove(account, "1");
        connector.remove(account, "2");

        mastodon.verify(
                com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor(urlEqualTo("/api/v1/statuses/1"))
                        .withHeader("Authorization", equalTo("Bearer secret-token")));
    }

    @Test
    void theCheckNamesTheAccountAndItsRateLimit() {
        mastodon.stubFor(get("/api/v1/accounts/verify_credentials")
                .willReturn(okJson("{\"id\": \"1\", \"acct\": \"elsene\", \"url\": \"https://social.example/@elsene\"}")
                        .withHeader("X-RateLimit-Remaining", "250")
                        .withHeader("X-RateLimit-Reset", "2026-11-29T09:05:00.000Z")));

        Health health = connector.check(account);

        assertThat(health.handle()).isEqualTo("@elsene@127.0.0.1");
        assertThat(health.profileUrl()).isEqualTo("https://social.example/@elsene");
        assertThat(health.rateLimitRemaining()).isEqualTo(250);
        assertThat(health.tokenExpiresAt()).isNull();
    }
}
