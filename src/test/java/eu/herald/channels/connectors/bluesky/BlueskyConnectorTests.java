package eu.herald.channels.connectors.bluesky;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Bluesky connector against a fake PDS built from the AT Protocol's published reference:
 *
 * <ul>
 *   <li>https://docs.bsky.app/docs/api/com-atproto-server-create-session and
 *       https://docs.bsky.app/docs/api/com-atproto-server-refresh-session (sessions, {@code ExpiredToken})
 *   <li>https://docs.bsky.app/docs/api/com-atproto-repo-create-record, -get-record, -delete-record, -upload-blob
 *   <li>https://docs.bsky.app/docs/advanced-guides/post-richtext (link facets with UTF-8 byte offsets)
 *   <li>https://docs.bsky.app/docs/advanced-guides/posts (images with alt text, replies with root and parent)
 *   <li>https://docs.bsky.app/docs/advanced-guides/rate-limits (429 with RateLimit-Limit/-Remaining/-Reset)
 *   <li>https://atproto.com/specs/xrpc (error body {"error", "message"}) and https://atproto.com/specs/tid
 *   <li>https://docs.bsky.app/docs/api/app-bsky-notification-list-notifications, -feed-search-posts,
 *       -feed-get-posts
 * </ul>
 */
class BlueskyConnectorTests extends ConnectorContract {

    private static final String DID = "did:plc:politiegent";
    private static final String HANDLE = "politie-gent.bsky.social";

    @Override
    protected Connector connector() {
        return new BlueskyConnector(new BlueskyProperties(
                URI.create(baseUrl()), URI.create("https://bsky.app"), CONNECT_TIMEOUT, READ_TIMEOUT));
    }

    @Override
    protected ConnectedAccount account() {
        return account(
                ChannelType.BLUESKY,
                Map.of("handle", HANDLE, "serviceUrl", baseUrl()),
                Map.of(
                        "appPassword",
                        "abcd-efgh-ijkl-mnop",
                        "accessJwt",
                        "access-1",
                        "refreshJwt",
                        "refresh-1",
                        "did",
                        DID));
    }

    private String rkey() {
        return RecordKeys.of(samplePost().idempotencyKey());
    }

    @Override
    protected void stubPublish(ResponseDefinitionBuilder answer) {
        platform.stubFor(post(urlEqualTo("/xrpc/com.atproto.repo.createRecord")).willReturn(answer));
    }

    @Override
    protected ResponseDefinitionBuilder published() {
        return okJson("{\"uri\":\"" + expectedExternalId() + "\",\"cid\":\"bafyreib2rxk3rh6kzwq\","
                + "\"commit\":{\"cid\":\"bafyreic\",\"rev\":\"3l4\"},\"validationStatus\":\"valid\"}");
    }

    @Override
    protected String expectedExternalId() {
        return "at://" + DID + "/app.bsky.feed.post/" + rkey();
    }

    @Override
    protected void verifyPublishRequest(Post post) {
        platform.verify(postRequestedFor(urlEqualTo("/xrpc/com.atproto.repo.createRecord"))
                .withHeader("Authorization", equalTo("Bearer access-1"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(matchingJsonPath("$.repo", equalTo(DID)))
                .withRequestBody(matchingJsonPath("$.collection", equalTo("app.bsky.feed.post")))
                .withRequestBody(matchingJsonPath("$.rkey", equalTo(rkey())))
                .withRequestBody(matchingJsonPath("$.record.$type", equalTo("app.bsky.feed.post")))
                .withRequestBody(matchingJsonPath("$.record.text", equalTo(post.text())))
                .withRequestBody(matchingJsonPath("$.record.langs[0]", equalTo("nl")))
                .withRequestBody(matchingJsonPath("$.record.createdAt"))
                .withRequestBody(matchingJsonPath(
                        "$.record.facets[0].features[0].uri", equalTo("https://politie.example.be/fiets"))));
    }

    @Override
    protected void stubLookupFinding(Post post) {
        platform.stubFor(get(urlPathEqualTo("/xrpc/com.atproto.repo.getRecord"))
                .withQueryParam("repo", equalTo(DID))
                .withQueryParam("collection", equalTo("app.bsky.feed.post"))
                .withQueryParam("rkey", equalTo(RecordKeys.of(post.idempotencyKey())))
                .willReturn(okJson("{\"uri\":\"" + expectedExternalId() + "\",\"cid\":\"bafyreib2\","
                        + "\"value\":{\"$type\":\"app.bsky.feed.post\",\"text\":\"" + post.text() + "\"}}")));
    }

    @Override
    protected ResponseDefinitionBuilder serverError() {
        return json(502, "{\"error\":\"UpstreamFailure\",\"message\":\"Upstream Failure\"}");
    }

    @Override
    protected ResponseDefinitionBuilder rateLimited() {
        long reset = Instant.now().plusSeconds(120).getEpochSecond();
        return json(429, "{\"error\":\"RateLimitExceeded\",\"message\":\"Rate Limit Exceeded\"}")
                .withHeader("RateLimit-Limit", "5000")
                .withHeader("RateLimit-Remaining", "0")
                .withHeader("RateLimit-Reset", Long.toString(reset))
                .withHeader("RateLimit-Policy", "5000;w=3600");
    }

    @Override
    protected Duration announcedWait() {
        return Duration.ofSeconds(120);
    }

    /** Revoking the app password ends its sessions: the token expires, refreshing fails, logging in fails. */
    @Override
    protected void stubRevokedCredentials() {
        stubPublish(json(400, "{\"error\":\"ExpiredToken\",\"message\":\"Token has expired\"}"));
        platform.stubFor(post(urlEqualTo("/xrpc/com.atproto.server.refreshSession"))
                .willReturn(json(400, "{\"error\":\"ExpiredToken\",\"message\":\"Token has been revoked\"}")));
        platform.stubFor(post(urlEqualTo("/xrpc/com.atproto.server.createSession"))
                .willReturn(json(
                        401, "{\"error\":\"AuthenticationRequired\",\"message\":\"Invalid identifier or password\"}")));
    }

    @Override
    protected String revokedExplanation() {
        return "Invalid identifier or password";
    }

    @Override
    protected ResponseDefinitionBuilder validationError() {
        return json(
                400,
                "{\"error\":\"InvalidRequest\",\"message\":\"Invalid app.bsky.feed.post record: Record/text must not"
                        + " be longer than 300 graphemes\"}");
    }

    @Override
    protected String validationExplanation() {
        return "Record/text must not be longer than 300 graphemes";
    }

    // ---- Bluesky's own rules ----

    @Test
    void linkFacetsCountUtf8BytesSoAccentsAndEmojiBeforeTheLinkShiftThem() {
        stubPublish(published());
        Post post = withText("Vélo volé 🚲? https://x.be/v");
        connector().publish(account(), post);
        // "Vélo volé 🚲? " is 14 UTF-16 units but 18 UTF-8 bytes (é: 2 bytes, the bicycle: 4).
        platform.verify(postRequestedFor(urlEqualTo("/xrpc/com.atproto.repo.createRecord"))
                .withRequestBody(matchingJsonPath("$.record.facets[0].index.byteStart", equalTo("18")))
                .withRequestBody(matchingJsonPath("$.record.facets[0].index.byteEnd", equalTo("32")))
                .withRequestBody(matchingJsonPath(
                        "$.record.facets[0].features[0].$type", equalTo("app.bsky.richtext.facet#link"))));
    }

    @Test
    void refusesATextOver300GraphemesBeforeCallingBluesky() {
        Post post = withText("é".repeat(301));
        assertThatThrownBy(() -> connector().publish(account(), post))
                .isInstanceOfSatisfying(
                        ConnectorException.Permanent.class,
                        e -> assertThat(e.explanation()).contains("301").contains("300"));
        assertThat(platform.getAllServeEvents()).isEmpty();
    }

    @Test
    void countsAnEmojiSequenceAsOneGraphemeAs300Allows() {
        stubPublish(published());
        String family = "👨‍👩‍👧"; // 3 emoji joined: 8 UTF-16 units, one grapheme
        connector().publish(account(), withText(family.repeat(300)));
        platform.verify(1, postRequestedFor(urlEqualTo("/xrpc/com.atproto.repo.createRecord")));
    }

    @Test
    void everyAttemptOfOneDeliveryWritesTheSameValidRecordKey() {
        String first = RecordKeys.of("delivery-42");
        assertThat(RecordKeys.of("delivery-42")).isEqualTo(first);
        assertThat(RecordKeys.of("delivery-43")).isNotEqualTo(first);
        assertThat(first).matches("^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$");
    }

    @Test
    void findIsEmptyWhenTheRecordWasNeverWritten() {
        platform.stubFor(get(urlPathEqualTo("/xrpc/com.atproto.repo.getRecord"))
                .willReturn(json(400, "{\"error\":\"RecordNotFound\",\"message\":\"Could not locate record\"}")));
        assertThat(connector().find(account(), samplePost())).isEmpty();
    }

    @Test
    void refreshesAnExpiredSessionOnceStoresTheNewTokensAndPostsOnce() {
        platform.stubFor(post(urlEqualTo("/xrpc/com.atproto.repo.createRecord"))
                .inScenario("session")
                .whenScenarioStateIs(Scenario.STARTED)
                .withHeader("Authorization", equalTo("Bearer access-1"))
                .willReturn(json(400, "{\"error\":\"ExpiredToken\",\"message\":\"Token has expired\"}"))
                .willSetStateTo("refreshed"));
        platform.stubFor(post(urlEqualTo("/xrpc/com.atproto.repo.createRecord"))
                .inScenario("session")
                .whenScenarioStateIs("refreshed")
                .withHeader("Authorization", equalTo("Bearer access-2"))
                .willReturn(published()));
        platform.stubFor(post(urlEqualTo("/xrpc/com.atproto.server.refreshSession"))
                .withHeader("Authorization", equalTo("Bearer refresh-1"))
                .willReturn(okJson("{\"accessJwt\":\"access-2\",\"refreshJwt\":\"refresh-2\",\"handle\":\"" + HANDLE
                        + "\",\"did\":\"" + DID + "\",\"active\":true}")));

        assertThat(connector().publish(account(), samplePost()).externalId()).isEqualTo(expectedExternalId());

        assertThat(sink.last().secrets())
                .containsEntry("accessJwt", "access-2")
                .containsEntry("refreshJwt", "refresh-2")
                .containsEntry("appPassword", "abcd-efgh-ijkl-mnop");
        platform.verify(2, postRequestedFor(urlEqualTo("/xrpc/com.atproto.repo.createRecord")));
    }

    @Test
    void logsInWithTheAppPasswordWhenThereIsNoSessionYet() {
        platform.stubFor(post(urlEqualTo("/xrpc/com.atproto.server.createSession"))
                .withRequestBody(
                        equalToJson("{\"identifier\":\"" + HANDLE + "\",\"password\":\"abcd-efgh-ijkl-mnop\"}"))
                .willReturn(okJson("{\"accessJwt\":\"access-9\",\"refreshJwt\":\"refresh-9\",\"handle\":\"" + HANDLE
                        + "\",\"did\":\"" + DID + "\"}")));
        stubPublish(published());
        ConnectedAccount fresh = account(
                ChannelType.BLUESKY,
                Map.of("handle", HANDLE, "serviceUrl", baseUrl()),
                Map.of("appPassword", "abcd-efgh-ijkl-mnop"));

        connector().publish(fresh, samplePost());

        platform.verify(postRequestedFor(urlEqualTo("/xrpc/com.atproto.repo.createRecord"))
                .withHeader("Authorization", equalTo("Bearer access-9")));
        assertThat(sink.last().secrets()).containsEntry("did", DID).containsEntry("refreshJwt", "refresh-9");
    }

    @Test
    void uploadsImagesAsBlobsAndEmbedsThemWithTheirAltText() {
        platform.stubFor(post(urlEqualTo("/xrpc/com.atproto.repo.uploadBlob"))
                .withHeader("Content-Type", equalTo("image/png"))
                .withHeader("Authorization", equalTo("Bearer access-1"))
                .willReturn(okJson("{\"blob\":{\"$type\":\"blob\",\"ref\":{\"$link\":\"bafkreiblob\"},"
                        + "\"mimeType\":\"image/png\",\"size\":4}}")));
        stubPublish(published());
        Post post = new Post(
                "delivery-img",
                "Sluit je fiets altijd aan een vast punt.",
                Language.NL,
                null,
                null,
                List.of(new Post.Attachment(
                        "fiets.png", "image/png", new byte[] {1, 2, 3, 4}, "Een fiets aan een fietsenrek")),
                Map.of());

        connector().publish(account(), post);

        platform.verify(postRequestedFor(urlEqualTo("/xrpc/com.atproto.repo.createRecord"))
                .withRequestBody(matchingJsonPath("$.record.embed.$type", equalTo("app.bsky.embed.images")))
                .withRequestBody(
                        matchingJsonPath("$.record.embed.images[0].alt", equalTo("Een fiets aan een fietsenrek")))
                .withRequestBody(matchingJsonPath("$.record.embed.images[0].image.ref.$link", equalTo("bafkreiblob"))));
    }

    @Test
    void readsRepliesAndMentionsFromNotificationsAndKeepsTheNewestAsCursor() {
        platform.stubFor(get(urlPathEqualTo("/xrpc/app.bsky.notification.listNotifications"))
                .willReturn(okJson(notifications())));

        ReactionPage page = connector().reactions(account(), null);

        assertThat(page.reactions())
                .extracting(Reaction::kind, Reaction::authorHandle, Reaction::inReplyTo)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                Reaction.Kind.REPLY, "burger.bsky.social", expectedExternalId()),
                        org.assertj.core.groups.Tuple.tuple(Reaction.Kind.MENTION, "buur.bsky.social", null));
        assertThat(page.reactions().getFirst().text()).isEqualTo("Waar kan ik dat doen?");
        assertThat(page.nextCursor()).isEqualTo("2026-11-29T01:05:00Z");
        platform.verify(getRequestedFor(urlPathEqualTo("/xrpc/app.bsky.notification.listNotifications"))
                .withHeader("Authorization", equalTo("Bearer access-1")));

        ReactionPage later = connector().reactions(account(), page.nextCursor());
        assertThat(later.reactions()).isEmpty();
        assertThat(later.nextCursor()).isEqualTo("2026-11-29T01:05:00Z");
    }

    @Test
    void repliesInTheThreadWithRootAndParentReferences() {
        String parentUri = "at://did:plc:burger/app.bsky.feed.post/3kreply";
        platform.stubFor(get(urlPathEqualTo("/xrpc/app.bsky.feed.getPosts"))
                .withQueryParam("uris", equalTo(parentUri))
                .willReturn(okJson("{\"posts\":[{\"uri\":\"" + parentUri + "\",\"cid\":\"bafyparent\","
                        + "\"author\":{\"did\":\"did:plc:burger\",\"handle\":\"burger.bsky.social\"},"
                        + "\"record\":{\"text\":\"Waar?\",\"reply\":{\"root\":{\"uri\":\"" + expectedExternalId()
                        + "\",\"cid\":\"bafyroot\"},\"parent\":{\"uri\":\"" + expectedExternalId()
                        + "\",\"cid\":\"bafyroot\"}}},\"likeCount\":0}]}")));
        stubPublish(okJson("{\"uri\":\"at://" + DID + "/app.bsky.feed.post/3kanswer\",\"cid\":\"bafyanswer\"}"));
        Reaction reaction = new Reaction(
                accountId,
                parentUri,
                Reaction.Kind.REPLY,
                expectedExternalId(),
                "burger.bsky.social",
                "Waar?",
                Instant.now(),
                null);

        connector().reply(account(), reaction, "Op fietsregistratie.be", "reply-1");

        platform.verify(postRequestedFor(urlEqualTo("/xrpc/com.atproto.repo.createRecord"))
                .withRequestBody(matchingJsonPath("$.rkey", equalTo(RecordKeys.of("reply-1"))))
                .withRequestBody(matchingJsonPath("$.record.reply.root.uri", equalTo(expectedExternalId())))
                .withRequestBody(matchingJsonPath("$.record.reply.root.cid", equalTo("bafyroot")))
                .withRequestBody(matchingJsonPath("$.record.reply.parent.uri", equalTo(parentUri)))
                .withRequestBody(matchingJsonPath("$.record.reply.parent.cid", equalTo("bafyparent"))));
    }

    @Test
    void searchesPublicPostsAndReadsMetricsFromGetPosts() {
        platform.stubFor(
                get(urlPathEqualTo("/xrpc/app.bsky.feed.searchPosts"))
                        .withQueryParam("q", equalTo("#fietsdiefstal"))
                        .withQueryParam("sort", equalTo("latest"))
                        .willReturn(
                                okJson(
                                        "{\"posts\":[{\"uri\":\"at://did:plc:x/app.bsky.feed.post/3kx\",\"cid\":\"c\","
                                                + "\"author\":{\"did\":\"did:plc:x\",\"handle\":\"x.bsky.social\"},"
                                                + "\"record\":{\"text\":\"Weer een fiets weg #fietsdiefstal\","
                                                + "\"createdAt\":\"2026-11-28T20:00:00.000Z\"},\"indexedAt\":\"2026-11-28T20:00:01.000Z\"}]}")));
        platform.stubFor(get(urlPathEqualTo("/xrpc/app.bsky.feed.getPosts"))
                .withQueryParam("uris", equalTo(expectedExternalId()))
                .willReturn(okJson("{\"posts\":[{\"uri\":\"" + expectedExternalId() + "\",\"cid\":\"c\","
                        + "\"author\":{\"handle\":\"" + HANDLE + "\"},\"record\":{\"text\":\"t\"},"
                        + "\"replyCount\":3,\"repostCount\":5,\"likeCount\":12,\"quoteCount\":2}]}")));

        List<Reaction> found = connector().search(account(), "#fietsdiefstal");
        PostMetrics metrics = connector().metrics(account(), expectedExternalId());

        assertThat(found).singleElement().satisfies(r -> {
            assertThat(r.text()).isEqualTo("Weer een fiets weg #fietsdiefstal");
            assertThat(r.url()).isEqualTo("https://bsky.app/profile/x.bsky.social/post/3kx");
        });
        assertThat(metrics.likes()).isEqualTo(12);
        assertThat(metrics.shares()).isEqualTo(7);
        assertThat(metrics.replies()).isEqualTo(3);
        assertThat(metrics.impressions()).isNull();
    }

    @Test
    void deletesTheRecordNamedByItsAddressAndCannotHideReplies() {
        platform.stubFor(post(urlEqualTo("/xrpc/com.atproto.repo.deleteRecord")).willReturn(okJson("{}")));
        connector().remove(account(), expectedExternalId());
        platform.verify(postRequestedFor(urlEqualTo("/xrpc/com.atproto.repo.deleteRecord"))
                .withRequestBody(equalToJson("{\"repo\":\"" + DID
                        + "\",\"collection\":\"app.bsky.feed.post\",\"rkey\":\"" + rkey() + "\"}")));
        assertThat(connector().hide(account(), "at://did:plc:x/app.bsky.feed.post/3kx"))
                .isFalse();
    }

    @Test
    void healthReadsTheSessionAndTheRateLimitHeaders() {
        long reset = Instant.now().plusSeconds(300).getEpochSecond();
        platform.stubFor(get(urlPathEqualTo("/xrpc/com.atproto.server.getSession"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withHeader("RateLimit-Remaining", "4321")
                        .withHeader("RateLimit-Reset", Long.toString(reset))
                        .withBody("{\"handle\":\"" + HANDLE + "\",\"did\":\"" + DID + "\"}")));
        var health = connector().check(account());
        assertThat(health.handle()).isEqualTo(HANDLE);
        assertThat(health.rateLimitRemaining()).isEqualTo(4321);
        assertThat(health.rateLimitResetAt()).isEqualTo(Instant.ofEpochSecond(reset));
    }

    private Post withText(String text) {
        return new Post("delivery-text", text, Language.FR, null, null, List.of(), Map.of());
    }

    private String notifications() {
        return """
                {"notifications":[
                 {"uri":"at://did:plc:burger/app.bsky.feed.post/3kreply","cid":"c1",
                  "author":{"did":"did:plc:burger","handle":"burger.bsky.social"},"reason":"reply",
                  "record":{"$type":"app.bsky.feed.post","text":"Waar kan ik dat doen?",
                    "reply":{"root":{"uri":"%1$s","cid":"r"},"parent":{"uri":"%1$s","cid":"r"}},
                    "createdAt":"2026-11-29T01:04:59Z"},
                  "isRead":false,"indexedAt":"2026-11-29T01:05:00Z"},
                 {"uri":"at://did:plc:fan/app.bsky.feed.like/3klike","cid":"c2",
                  "author":{"did":"did:plc:fan","handle":"fan.bsky.social"},"reason":"like",
                  "record":{"$type":"app.bsky.feed.like"},"isRead":false,"indexedAt":"2026-11-29T01:03:00Z"},
                 {"uri":"at://did:plc:buur/app.bsky.feed.post/3kmention","cid":"c3",
                  "author":{"did":"did:plc:buur","handle":"buur.bsky.social"},"reason":"mention",
                  "record":{"$type":"app.bsky.feed.post","text":"@politie-gent.bsky.social er staat een fiets"},
                  "isRead":false,"indexedAt":"2026-11-29T01:00:00Z"}
                ],"cursor":"2026-11-29T01:00:00Z"}
                """.formatted(expectedExternalId());
    }
}
