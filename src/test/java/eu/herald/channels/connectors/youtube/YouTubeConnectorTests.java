package eu.herald.channels.connectors.youtube;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
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
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The YouTube connector against a fake Data API v3 built from Google's published reference:
 *
 * <ul>
 *   <li>https://developers.google.com/youtube/v3/guides/using_resumable_upload_protocol (session POST with
 *       X-Upload-Content-Length/-Type, Location, PUT of the bytes)
 *   <li>https://developers.google.com/youtube/v3/docs/videos/insert, /videos/list, /videos/delete
 *   <li>https://developers.google.com/youtube/v3/docs/playlistItems/list and /channels/list (uploads playlist)
 *   <li>https://developers.google.com/youtube/v3/docs/commentThreads/list, /comments/insert,
 *       /comments/setModerationStatus
 *   <li>https://developers.google.com/youtube/v3/docs/errors (quotaExceeded, rateLimitExceeded, forbidden,
 *       insufficientPermissions, authError) and https://developers.google.com/youtube/v3/getting-started#quota
 *       (the daily quota resets at midnight Pacific time)
 *   <li>https://developers.google.com/identity/protocols/oauth2/web-server#offline (refresh; {@code invalid_grant}
 *       "Token has been expired or revoked.")
 * </ul>
 */
class YouTubeConnectorTests extends ConnectorContract {

    private static final String CHANNEL = "UCpolitieGent0000000000";
    private static final String VIDEO = "dQw4w9WgXcQ";
    private static final byte[] BYTES = {0, 0, 0, 24, 102, 116, 121, 112};

    @Override
    protected Connector connector() {
        return new YouTubeConnector(new YouTubeProperties(
                URI.create(baseUrl()),
                URI.create(baseUrl() + "/token"),
                URI.create("https://accounts.google.com/o/oauth2/v2/auth"),
                "https://www.googleapis.com/auth/youtube.upload",
                URI.create("https://www.youtube.com"),
                null,
                null,
                CONNECT_TIMEOUT,
                READ_TIMEOUT,
                READ_TIMEOUT));
    }

    @Override
    protected ConnectedAccount account() {
        return account(
                ChannelType.YOUTUBE,
                Map.of("channelId", CHANNEL, "clientId", "herald.apps.googleusercontent.com"),
                Map.of("accessToken", "ya29.first", "refreshToken", "1//refresh", "clientSecret", "GOCSPX-secret"));
    }

    @Override
    protected Post samplePost() {
        return new Post(
                "delivery-yt-1",
                "Hoe graveer je je fiets? Alles op https://politie.example.be/fiets",
                Language.NL,
                "Fietsgravering in 1 minuut",
                null,
                List.of(new Post.Attachment("gravering.mp4", "video/mp4", BYTES, "Een agent graveert een fiets")),
                Map.of());
    }

    private String sessionUrl() {
        return "/upload/youtube/v3/videos?uploadType=resumable&part=snippet,status&upload_id=xa298sd_f";
    }

    @Override
    protected void stubPublish(ResponseDefinitionBuilder answer) {
        platform.stubFor(post(urlPathEqualTo("/upload/youtube/v3/videos"))
                .withQueryParam("uploadType", equalTo("resumable"))
                .willReturn(aResponse().withStatus(200).withHeader("Location", baseUrl() + sessionUrl())));
        platform.stubFor(put(urlEqualTo(sessionUrl())).willReturn(answer));
    }

    @Override
    protected ResponseDefinitionBuilder published() {
        return okJson("{\"kind\":\"youtube#video\",\"etag\":\"e\",\"id\":\"" + VIDEO + "\",\"snippet\":{\"title\":"
                + "\"Fietsgravering in 1 minuut\",\"channelId\":\"" + CHANNEL + "\"},\"status\":{\"uploadStatus\":"
                + "\"uploaded\",\"privacyStatus\":\"public\"}}");
    }

    @Override
    protected String expectedExternalId() {
        return VIDEO;
    }

    @Override
    protected void verifyPublishRequest(Post post) {
        platform.verify(postRequestedFor(urlPathEqualTo("/upload/youtube/v3/videos"))
                .withQueryParam("uploadType", equalTo("resumable"))
                .withQueryParam("part", equalTo("snippet,status"))
                .withHeader("Authorization", equalTo("Bearer ya29.first"))
                .withHeader("X-Upload-Content-Length", equalTo(Integer.toString(BYTES.length)))
                .withHeader("X-Upload-Content-Type", equalTo("video/mp4"))
                .withRequestBody(matchingJsonPath("$.snippet.title", equalTo("Fietsgravering in 1 minuut")))
                .withRequestBody(matchingJsonPath("$.snippet.description", equalTo(post.text())))
                .withRequestBody(
                        matchingJsonPath("$.snippet.tags[0]", equalTo(YouTubeConnector.marker(post.idempotencyKey()))))
                .withRequestBody(matchingJsonPath("$.status.privacyStatus", equalTo("public"))));
        platform.verify(putRequestedFor(urlEqualTo(sessionUrl()))
                .withHeader("Content-Type", equalTo("video/mp4"))
                .withRequestBody(binaryEqualTo(BYTES)));
    }

    @Override
    protected void stubLookupFinding(Post post) {
        platform.stubFor(get(urlPathEqualTo("/youtube/v3/channels"))
                .withQueryParam("mine", equalTo("true"))
                .willReturn(okJson("{\"items\":[{\"id\":\"" + CHANNEL + "\",\"contentDetails\":{\"relatedPlaylists\":"
                        + "{\"likes\":\"\",\"uploads\":\"UUpolitieGent0000000000\"}}}]}")));
        platform.stubFor(get(urlPathEqualTo("/youtube/v3/playlistItems"))
                .withQueryParam("playlistId", equalTo("UUpolitieGent0000000000"))
                .willReturn(okJson("{\"items\":[{\"contentDetails\":{\"videoId\":\"older000001\"}},"
                        + "{\"contentDetails\":{\"videoId\":\"" + VIDEO + "\"}}]}")));
        platform.stubFor(get(urlPathEqualTo("/youtube/v3/videos"))
                .withQueryParam("id", equalTo("older000001," + VIDEO))
                .willReturn(okJson("{\"items\":[{\"id\":\"older000001\",\"snippet\":{\"tags\":[\"herald-0\"]}},"
                        + "{\"id\":\"" + VIDEO + "\",\"snippet\":{\"title\":\"t\",\"tags\":[\""
                        + YouTubeConnector.marker(post.idempotencyKey()) + "\"]}}]}")));
    }

    @Override
    protected ResponseDefinitionBuilder serverError() {
        return json(
                503,
                "{\"error\":{\"code\":503,\"message\":\"The service is currently unavailable.\",\"errors\":[{\"message\":"
                        + "\"The service is currently unavailable.\",\"domain\":\"global\",\"reason\":\"backendError\"}]}}");
    }

    @Override
    protected ResponseDefinitionBuilder rateLimited() {
        return json(
                403,
                "{\"error\":{\"code\":403,\"message\":\"The request cannot be completed because you have exceeded your"
                        + " <a href=\\\"/youtube/v3/getting-started#quota\\\">quota</a>.\",\"errors\":[{\"message\":\"q\","
                        + "\"domain\":\"youtube.quota\",\"reason\":\"quotaExceeded\"}]}}");
    }

    @Override
    protected Duration announcedWait() {
        ZonedDateTime pacific = ZonedDateTime.now(YouTubeConnector.PACIFIC);
        return Duration.between(pacific, pacific.toLocalDate().plusDays(1).atStartOfDay(YouTubeConnector.PACIFIC));
    }

    @Override
    protected void stubRevokedCredentials() {
        platform.stubFor(post(urlPathEqualTo("/upload/youtube/v3/videos"))
                .willReturn(json(
                        401,
                        "{\"error\":{\"code\":401,\"message\":\"Request had invalid authentication credentials.\","
                                + "\"errors\":[{\"message\":\"Invalid Credentials\",\"domain\":\"global\","
                                + "\"reason\":\"authError\",\"location\":\"Authorization\"}],"
                                + "\"status\":\"UNAUTHENTICATED\"}}")));
        platform.stubFor(post(urlEqualTo("/token"))
                .willReturn(json(
                        400,
                        "{\"error\":\"invalid_grant\",\"error_description\":\"Token has been expired or revoked.\"}")));
    }

    @Override
    protected String revokedExplanation() {
        return "Token has been expired or revoked.";
    }

    @Override
    protected ResponseDefinitionBuilder validationError() {
        return json(
                400,
                "{\"error\":{\"code\":400,\"message\":\"The request metadata specifies an invalid video title.\","
                        + "\"errors\":[{\"message\":\"The request metadata specifies an invalid video title.\","
                        + "\"domain\":\"youtube.video\",\"reason\":\"invalidTitle\"}]}}");
    }

    @Override
    protected String validationExplanation() {
        return "The request metadata specifies an invalid video title.";
    }

    // ---- YouTube's own rules ----

    @Test
    void refusesAPostWithoutAVideoBeforeCallingYouTube() {
        Post textOnly = new Post("d", "Alleen tekst", Language.NL, null, null, List.of(), Map.of());
        assertThatThrownBy(() -> connector().publish(account(), textOnly))
                .isInstanceOfSatisfying(
                        ConnectorException.Permanent.class,
                        e -> assertThat(e.credentialsRejected()).isFalse());
        assertThat(platform.getAllServeEvents()).isEmpty();
    }

    @Test
    void refreshesTheTokenAtGoogleOnA401AndStoresIt() {
        platform.stubFor(post(urlPathEqualTo("/upload/youtube/v3/videos"))
                .inScenario("token")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(
                        401,
                        "{\"error\":{\"code\":401,\"message\":\"Request had invalid authentication"
                                + " credentials.\",\"errors\":[{\"reason\":\"authError\"}]}}"))
                .willSetStateTo("refreshed"));
        platform.stubFor(post(urlPathEqualTo("/upload/youtube/v3/videos"))
                .inScenario("token")
                .whenScenarioStateIs("refreshed")
                .withHeader("Authorization", equalTo("Bearer ya29.second"))
                .willReturn(aResponse().withStatus(200).withHeader("Location", baseUrl() + sessionUrl())));
        platform.stubFor(put(urlEqualTo(sessionUrl())).willReturn(published()));
        platform.stubFor(post(urlEqualTo("/token"))
                .withRequestBody(containing("grant_type=refresh_token"))
                .withRequestBody(containing("client_id=herald.apps.googleusercontent.com"))
                .withRequestBody(containing("client_secret=GOCSPX-secret"))
                .willReturn(okJson("{\"access_token\":\"ya29.second\",\"expires_in\":3599,"
                        + "\"scope\":\"https://www.googleapis.com/auth/youtube.upload\",\"token_type\":\"Bearer\"}")));

        assertThat(connector().publish(account(), samplePost()).externalId()).isEqualTo(VIDEO);

        assertThat(sink.last().secrets())
                .containsEntry("accessToken", "ya29.second")
                .containsEntry("refreshToken", "1//refresh");
    }

    @Test
    void forbiddenIsPermanentAndInsufficientScopesAskForReconnecting() {
        stubPublish(json(
                403,
                "{\"error\":{\"code\":403,\"message\":\"Request had insufficient authentication scopes.\","
                        + "\"errors\":[{\"reason\":\"insufficientPermissions\",\"domain\":\"global\"}]}}"));
        assertThatThrownBy(() -> connector().publish(account(), samplePost()))
                .isInstanceOfSatisfying(ConnectorException.Permanent.class, e -> {
                    assertThat(e.credentialsRejected()).isTrue();
                    assertThat(e.explanation()).isEqualTo("Request had insufficient authentication scopes.");
                });
        var forbidden = YouTubeConnector.error(
                new eu.herald.channels.connectors.support.PlatformResponse(
                        "YouTube",
                        403,
                        java.net.http.HttpHeaders.of(Map.of(), (a, b) -> true),
                        "{\"error\":{\"code\":403,\"message\":\"Access forbidden.\",\"errors\":[{\"reason\":\"forbidden\"}]}}"),
                Instant.now());
        assertThat(forbidden)
                .isInstanceOfSatisfying(
                        ConnectorException.Permanent.class,
                        e -> assertThat(e.credentialsRejected()).isFalse());
    }

    @Test
    void readsCommentThreadsSkipsItsOwnAndRepliesHidesReadsStatistics() {
        platform.stubFor(get(urlPathEqualTo("/youtube/v3/commentThreads"))
                .withQueryParam("allThreadsRelatedToChannelId", equalTo(CHANNEL))
                .willReturn(okJson("""
                        {"items":[{"id":"UgzThread1","snippet":{"videoId":"%1$s","topLevelComment":{"id":"UgzThread1",
                          "snippet":{"textOriginal":"Waar kan dit?","authorDisplayName":"An","videoId":"%1$s",
                          "publishedAt":"2026-11-29T01:00:00Z","authorChannelId":{"value":"UCan"}}}},
                          "replies":{"comments":[{"id":"UgzThread1.r1","snippet":{"parentId":"UgzThread1",
                          "textOriginal":"In elk kantoor","authorDisplayName":"Politie Gent",
                          "publishedAt":"2026-11-29T01:05:00Z","authorChannelId":{"value":"%2$s"}}},
                          {"id":"UgzThread1.r2","snippet":{"parentId":"UgzThread1","textOriginal":"Dank!",
                          "authorDisplayName":"An","publishedAt":"2026-11-29T01:06:00Z",
                          "authorChannelId":{"value":"UCan"}}}]}}]}""".formatted(VIDEO, CHANNEL))));
        platform.stubFor(post(urlPathEqualTo("/youtube/v3/comments")).willReturn(okJson("{\"id\":\"UgzThread1.r3\"}")));
        platform.stubFor(post(urlPathEqualTo("/youtube/v3/comments/setModerationStatus"))
                .willReturn(aResponse().withStatus(204)));
        platform.stubFor(get(urlPathEqualTo("/youtube/v3/videos"))
                .withQueryParam("part", equalTo("statistics"))
                .willReturn(okJson("{\"items\":[{\"id\":\"" + VIDEO + "\",\"statistics\":{\"viewCount\":\"3210\","
                        + "\"likeCount\":\"45\",\"favoriteCount\":\"0\",\"commentCount\":\"7\"}}]}")));

        ReactionPage page = connector().reactions(account(), null);
        Reaction reply = page.reactions().get(1);
        connector().reply(account(), reply, "Graag gedaan", "reply-1");
        boolean hidden = connector().hide(account(), "UgzThread1");
        PostMetrics metrics = connector().metrics(account(), VIDEO);

        assertThat(page.reactions())
                .extracting(Reaction::externalId, Reaction::kind, Reaction::inReplyTo)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("UgzThread1", Reaction.Kind.COMMENT, VIDEO),
                        org.assertj.core.groups.Tuple.tuple("UgzThread1.r2", Reaction.Kind.REPLY, "UgzThread1"));
        assertThat(page.nextCursor()).isEqualTo("2026-11-29T01:06:00Z");
        platform.verify(postRequestedFor(urlPathEqualTo("/youtube/v3/comments"))
                .withQueryParam("part", equalTo("snippet"))
                .withRequestBody(
                        equalToJson("{\"snippet\":{\"parentId\":\"UgzThread1\",\"textOriginal\":\"Graag gedaan\"}}")));
        assertThat(hidden).isTrue();
        platform.verify(postRequestedFor(urlPathEqualTo("/youtube/v3/comments/setModerationStatus"))
                .withQueryParam("id", equalTo("UgzThread1"))
                .withQueryParam("moderationStatus", equalTo("heldForReview")));
        assertThat(metrics.impressions()).isEqualTo(3210);
        assertThat(metrics.likes()).isEqualTo(45);
        assertThat(metrics.replies()).isEqualTo(7);
        assertThatThrownBy(() -> connector().search(account(), "fiets"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aTitleKeepsToYouTubesRules() {
        Post post = new Post("d", "<b>" + "x".repeat(150), Language.NL, null, null, List.of(), Map.of());
        assertThat(YouTubeConnector.title(post)).doesNotContain("<").hasSize(100);
    }
}
