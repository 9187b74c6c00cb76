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
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A platform faked with WireMock, one account per test under a path of its own (so request counts are per test):
 * what creating the account needs, the post endpoint answering a scripted sequence, and the look-up after an
 * unknown outcome. One implementation per connector; BLUESKY, X, FACEBOOK, YOUTUBE and TELEGRAM join by adding theirs
 * once their connectors are merged.
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

    /** Posts as the platform counts them (a receiver deduplicating on the idempotency key counts one per key). */
    long posts(WireMockExtension wm, String prefix);

    /** Scripts the post endpoint: each answer once, in order; the last one stays. */
    default void answers(WireMockExtension wm, String prefix, List<ResponseDefinitionBuilder> answers) {
        String scenario = "posts " + prefix;
        for (int i = 0; i < answers.size(); i++) {
            String state = i == 0 ? Scenario.STARTED : "answer " + i;
            var stub = post(urlEqualTo(postPath(prefix)))
                    .inScenario(scenario)
                    .whenScenarioStateIs(state)
                    .willReturn(answers.get(i));
            if (i + 1 < answers.size()) {
                stub.willSetStateTo("answer " + (i + 1));
            }
            wm.stubFor(stub);
        }
    }

    default List<LoggedRequest> postRequests(WireMockExtension wm, String prefix) {
        return wm.findAll(postRequestedFor(urlEqualTo(postPath(prefix))));
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

        @Override
        public long posts(WireMockExtension wm, String prefix) {
            // A post exists for each POST the fake answered with a status (2xx), whatever reached Herald of it.
            return postRequests(wm, prefix).size()
                    - wm.getAllServeEvents().stream()
                            .filter(e -> e.getRequest().getUrl().equals(postPath(prefix)))
                            .filter(e -> e.getResponse().getStatus() >= 300)
                            .count();
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

        @Override
        public long posts(WireMockExtension wm, String prefix) {
            return wm.getAllServeEvents().stream()
                    .filter(e -> e.getRequest().getUrl().equals(postPath(prefix)))
                    .filter(e -> e.getResponse().getStatus() < 300)
                    .count();
        }
    }
}
