package eu.herald.publishing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.RequestPattern;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.matching.StringValuePattern;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import eu.herald.TestEnvironment;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A platform faked with WireMock, one account per test under a path or a token of its own (so request counts are per
 * test): what creating the account needs, the post endpoint answering a scripted sequence, and the look-up after an
 * unknown outcome. One implementation per connector. Platforms whose API address is Herald's configuration, not an
 * account setting (X, Facebook, Telegram), are faked on the fixed port {@link TestEnvironment} points them at.
 *
 * <p>YouTube has none: a YouTube post is a video, and the delivery engine sends no video (campaigns stores uploaded
 * images only; videos are described by name and alternative text), so the connector refuses every delivery as Permanent before it calls
 * YouTube; there is no fault of YouTube's to survive yet (DeliveryFaultTests asserts that honest failure instead).
 */
public interface PlatformFake {

    /** The channel account type, and the variant channel it publishes. */
    String type();

    String channel();

    /** Stubs what connecting the account asks and returns its settings for the channels API. */
    Map<String, String> connect(WireMockExtension wm, String prefix);

    /** The post endpoint's path under the prefix. */
    String postPath(String prefix);

    /** A successful post answer in the platform's format. */
    ResponseDefinitionBuilder accepted(String id, String text);

    /** The platform's error body for an HTTP status (its own words). */
    ResponseDefinitionBuilder error(int status, String message);

    /** What the platform answers when the credentials are revoked, and the words users should see. */
    ResponseDefinitionBuilder revoked();

    String revokedWords();

    /** Stubs the look-up so that the post with {@code text} exists (after the platform accepted it). */
    void postExists(WireMockExtension wm, String prefix, String id, String text);

    /**
     * The port of the fake: 0 for the suite's own WireMock on a dynamic port (the account names its server); otherwise
     * the fixed port {@link TestEnvironment} configures as the platform's API address.
     */
    default int port() {
        return 0;
    }

    /**
     * Whether the platform can look a post up ({@code Connector.canLookUp}). When it cannot, a lost answer ends the
     * delivery FAILED (check the channel) rather than risking a second post.
     */
    default boolean canLookUp() {
        return true;
    }

    /** Headers that tell this test's post requests apart on a post path all accounts share (a token). */
    default Map<String, StringValuePattern> postHeaders(String prefix) {
        return Map.of();
    }

    /** Posts as the platform counts them: one per post request it answered with success, whatever reached Herald. */
    default long posts(WireMockExtension wm, String prefix) {
        RequestPattern pattern = postPattern(prefix).build();
        return wm.getAllServeEvents().stream()
                .filter(e -> pattern.match(e.getRequest()).isExactMatch())
                .filter(e -> e.getResponseDefinition().getStatus() < 300)
                .count();
    }

    /** Scripts the post endpoint: each answer once, in order; the last one stays. */
    default void answers(WireMockExtension wm, String prefix, List<ResponseDefinitionBuilder> answers) {
        String scenario = "posts " + prefix;
        for (int i = 0; i < answers.size(); i++) {
            String state = i == 0 ? Scenario.STARTED : "answer " + i;
            var stub = post(urlEqualTo(postPath(prefix)))
                    .inScenario(scenario)
                    .whenScenarioStateIs(state)
                    .willReturn(answers.get(i));
            postHeaders(prefix).forEach(stub::withHeader);
            if (i + 1 < answers.size()) {
                stub.willSetStateTo("answer " + (i + 1));
            }
            wm.stubFor(stub);
        }
    }

    default RequestPatternBuilder postPattern(String prefix) {
        RequestPatternBuilder pattern = postRequestedFor(urlEqualTo(postPath(prefix)));
        postHeaders(prefix).forEach(pattern::withHeader);
        return pattern;
    }

    default List<LoggedRequest> postRequests(WireMockExtension wm, String prefix) {
        return wm.findAll(postPattern(prefix));
    }

    /** A JSON answer with a status, as platforms give errors. */
    static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
    }

    static String prefix() {
        return "/" + UUID.randomUUID();
    }

    /**
     * Mastodon as documented: https://docs.joinmastodon.org/methods/statuses/#create (POST /api/v1/statuses with
     * Idempotency-Key, answer a Status), https://docs.joinmastodon.org/methods/accounts/#verify_credentials,
     * https://docs.joinmastodon.org/methods/accounts/#statuses (the account's recent statuses, newest first), errors
     * as https://docs.joinmastodon.org/entities/Error/ ({"error": "..."}) and rate limits as
     * https://docs.joinmastodon.org/api/rate-limits/ (429 with X-RateLimit-* headers).
     */
    final class Mastodon implements PlatformFake {

        @Override
        public String type() {
            return "MASTODON";
        }

        @Override
        public String channel() {
            return "MASTODON";
        }

        @Override
        public Map<String, String> connect(WireMockExtension wm, String prefix) {
            wm.stubFor(get(urlEqualTo(prefix + "/api/v1/accounts/verify_credentials"))
                    .withHeader("Authorization", equalTo("Bearer token-" + prefix.substring(1)))
                    .willReturn(
                            okJson("{\"id\": \"7\", \"acct\": \"elsene\", \"url\": \"https://social.example/@elsene\"}")
                                    .withHeader("X-RateLimit-Remaining", "299")));
            return Map.of(
                    "baseUrl",
                    "http://127.0.0.1:" + wm.getPort() + prefix,
                    "accessToken",
                    "token-" + prefix.substring(1));
        }

        @Override
        public String postPath(String prefix) {
            return prefix + "/api/v1/statuses";
        }

        @Override
        public ResponseDefinitionBuilder accepted(String id, String text) {
            return okJson(status(id, text));
        }

        private static String status(String id, String text) {
            return "{\"id\": \"" + id + "\", \"created_at\": \"2026-03-01T10:00:00.000Z\", \"visibility\": \"public\","
                    + " \"language\": \"nl\", \"url\": \"https://social.example/@elsene/" + id + "\", \"content\": "
                    + PublishingFixtures.quote("<p>" + text + "</p>") + ", \"account\": {\"id\": \"7\", \"acct\":"
                    + " \"elsene\"}}";
        }

        @Override
        public ResponseDefinitionBuilder error(int status, String message) {
            return aResponse()
                    .withStatus(status)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"error\": " + PublishingFixtures.quote(message) + "}");
        }

        @Override
        public ResponseDefinitionBuilder revoked() {
            return error(401, "The access token was revoked");
        }

        @Override
        public String revokedWords() {
            return "The access token was revoked";
        }

        @Override
        public void postExists(WireMockExtension wm, String prefix, String id, String text) {
            wm.stubFor(get(urlPathEqualTo(prefix + "/api/v1/accounts/7/statuses"))
                    .willReturn(okJson("[" + status(id, text) + "]")));
        }
    }

    /**
     * Herald's own webhook protocol (see WebhookConnector): a signed JSON POST with Idempotency-Key; any 2xx accepts;
     * receivers deduplicate on the key, so a post is one per distinct key among accepted requests.
     */
    final class Webhook implements PlatformFake {

        @Override
        public String type() {
            return "WEBHOOK";
        }

        @Override
        public String channel() {
            return "WEBSITE";
        }

        @Override
        public Map<String, String> connect(WireMockExtension wm, String prefix) {
            wm.stubFor(post(urlEqualTo(prefix + "/hook"))
                    .withHeader("X-Herald-Event", equalTo("ping"))
                    .atPriority(1)
                    .willReturn(aResponse().withStatus(204)));
            return Map.of(
                    "url", "http://127.0.0.1:" + wm.getPort() + prefix + "/hook", "signingSecret", "secret-" + prefix);
        }

        @Override
        public String postPath(String prefix) {
            return prefix + "/hook";
        }

        @Override
        public ResponseDefinitionBuilder accepted(String id, String text) {
            return okJson("{\"id\": \"" + id + "\", \"url\": \"https://www.elsene.be/news/" + id + "\"}");
        }

        @Override
        public ResponseDefinitionBuilder error(int status, String message) {
            return aResponse()
                    .withStatus(status)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"error\": " + PublishingFixtures.quote(message) + "}");
        }

        @Override
        public ResponseDefinitionBuilder revoked() {
            return error(401, "Signature refused: the signing secret was rotated");
        }

        @Override
        public String revokedWords() {
            return "Signature refused: the signing secret was rotated";
        }

        @Override
        public void postExists(WireMockExtension wm, String prefix, String id, String text) {
            // nothing to look up: a webhook has no look-up, the receiver deduplicates on Idempotency-Key
        }

        @Override
        public long posts(WireMockExtension wm, String prefix) {
            return wm.getAllServeEvents().stream()
                    .filter(e -> e.getRequest().getUrl().equals(postPath(prefix)))
                    .filter(e -> "publish".equals(e.getRequest().getHeader("X-Herald-Event")))
                    .filter(e -> e.getResponse().getStatus() < 300)
                    .map(e -> e.getRequest().getHeader("Idempotency-Key"))
                    .distinct()
                    .count();
        }

        @Override
        public List<LoggedRequest> postRequests(WireMockExtension wm, String prefix) {
            return wm.findAll(
                    postRequestedFor(urlEqualTo(postPath(prefix))).withHeader("X-Herald-Event", matching("publish")));
        }
    }

    /**
     * Bluesky (AT Protocol) as documented: https://docs.bsky.app/docs/api/com-atproto-server-create-session,
     * https://docs.bsky.app/docs/api/com-atproto-server-get-session,
     * https://docs.bsky.app/docs/api/com-atproto-repo-create-record (a post is a record; Herald derives its key from
     * the idempotency key), https://docs.bsky.app/docs/api/com-atproto-repo-get-record (the look-up by that key), XRPC
     * errors {"error", "message"} and https://docs.bsky.app/docs/advanced-guides/rate-limits (429, RateLimit-*).
     */
    final class Bluesky implements PlatformFake {

        @Override
        public String type() {
            return "BLUESKY";
        }

        @Override
        public String channel() {
            return "BLUESKY";
        }

        @Override
        public Map<String, String> connect(WireMockExtension wm, String prefix) {
            String session = "{\"accessJwt\": \"access-1\", \"refreshJwt\": \"refresh-1\", \"handle\":"
                    + " \"elsene.bsky.social\", \"did\": \"did:plc:elsene\", \"active\": true}";
            wm.stubFor(post(urlEqualTo(prefix + "/xrpc/com.atproto.server.createSession"))
                    .willReturn(okJson(session)));
            wm.stubFor(get(urlEqualTo(prefix + "/xrpc/com.atproto.server.getSession"))
                    .willReturn(okJson(session)));
            return Map.of(
                    "handle",
                    "elsene.bsky.social",
                    "appPassword",
                    "abcd-efgh-ijkl-mnop",
                    "serviceUrl",
                    "http://127.0.0.1:" + wm.getPort() + prefix);
        }

        @Override
        public String postPath(String prefix) {
            return prefix + "/xrpc/com.atproto.repo.createRecord";
        }

        @Override
        public ResponseDefinitionBuilder accepted(String id, String text) {
            return okJson(record(id));
        }

        private static String record(String id) {
            return "{\"uri\": \"at://did:plc:elsene/app.bsky.feed.post/" + id + "\", \"cid\": \"bafyrei" + id + "\"}";
        }

        @Override
        public ResponseDefinitionBuilder error(int status, String message) {
            String error =
                    status == 429 ? "RateLimitExceeded" : status >= 500 ? "InternalServerError" : "InvalidRequest";
            return aResponse()
                    .withStatus(status)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"error\": \"" + error + "\", \"message\": " + PublishingFixtures.quote(message) + "}");
        }

        @Override
        public ResponseDefinitionBuilder revoked() {
            return aResponse()
                    .withStatus(401)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"error\": \"AuthenticationRequired\", \"message\": \"Token has been revoked\"}");
        }

        @Override
        public String revokedWords() {
            return "Token has been revoked";
        }

        @Override
        public void postExists(WireMockExtension wm, String prefix, String id, String text) {
            wm.stubFor(get(urlPathEqualTo(prefix + "/xrpc/com.atproto.repo.getRecord"))
                    .willReturn(okJson(record(id)
                            .replace("}", ", \"value\": {\"text\": " + PublishingFixtures.quote(text) + "}}"))));
        }
    }

    /**
     * X over API v2 as documented: https://docs.x.com/x-api/posts/create-post (POST /2/tweets, answer
     * {"data": {"id", "text"}}; no idempotency key, so all accounts share the path and the bearer token tells them
     * apart), https://docs.x.com/x-api/users/user-lookup-me (the check on connecting),
     * https://docs.x.com/x-api/users/get-posts (the look-up: the account's recent posts),
     * https://docs.x.com/x-api/fundamentals/response-codes-and-errors (Problem bodies: title, detail, type, status)
     * and https://docs.x.com/x-api/fundamentals/rate-limits (429). Entered by hand without a refresh token, so a
     * revoked token is refused outright (the refresh is XConnectorTests' concern).
     */
    final class X implements PlatformFake {

        @Override
        public String type() {
            return "X";
        }

        @Override
        public String channel() {
            return "X";
        }

        @Override
        public int port() {
            return TestEnvironment.X_FAKE_PORT;
        }

        private static String token(String prefix) {
            return "x-token-" + prefix.substring(1);
        }

        private static String userId(String prefix) {
            return prefix.substring(1);
        }

        @Override
        public Map<String, String> connect(WireMockExtension wm, String prefix) {
            wm.stubFor(get(urlPathEqualTo("/2/users/me"))
                    .withHeader("Authorization", equalTo("Bearer " + token(prefix)))
                    .willReturn(okJson("{\"data\": {\"id\": \"" + userId(prefix) + "\", \"name\": \"Politie Elsene\","
                                    + " \"username\": \"elsene_politie\"}}")
                            .withHeader("x-rate-limit-remaining", "74")));
            return Map.of("accessToken", token(prefix), "userId", userId(prefix));
        }

        @Override
        public String postPath(String prefix) {
            return "/2/tweets";
        }

        @Override
        public Map<String, StringValuePattern> postHeaders(String prefix) {
            return Map.of("Authorization", equalTo("Bearer " + token(prefix)));
        }

        @Override
        public ResponseDefinitionBuilder accepted(String id, String text) {
            return PlatformFake.json(201, "{\"data\": " + tweet(id, text) + "}");
        }

        private static String tweet(String id, String text) {
            return "{\"id\": \"" + id + "\", \"text\": " + PublishingFixtures.quote(text)
                    + ", \"edit_history_tweet_ids\": [\"" + id + "\"]}";
        }

        @Override
        public ResponseDefinitionBuilder error(int status, String message) {
            String quoted = PublishingFixtures.quote(message);
            return PlatformFake.json(
                    status,
                    "{\"title\": " + quoted + ", \"detail\": " + quoted + ", \"type\": \"about:blank\", \"status\": "
                            + status + "}");
        }

        @Override
        public ResponseDefinitionBuilder revoked() {
            return error(401, "Unauthorized");
        }

        @Override
        public String revokedWords() {
            return "Unauthorized";
        }

        @Override
        public void postExists(WireMockExtension wm, String prefix, String id, String text) {
            wm.stubFor(get(urlPathEqualTo("/2/users/" + userId(prefix) + "/tweets"))
                    .withHeader("Authorization", equalTo("Bearer " + token(prefix)))
                    .willReturn(okJson("{\"data\": [" + tweet(id, text) + "], \"meta\": {\"result_count\": 1,"
                            + " \"newest_id\": \"" + id + "\"}}")));
        }
    }

    /**
     * A Facebook Page through the Graph API as documented: https://developers.facebook.com/docs/pages-api/posts
     * (POST /{page-id}/feed, answer {"id": "{page-id}_{post-id}"}),
     * https://developers.facebook.com/docs/graph-api/reference/page/feed/ (the look-up: the Page's recent posts),
     * https://developers.facebook.com/docs/graph-api/guides/error-handling/ ({"error": {"message", "type", "code"}};
     * 190 an invalid or revoked token, 4 the app's rate limit, 2 a temporary problem) and
     * https://developers.facebook.com/docs/graph-api/overview/rate-limiting/. The Page id is the test's own.
     */
    final class Facebook implements PlatformFake {

        private static final String VERSION = "/v21.0/";

        @Override
        public String type() {
            return "FACEBOOK";
        }

        @Override
        public String channel() {
            return "FACEBOOK";
        }

        @Override
        public int port() {
            return TestEnvironment.FACEBOOK_FAKE_PORT;
        }

        private static String page(String prefix) {
            return prefix.substring(1);
        }

        @Override
        public Map<String, String> connect(WireMockExtension wm, String prefix) {
            wm.stubFor(get(urlPathEqualTo(VERSION + page(prefix)))
                    .willReturn(okJson("{\"id\": \"" + page(prefix) + "\", \"name\": \"Politie Elsene\", \"link\":"
                                    + " \"https://www.facebook.com/" + page(prefix) + "\"}")
                            .withHeader(
                                    "X-App-Usage", "{\"call_count\": 3, \"total_cputime\": 1, \"total_time\": 1}")));
            return Map.of("pageId", page(prefix), "pageAccessToken", "page-token-" + page(prefix));
        }

        @Override
        public String postPath(String prefix) {
            return VERSION + page(prefix) + "/feed";
        }

        @Override
        public ResponseDefinitionBuilder accepted(String id, String text) {
            return okJson("{\"id\": \"" + id + "\"}");
        }

        @Override
        public ResponseDefinitionBuilder error(int status, String message) {
            int code = status == 429 ? 4 : status >= 500 ? 2 : 100;
            return PlatformFake.json(
                    status,
                    "{\"error\": {\"message\": " + PublishingFixtures.quote(message) + ", \"type\": \"OAuthException\","
                            + " \"code\": " + code + ", \"is_transient\": " + (status >= 500) + ", \"fbtrace_id\":"
                            + " \"AbCdEf\"}}");
        }

        @Override
        public ResponseDefinitionBuilder revoked() {
            return PlatformFake.json(
                    400,
                    "{\"error\": {\"message\": \"Error validating access token: The user has not authorized"
                            + " application 123456.\", \"type\": \"OAuthException\", \"code\": 190, \"error_subcode\":"
                            + " 458, \"fbtrace_id\": \"AbCdEf\"}}");
        }

        @Override
        public String revokedWords() {
            return "Error validating access token: The user has not authorized application 123456.";
        }

        @Override
        public void postExists(WireMockExtension wm, String prefix, String id, String text) {
            wm.stubFor(get(urlPathEqualTo(postPath(prefix)))
                    .willReturn(okJson("{\"data\": [{\"id\": \"" + id + "\", \"message\": "
                            + PublishingFixtures.quote(text) + ", \"created_time\": \"2026-03-01T10:00:00+0000\","
                            + " \"permalink_url\": \"https://www.facebook.com/" + id + "\"}]}")));
        }
    }

    /**
     * Telegram's Bot API as documented: https://core.telegram.org/bots/api#making-requests (POST
     * /bot{token}/{method}, answers {"ok": true, "result"} or {"ok": false, "error_code", "description"}; the bot
     * token is the test's own), https://core.telegram.org/bots/api#getme (the check on connecting),
     * https://core.telegram.org/bots/api#sendmessage (answer a Message) and
     * https://core.telegram.org/bots/api#responseparameters (retry_after on 429; the suite gives the wait as
     * Retry-After, which the connector reads when the body names none). A bot cannot list a channel's
     * messages: no look-up, so a lost answer ends FAILED rather than risking a second post.
     */
    final class Telegram implements PlatformFake {

        @Override
        public String type() {
            return "TELEGRAM";
        }

        @Override
        public String channel() {
            return "TELEGRAM";
        }

        @Override
        public int port() {
            return TestEnvironment.TELEGRAM_FAKE_PORT;
        }

        @Override
        public boolean canLookUp() {
            return false;
        }

        private static String bot(String prefix) {
            return "/bot4242:" + prefix.substring(1);
        }

        @Override
        public Map<String, String> connect(WireMockExtension wm, String prefix) {
            wm.stubFor(post(urlEqualTo(bot(prefix) + "/getMe"))
                    .willReturn(okJson("{\"ok\": true, \"result\": {\"id\": 4242, \"is_bot\": true, \"first_name\":"
                            + " \"Herald\", \"username\": \"herald_elsene_bot\"}}")));
            return Map.of("chatId", "@politie_elsene", "botToken", bot(prefix).substring("/bot".length()));
        }

        @Override
        public String postPath(String prefix) {
            return bot(prefix) + "/sendMessage";
        }

        @Override
        public ResponseDefinitionBuilder accepted(String id, String text) {
            return okJson("{\"ok\": true, \"result\": {\"message_id\": " + id + ", \"chat\": {\"id\": -1001234567890,"
                    + " \"title\": \"Politie Elsene\", \"username\": \"politie_elsene\", \"type\": \"channel\"},"
                    + " \"date\": 1795914000, \"text\": " + PublishingFixtures.quote(text) + "}}");
        }

        @Override
        public ResponseDefinitionBuilder error(int status, String message) {
            return PlatformFake.json(
                    status,
                    "{\"ok\": false, \"error_code\": " + status + ", \"description\": "
                            + PublishingFixtures.quote(message) + "}");
        }

        @Override
        public ResponseDefinitionBuilder revoked() {
            return error(401, "Unauthorized");
        }

        @Override
        public String revokedWords() {
            return "Unauthorized";
        }

        @Override
        public void postExists(WireMockExtension wm, String prefix, String id, String text) {
            // nothing to look up: the Bot API cannot list a channel's messages
        }
    }
}
