package eu.herald.channels.connectors.facebook;

import static com.github.tomakehurst.wiremock.client.WireMock.aMultipart;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Facebook connector against a fake Graph API built from Meta's published reference:
 *
 * <ul>
 *   <li>https://developers.facebook.com/docs/pages-api/posts (feed posts with message and link, photos, delete)
 *   <li>https://developers.facebook.com/docs/graph-api/reference/page/photos/ ({@code alt_text_custom},
 *       {@code published=false} and {@code attached_media})
 *   <li>https://developers.facebook.com/docs/graph-api/reference/page/feed/ and
 *       https://developers.facebook.com/docs/graph-api/reference/object/comments/ (comments, replies)
 *   <li>https://developers.facebook.com/docs/graph-api/reference/comment/ ({@code is_hidden})
 *   <li>https://developers.facebook.com/docs/graph-api/reference/insights/ ({@code post_impressions})
 *   <li>https://developers.facebook.com/docs/graph-api/guides/error-handling/ (error codes 190, 4, 17, 32, 613,
 *       100)
 *   <li>https://developers.facebook.com/docs/graph-api/overview/rate-limiting/ ({@code X-App-Usage},
 *       {@code X-Business-Use-Case-Usage} with {@code estimated_time_to_regain_access})
 * </ul>
 */
class FacebookConnectorTests extends ConnectorContract {

    private static final String PAGE = "104567891234567";
    private static final String TOKEN = "EAAGpagetoken";

    @Override
    protected Connector connector() {
        return new FacebookConnector(new FacebookProperties(
                URI.create(baseUrl()), "v21.0", URI.create("https://www.facebook.com"), CONNECT_TIMEOUT, READ_TIMEOUT));
    }

    @Override
    protected ConnectedAccount account() {
        return account(ChannelType.FACEBOOK, Map.of("pageId", PAGE), Map.of("pageAccessToken", TOKEN));
    }

    @Override
    protected void stubPublish(ResponseDefinitionBuilder answer) {
        platform.stubFor(post(urlEqualTo("/v21.0/" + PAGE + "/feed")).willReturn(answer));
    }

    @Override
    protected ResponseDefinitionBuilder published() {
        return okJson("{\"id\":\"" + expectedExternalId() + "\"}");
    }

    @Override
    protected String expectedExternalId() {
        return PAGE + "_987654321098765";
    }

    @Override
    protected void verifyPublishRequest(Post post) {
        platform.verify(postRequestedFor(urlEqualTo("/v21.0/" + PAGE + "/feed"))
                .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
                .withFormParam("message", equalTo(post.text()))
                .withFormParam("link", equalTo("https://politie.example.be/fiets"))
                .withFormParam("access_token", equalTo(TOKEN)));
    }

    @Override
    protected void stubLookupFinding(Post post) {
        platform.stubFor(get(urlPathEqualTo("/v21.0/" + PAGE + "/feed"))
                .withQueryParam("fields", containing("message"))
                .withQueryParam("access_token", equalTo(TOKEN))
                .willReturn(okJson("{\"data\":[{\"id\":\"" + PAGE + "_1\",\"message\":\"Oud bericht\","
                        + "\"created_time\":\"2026-11-28T10:00:00+0000\"},{\"id\":\"" + expectedExternalId()
                        + "\",\"message\":\"" + post.text() + "\",\"created_time\":\"2026-11-29T01:00:00+0000\","
                        + "\"permalink_url\":\"https://www.facebook.com/politie/posts/987654321098765\"}],"
                        + "\"paging\":{\"cursors\":{\"before\":\"b\",\"after\":\"a\"}}}")));
    }

    @Override
    protected ResponseDefinitionBuilder serverError() {
        return json(
                500,
                "{\"error\":{\"message\":\"An unknown error has occurred.\",\"type\":\"OAuthException\",\"code\":1,"
                        + "\"fbtrace_id\":\"AbCdEf\"}}");
    }

    @Override
    protected ResponseDefinitionBuilder rateLimited() {
        return json(
                        400,
                        "{\"error\":{\"message\":\"(#32) Page request limit reached\",\"type\":\"OAuthException\","
                                + "\"code\":32,\"fbtrace_id\":\"AbCdEf\"}}")
                .withHeader(
                        "X-Business-Use-Case-Usage",
                        "{\"" + PAGE + "\":[{\"type\":\"pages\",\"call_count\":100,\"total_cputime\":25,"
                                + "\"total_time\":25,\"estimated_time_to_regain_access\":15}]}");
    }

    @Override
    protected Duration announcedWait() {
        return Duration.ofMinutes(15);
    }

    @Override
    protected void stubRevokedCredentials() {
        stubPublish(json(
                400,
                "{\"error\":{\"message\":\"Error validating access token: The user has not authorized application"
                        + " 123456.\",\"type\":\"OAuthException\",\"code\":190,\"error_subcode\":458,"
                        + "\"fbtrace_id\":\"AbCdEf\"}}"));
    }

    @Override
    protected String revokedExplanation() {
        return "Error validating access token: The user has not authorized application 123456.";
    }

    @Override
    protected ResponseDefinitionBuilder validationError() {
        return json(
                400,
                "{\"error\":{\"message\":\"(#100) Param message must be a string\",\"type\":\"OAuthException\","
                        + "\"code\":100,\"fbtrace_id\":\"AbCdEf\"}}");
    }

    @Override
    protected String validationExplanation() {
        return "(#100) Param message must be a string";
    }

    // ---- Facebook's own rules ----

    @Test
    void anAppLevelLimitWithoutAnEstimateWaitsTheHourOfItsWindow() {
        stubPublish(json(
                        403,
                        "{\"error\":{\"message\":\"(#4) Application request limit reached\",\"type\":\"OAuthException\","
                                + "\"is_transient\":true,\"code\":4,\"fbtrace_id\":\"x\"}}")
                .withHeader("X-App-Usage", "{\"call_count\":100,\"total_cputime\":12,\"total_time\":30}"));
        assertThatThrownBy(() -> connector().publish(account(), samplePost()))
                .isInstanceOfSatisfying(ConnectorException.Transient.class, e -> {
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofHours(1));
                    assertThat(e.explanation()).isEqualTo("(#4) Application request limit reached");
                });
    }

    @Test
    void postsOneImageOnThePhotosEdgeWithCaptionAndAltText() {
        platform.stubFor(post(urlEqualTo("/v21.0/" + PAGE + "/photos"))
                .willReturn(okJson("{\"id\":\"555\",\"post_id\":\"" + expectedExternalId() + "\"}")));
        Post post = new Post(
                "delivery-img",
                "Laat geen waardevolle spullen zichtbaar in je auto.",
                Language.NL,
                null,
                null,
                List.of(new Post.Attachment("auto.jpg", "image/jpeg", new byte[] {1, 2}, "Een lege autozetel")),
                Map.of());

        assertThat(connector().publish(account(), post).externalId()).isEqualTo(expectedExternalId());

        platform.verify(postRequestedFor(urlEqualTo("/v21.0/" + PAGE + "/photos"))
                .withAnyRequestBodyPart(
                        aMultipart("message").withBody(equalTo("Laat geen waardevolle spullen zichtbaar in je auto.")))
                .withAnyRequestBodyPart(aMultipart("alt_text_custom").withBody(equalTo("Een lege autozetel")))
                .withAnyRequestBodyPart(aMultipart("access_token").withBody(equalTo(TOKEN)))
                .withAnyRequestBodyPart(aMultipart("source").withHeader("Content-Type", equalTo("image/jpeg"))));
    }

    @Test
    void readsCommentsOnRecentPostsNewerThanTheCursor() {
        platform.stubFor(get(urlPathEqualTo("/v21.0/" + PAGE + "/feed"))
                .withQueryParam("fields", containing("comments"))
                .willReturn(okJson("""
                        {"data":[{"id":"%1$s","comments":{"data":[
                          {"id":"%1$s_c2","message":"Bedankt!","created_time":"2026-11-29T01:20:00+0000",
                           "from":{"name":"An Peeters","id":"11"},"parent":{"id":"%1$s_c1"}},
                          {"id":"%1$s_c1","message":"Waar kan ik mijn fiets laten graveren?",
                           "created_time":"2026-11-29T01:10:00+0000","from":{"name":"Bo Janssens","id":"12"}},
                          {"id":"%1$s_c0","message":"oud","created_time":"2026-11-28T09:00:00+0000",
                           "from":{"name":"Cas","id":"13"}}]}}]}""".formatted(expectedExternalId()))));

        ReactionPage page = connector().reactions(account(), "2026-11-29T00:00:00Z");

        assertThat(page.reactions())
                .extracting(Reaction::kind, Reaction::inReplyTo, Reaction::authorHandle)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                Reaction.Kind.REPLY, expectedExternalId() + "_c1", "An Peeters"),
                        org.assertj.core.groups.Tuple.tuple(
                                Reaction.Kind.COMMENT, expectedExternalId(), "Bo Janssens"));
        assertThat(page.nextCursor()).isEqualTo("2026-11-29T01:20:00Z");
    }

    @Test
    void repliesToACommentHidesItAndDeletesThePost() {
        String comment = expectedExternalId() + "_c1";
        platform.stubFor(post(urlEqualTo("/v21.0/" + comment + "/comments")).willReturn(okJson("{\"id\":\"r1\"}")));
        platform.stubFor(post(urlEqualTo("/v21.0/" + comment)).willReturn(okJson("{\"success\":true}")));
        platform.stubFor(
                delete(urlPathEqualTo("/v21.0/" + expectedExternalId())).willReturn(okJson("{\"success\":true}")));
        Reaction reaction = new Reaction(
                accountId, comment, Reaction.Kind.COMMENT, expectedExternalId(), "Bo", "Waar?", Instant.now(), null);

        connector().reply(account(), reaction, "In elk politiekantoor.", "reply-1");
        boolean hidden = connector().hide(account(), comment);
        connector().remove(account(), expectedExternalId());

        platform.verify(postRequestedFor(urlEqualTo("/v21.0/" + comment + "/comments"))
                .withFormParam("message", equalTo("In elk politiekantoor.")));
        assertThat(hidden).isTrue();
        platform.verify(postRequestedFor(urlEqualTo("/v21.0/" + comment)).withFormParam("is_hidden", equalTo("true")));
        platform.verify(deleteRequestedFor(urlPathEqualTo("/v21.0/" + expectedExternalId()))
                .withQueryParam("access_token", equalTo(TOKEN)));
    }

    @Test
    void readsInsightsAndReactionSummariesAndOffersNoSearch() {
        platform.stubFor(get(urlPathEqualTo("/v21.0/" + expectedExternalId()))
                .willReturn(okJson("{\"reactions\":{\"data\":[],\"summary\":{\"total_count\":40}},"
                        + "\"comments\":{\"data\":[],\"summary\":{\"total_count\":6}},\"shares\":{\"count\":9},"
                        + "\"id\":\"" + expectedExternalId() + "\"}")));
        platform.stubFor(get(urlPathEqualTo("/v21.0/" + expectedExternalId() + "/insights"))
                .withQueryParam("metric", equalTo("post_impressions,post_clicks"))
                .willReturn(okJson("{\"data\":[{\"name\":\"post_impressions\",\"period\":\"lifetime\","
                        + "\"values\":[{\"value\":2500}]},{\"name\":\"post_clicks\",\"period\":\"lifetime\","
                        + "\"values\":[{\"value\":120}]}]}")));

        PostMetrics metrics = connector().metrics(account(), expectedExternalId());

        assertThat(metrics.impressions()).isEqualTo(2500);
        assertThat(metrics.clicks()).isEqualTo(120);
        assertThat(metrics.likes()).isEqualTo(40);
        assertThat(metrics.replies()).isEqualTo(6);
        assertThat(metrics.shares()).isEqualTo(9);
        assertThatThrownBy(() -> connector().search(account(), "fiets"))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
