package eu.herald.channels.connectors.x;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import eu.herald.channels.ChannelType;
import eu.herald.channels.ConnectorException;
import eu.herald.channels.Post;
import eu.herald.channels.PostMetrics;
import eu.herald.channels.Reaction;
import eu.herald.channels.ReactionPage;
import eu.herald.channels.connectors.ConnectedAccount;
import eu.herald.channels.connectors.Connector;
import eu.herald.channels.connectors.support.ConnectorContract;
import eu.herald.common.Language;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The X connector against a fake API v2 built from X's published reference:
 *
 * <ul>
 *   <li>https://docs.x.com/x-api/posts/create-post and https://docs.x.com/x-api/posts/delete-post
 *   <li>https://docs.x.com/x-api/media/upload-media and https://docs.x.com/x-api/media/create-media-metadata
 *   <li>https://docs.x.com/fundamentals/authentication/oauth-2-0/user-access-token (refresh_token grant, rotation)
 *   <li>https://docs.x.com/x-api/users/get-posts, https://docs.x.com/x-api/users/get-mentions,
 *       https://docs.x.com/x-api/posts/search-recent-posts, https://docs.x.com/x-api/posts/hide-reply
 *   <li>https://docs.x.com/x-api/fundamentals/rate-limits (x-rate-limit-limit/-remaining/-reset in epoch seconds)
 *   <li>https://docs.x.com/x-api/fundamentals/response-codes-and-errors (Problem bodies and {@code errors[]})
 *   <li>https://docs.x.com/x-api/fundamentals/counting-characters (weighted length, 280)
 * </ul>
 */
class XConnectorTests extends ConnectorContract {

    private static final String USER_ID = "2244994945";

    @Override
    protected Connector connector() {
        return new XConnector(properties());
    }

    private XProperties properties() {
        return new XProperties(
                URI.create(baseUrl()),
                URI.create("https://x.com"),
                URI.create("https://x.com/i/oauth2/authorize"),
                "tweet.read tweet.write users.read offline.access",
                null,
                null,
                CONNECT_TIMEOUT,
                READ_TIMEOUT);
    }

    @Override
    protected ConnectedAccount account() {
        return account(
                ChannelType.X,
                Map.of("clientId", "herald-client", "userId", USER_ID),
                Map.of("accessToken", "x-access-1", "refreshToken", "x-refresh-1", "clientSecret", "s3cret"));
    }

    @Override
    protected void stubPublish(ResponseDefinitionBuilder answer) {
        platform.stubFor(post(urlEqualTo("/2/tweets")).willReturn(answer));
    }

    @Override
    protected ResponseDefinitionBuilder published() {
        return json(
                201,
                "{\"data\":{\"id\":\"1445880548472328192\",\"text\":\"Fietsdiefstal? Registreer je fiets gratis:"
                        + " https://t.co/abc123\",\"edit_history_tweet_ids\":[\"1445880548472328192\"]}}");
    }

    @Override
    protected String expectedExternalId() {
        return "1445880548472328192";
    }

    @Override
    protected void verifyPublishRequest(Post post) {
        platform.verify(postRequestedFor(urlEqualTo("/2/tweets"))
                .withHeader("Authorization", equalTo("Bearer x-access-1"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("{\"text\":\"" + post.text() + "\"}")));
    }

    @Override
    protected void stubLookupFinding(Post post) {
        platform.stubFor(get(urlPathEqualTo("/2/users/" + USER_ID + "/tweets"))
                .withHeader("Authorization", equalTo("Bearer x-access-1"))
                .willReturn(okJson("{\"data\":[{\"id\":\"1445880548472328100\",\"text\":\"Iets anders\"},"
                        + "{\"id\":\"1445880548472328192\",\"text\":\"Fietsdiefstal? Registreer je fiets gratis:"
                        + " https://t.co/abc123\"}],\"meta\":{\"result_count\":2}}")));
    }

    @Override
    protected ResponseDefinitionBuilder serverError() {
        return json(
                503,
                "{\"title\":\"Service Unavailable\",\"detail\":\"Service Unavailable\",\"type\":\"about:blank\","
                        + "\"status\":503}");
    }

    @Override
    protected ResponseDefinitionBuilder rateLimited() {
        return json(
                        429,
                        "{\"title\":\"Too Many Requests\",\"detail\":\"Too Many Requests\",\"type\":\"about:blank\","
                                + "\"status\":429}")
                .withHeader("x-rate-limit-limit", "200")
                .withHeader("x-rate-limit-remaining", "0")
                .withHeader(
                        "x-rate-limit-reset",
                        Long.toString(Instant.now().plusSeconds(900).getEpochSecond()));
    }

    @Override
    protected Duration announcedWait() {
        return Duration.ofSeconds(900);
    }

    /** A revoked grant: the API answers 401, and the refresh token is refused too. */
    @Override
    protected void stubRevokedCredentials() {
        stubPublish(json(
                401,
                "{\"title\":\"Unauthorized\",\"type\":\"about:blank\",\"status\":401,\"detail\":\"Unauthorized\"}"));
        platform.stubFor(post(urlEqualTo("/2/oauth2/token"))
                .willReturn(json(
                        400,
                        "{\"error\":\"invalid_request\",\"error_description\":\"Value passed for the token was"
                                + " invalid.\"}")));
    }

    @Override
    protected String revokedExplanation() {
        return "Value passed for the token was invalid.";
    }

    @Override
    protected ResponseDefinitionBuilder validationError() {
        return json(
                403,
                "{\"detail\":\"You are not allowed to create a Tweet with duplicate content.\",\"type\":\"about:blank\","
                        + "\"title\":\"Forbidden\",\"status\":403}");
    }

    @Override
    protected String validationExplanation() {
        return "You are not allowed to create a Tweet with duplicate content.";
    }

    // ---- X's own rules ----

    @Test
    void refusesATextOver280WeightedCharactersBeforeCallingX() {
        // Japanese characters weigh 2: 141 of them weigh 282.
        Post post = withText("あ".repeat(141));
        assertThat(XConnector.weightedLength(post.text())).isEqualTo(282);
        assertThatThrownBy(() -> connector().publish(account(), post))
                .isInstanceOfSatisfying(
                        ConnectorException.Permanent.class,
                        e -> assertThat(e.explanation()).contains("282"));
        assertThat(platform.getAllServeEvents()).isEmpty();
    }

    @Test
    void countsALinkAs23SoALongAddressStillFits() {
        stubPublish(published());
        String text = "a".repeat(250) + " https://politie.example.be/" + "x".repeat(100);
        assertThat(XConnector.weightedLength(text)).isEqualTo(274);
        connector().publish(account(), withText(text));
        platform.verify(1, postRequestedFor(urlEqualTo("/2/tweets")));
    }

    @Test
    void aValidationErrorListKeepsXsMessages() {
        stubPublish(json(
                400,
                "{\"errors\":[{\"parameters\":{\"media.media_ids\":[\"123\"]},\"message\":\"Your media IDs are"
                        + " invalid.\"}],\"title\":\"Invalid Request\",\"detail\":\"One or more parameters to your"
                        + " request was invalid.\",\"type\":\"https://api.twitter.com/2/problems/invalid-request\"}"));
        assertThatThrownBy(() -> connector().publish(account(), samplePost()))
                .isInstanceOfSatisfying(
                        ConnectorException.Permanent.class,
                        e -> assertThat(e.explanation())
                                .contains("Your media IDs are invalid.")
                                .contains("One or more parameters to your request was invalid."));
    }

    @Test
    void refreshesOnA401OnceStoresTheRotatedTokensAndPostsOnce() {
        platform.stubFor(post(urlEqualTo("/2/tweets"))
                .inScenario("token")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(401, "{\"title\":\"Unauthorized\",\"status\":401,\"detail\":\"Unauthorized\"}"))
                .willSetStateTo("refreshed"));
        platform.stubFor(post(urlEqualTo("/2/tweets"))
                .inScenario("token")
                .whenScenarioStateIs("refreshed")
                .withHeader("Authorization", equalTo("Bearer x-access-2"))
                .willReturn(published()));
        platform.stubFor(post(urlEqualTo("/2/oauth2/token"))
                .withHeader(
                        "Authorization",
                        equalTo("Basic "
                                + Base64.getEncoder()
                                        .encodeToString("herald-client:s3cret".getBytes(StandardCharsets.UTF_8))))
                .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
                .withRequestBody(containing("grant_type=refresh_token"))
                .withRequestBody(containing("refresh_token=x-refresh-1"))
                .willReturn(okJson("{\"token_type\":\"bearer\",\"expires_in\":7200,\"access_token\":\"x-access-2\","
                        + "\"scope\":\"tweet.read tweet.write offline.access\",\"refresh_token\":\"x-refresh-2\"}")));

        assertThat(connector().publish(account(), samplePost()).externalId()).isEqualTo(expectedExternalId());

        assertThat(sink.last().secrets())
                .containsEntry("accessToken", "x-access-2")
                .containsEntry("refreshToken", "x-refresh-2")
                .containsEntry("clientSecret", "s3cret");
        assertThat(sink.last().expiresAt())
                .isBetween(Instant.now().plusSeconds(7100), Instant.now().plusSeconds(7201));
        platform.verify(2, postRequestedFor(urlEqualTo("/2/tweets")));
    }

    @Test
    void uploadsImagesWithTheirAltTextAndAttachesTheMediaIds() {
        platform.stubFor(post(urlEqualTo("/2/media/upload"))
                .willReturn(okJson("{\"data\":{\"id\":\"1880028106020515840\",\"media_key\":\"3_1880028106020515840\","
                        + "\"size\":4,\"expires_after_secs\":86400}}")));
        platform.stubFor(post(urlEqualTo("/2/media/metadata"))
                .willReturn(okJson("{\"data\":{\"associated_metadata\":{\"alt_text\":{\"text\":\"Een fietsslot\"}},"
                        + "\"id\":\"1880028106020515840\"}}")));
        stubPublish(published());
        Post post = new Post(
                "delivery-img",
                "Twee sloten zijn beter dan één.",
                Language.NL,
                null,
                null,
                List.of(new Post.Attachment("slot.jpg", "image/jpeg", new byte[] {9, 8, 7}, "Een fietsslot")),
                Map.of());

        connector().publish(account(), post);

        platform.verify(postRequestedFor(urlEqualTo("/2/media/upload"))
                .withHeader("Authorization", equalTo("Bearer x-access-1"))
                .withRequestBody(matchingJsonPath(
                        "$.media", equalTo(Base64.getEncoder().encodeToString(new byte[] {9, 8, 7}))))
                .withRequestBody(matchingJsonPath("$.media_category", equalTo("tweet_image"))));
        platform.verify(postRequestedFor(urlEqualTo("/2/media/metadata"))
                .withRequestBody(equalToJson(
                        "{\"id\":\"1880028106020515840\",\"metadata\":{\"alt_text\":{\"text\":\"Een fietsslot\"}}}")));
        platform.verify(postRequestedFor(urlEqualTo("/2/tweets"))
                .withRequestBody(matchingJsonPath("$.media.media_ids[0]", equalTo("1880028106020515840"))));
    }

    @Test
    void findIsEmptyWhenNoRecentPostHasTheText() {
        platform.stubFor(get(urlPathEqualTo("/2/users/" + USER_ID + "/tweets"))
                .willReturn(okJson("{\"data\":[{\"id\":\"1\",\"text\":\"Iets anders https://t.co/x\"}],"
                        + "\"meta\":{\"result_count\":1}}")));
        assertThat(connector().find(account(), samplePost())).isEmpty();
    }

    @Test
    void readsMentionsSinceTheLastIdAndTellsRepliesFromMentions() {
        platform.stubFor(get(urlPathEqualTo("/2/users/" + USER_ID + "/mentions"))
                .withQueryParam("since_id", equalTo("1000"))
                .willReturn(okJson("""
                        {"data":[
                          {"id":"1002","text":"@politie waar registreer ik?","author_id":"77","conversation_id":"990",
                           "created_at":"2026-11-29T01:10:00.000Z",
                           "referenced_tweets":[{"type":"replied_to","id":"990"}]},
                          {"id":"1001","text":"@politie er ligt een fiets","author_id":"78","conversation_id":"1001",
                           "created_at":"2026-11-29T01:09:00.000Z"}],
                         "includes":{"users":[{"id":"77","name":"An","username":"an_gent"},
                                              {"id":"78","name":"Bo","username":"bo"}]},
                         "meta":{"newest_id":"1002","oldest_id":"1001","result_count":2}}""")));

        ReactionPage page = connector().reactions(account(), "1000");

        assertThat(page.nextCursor()).isEqualTo("1002");
        assertThat(page.reactions())
                .extracting(Reaction::externalId, Reaction::kind, Reaction::inReplyTo, Reaction::authorHandle)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("1002", Reaction.Kind.REPLY, "990", "@an_gent"),
                        org.assertj.core.groups.Tuple.tuple("1001", Reaction.Kind.MENTION, null, "@bo"));
        platform.verify(getRequestedFor(urlPathEqualTo("/2/users/" + USER_ID + "/mentions"))
                .withQueryParam("expansions", equalTo("author_id")));
    }

    @Test
    void repliesInTheThreadHidesRepliesAndDeletes() {
        stubPublish(published());
        platform.stubFor(put(urlEqualTo("/2/tweets/1002/hidden")).willReturn(okJson("{\"data\":{\"hidden\":true}}")));
        platform.stubFor(delete(urlEqualTo("/2/tweets/" + expectedExternalId()))
                .willReturn(okJson("{\"data\":{\"deleted\":true}}")));
        Reaction reaction =
                new Reaction(accountId, "1002", Reaction.Kind.REPLY, "990", "@an_gent", "waar?", Instant.now(), null);

        connector().reply(account(), reaction, "Op fietsregistratie.be", "reply-1");
        boolean hidden = connector().hide(account(), "1002");
        connector().remove(account(), expectedExternalId());

        platform.verify(postRequestedFor(urlEqualTo("/2/tweets"))
                .withRequestBody(equalToJson(
                        "{\"text\":\"Op fietsregistratie.be\",\"reply\":{\"in_reply_to_tweet_id\":\"1002\"}}")));
        assertThat(hidden).isTrue();
        platform.verify(
                putRequestedFor(urlEqualTo("/2/tweets/1002/hidden")).withRequestBody(equalToJson("{\"hidden\":true}")));
        platform.verify(deleteRequestedFor(urlEqualTo("/2/tweets/" + expectedExternalId()))
                .withHeader("Authorization", equalTo("Bearer x-access-1")));
    }

    @Test
    void searchesRecentPostsAndReadsPublicMetrics() {
        platform.stubFor(get(urlPathEqualTo("/2/tweets/search/recent"))
                .withQueryParam("query", equalTo("fietsdiefstal gent"))
                .willReturn(okJson("{\"data\":[{\"id\":\"5\",\"text\":\"fietsdiefstal in gent\",\"author_id\":\"9\","
                        + "\"created_at\":\"2026-11-28T10:00:00.000Z\"}],\"includes\":{\"users\":[{\"id\":\"9\","
                        + "\"username\":\"gentenaar\"}]},\"meta\":{\"result_count\":1}}")));
        platform.stubFor(get(urlPathEqualTo("/2/tweets/" + expectedExternalId()))
                .withQueryParam("tweet.fields", equalTo("public_metrics"))
                .willReturn(okJson("{\"data\":{\"id\":\"" + expectedExternalId() + "\",\"text\":\"t\","
                        + "\"public_metrics\":{\"retweet_count\":4,\"reply_count\":2,\"like_count\":30,"
                        + "\"quote_count\":1,\"bookmark_count\":3,\"impression_count\":1500}}}")));

        List<Reaction> found = connector().search(account(), "fietsdiefstal gent");
        PostMetrics metrics = connector().metrics(account(), expectedExternalId());

        assertThat(found).singleElement().satisfies(r -> {
            assertThat(r.authorHandle()).isEqualTo("@gentenaar");
            assertThat(r.url()).isEqualTo("https://x.com/gentenaar/status/5");
        });
        assertThat(metrics.impressions()).isEqualTo(1500);
        assertThat(metrics.likes()).isEqualTo(30);
        assertThat(metrics.shares()).isEqualTo(5);
        assertThat(metrics.replies()).isEqualTo(2);
    }

    @Test
    void healthReadsTheUserAndTheRateLimitHeaders() {
        long reset = Instant.now().plusSeconds(600).getEpochSecond();
        platform.stubFor(get(urlPathEqualTo("/2/users/me"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withHeader("x-rate-limit-limit", "75")
                        .withHeader("x-rate-limit-remaining", "74")
                        .withHeader("x-rate-limit-reset", Long.toString(reset))
                        .withBody("{\"data\":{\"id\":\"" + USER_ID
                                + "\",\"name\":\"Politie\",\"username\":\"politie\"}}")));
        var health = connector().check(account());
        assertThat(health.handle()).isEqualTo("@politie");
        assertThat(health.rateLimitRemaining()).isEqualTo(74);
        assertThat(health.rateLimitResetAt()).isEqualTo(Instant.ofEpochSecond(reset));
    }

    private Post withText(String text) {
        return new Post("delivery-text", text, Language.NL, null, null, List.of(), Map.of());
    }
}
