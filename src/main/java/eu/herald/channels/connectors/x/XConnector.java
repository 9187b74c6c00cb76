package eu.herald.channels.connectors.x;

import static eu.herald.channels.connectors.support.PlatformResponse.number;
import static eu.herald.channels.connectors.support.PlatformResponse.text;

import com.twitter.twittertext.TwitterTextParser;
import eu.herald.channels.ChannelType;
import eu.herald.channels.ConnectorException;
import eu.herald.channels.Post;
import eu.herald.channels.PostMetrics;
import eu.herald.channels.Published;
import eu.herald.channels.Reaction;
import eu.herald.channels.ReactionPage;
import eu.herald.channels.connectors.ConnectedAccount;
import eu.herald.channels.connectors.Connector;
import eu.herald.channels.connectors.Health;
import eu.herald.channels.connectors.RateLimitObserver;
import eu.herald.channels.connectors.Setting;
import eu.herald.channels.connectors.support.Forms;
import eu.herald.channels.connectors.support.OAuth2Client;
import eu.herald.channels.connectors.support.OAuthSession;
import eu.herald.channels.connectors.support.PlatformHttp;
import eu.herald.channels.connectors.support.PlatformHttp.Call;
import eu.herald.channels.connectors.support.PlatformResponse;
import eu.herald.channels.connectors.support.RateLimitHeaders;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * X over API v2 (https://docs.x.com/x-api) with OAuth 2.0 user-context tokens: posts ({@code POST /2/tweets}) with
 * images uploaded through {@code POST /2/media/upload} and alt text through {@code POST /2/media/metadata}; a 401
 * refreshes the token once ({@code POST /2/oauth2/token}, refresh tokens rotate) and stores both new tokens.
 *
 * <p>X takes no idempotency key. {@link #find} reads the account's recent posts ({@code GET /2/users/:id/tweets})
 * and matches the text with every link taken out (X rewrites links to t.co); X itself refuses a second post with
 * the same text ("duplicate content"), which guards the rest. Settings: {@code clientId}, optional {@code userId}.
 * Secrets: {@code accessToken}, {@code refreshToken}, optional {@code clientSecret} (confidential clients).
 */
@Component
class XConnector implements Connector {

    static final int MAX_WEIGHTED_LENGTH = 280;
    private static final String TWEET_FIELDS = "created_at,author_id,conversation_id,referenced_tweets";

    private final XProperties properties;
    private final OAuthSession.Platform x;
    private final RateLimitObserver rateLimits;

    XConnector(XProperties properties, RateLimitObserver rateLimits) {
        this.properties = properties;
        this.rateLimits = rateLimits;
        this.x = new OAuthSession.Platform(
                new PlatformHttp("X", properties.connectTimeout(), properties.readTimeout()),
                properties.tokenUrl(),
                OAuth2Client.ClientAuthentication.BASIC,
                properties.clientId(),
                properties.clientSecret());
    }

    @Override
    public ChannelType type() {
        return ChannelType.X;
    }

    /** Normally filled in by the OAuth connect flow; entered by hand, the client is Herald's configured one. */
    @Override
    public List<Setting> settings() {
        List<Setting> settings = new ArrayList<>(OAuthSession.SETTINGS);
        settings.add(new Setting("userId", Setting.Kind.TEXT, false, false));
        return List.copyOf(settings);
    }

    private OAuthSession session(ConnectedAccount account) {
        return x.open(
                account,
                response -> RateLimitHeaders.X_RATE_LIMIT.report(
                        rateLimits, account.account().id(), response));
    }

    @Override
    public Published publish(ConnectedAccount account, Post post) {
        refuseTooLong(post.text());
        OAuthSession session = session(account);
        ObjectNode body = PlatformResponse.mapper().createObjectNode().put("text", post.text());
        if (!post.media().isEmpty()) {
            if (post.media().size() > 4) {
                throw new ConnectorException.Permanent("A post on X can carry at most 4 images", false, null);
            }
            var ids = body.putObject("media").putArray("media_ids");
            for (Post.Attachment attachment : post.media()) {
                ids.add(upload(session, attachment));
            }
        }
        return create(session, body);
    }

    @Override
    public Optional<Published> find(ConnectedAccount account, Post post) {
        OAuthSession session = session(account);
        String userId = userId(account, session);
        Map<String, String> query = new LinkedHashMap<>();
        query.put("max_results", "20");
        query.put("tweet.fields", "created_at,text");
        JsonNode body = ok(session.send(token -> get("/2/users/" + userId + "/tweets", query, token), Call.READ))
                .json();
        String wanted = withoutLinks(post.text());
        for (JsonNode tweet : body.path("data")) {
            String text = text(tweet, "text");
            if (text != null && withoutLinks(text).equals(wanted)) {
                String id = text(tweet, "id");
                if (id != null) {
                    return Optional.of(new Published(id, tweetUrl(id)));
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public void remove(ConnectedAccount account, String externalId) {
        OAuthSession session = session(account);
        ok(session.send(
                token -> HttpRequest.newBuilder(api("/2/tweets/" + Forms.enc(externalId), Map.of()))
                        .header("Authorization", "Bearer " + token)
                        .DELETE(),
                Call.WRITE));
    }

    @Override
    public ReactionPage reactions(ConnectedAccount account, @Nullable String cursor) {
        OAuthSession session = session(account);
        String userId = userId(account, session);
        Map<String, String> query = new LinkedHashMap<>();
        query.put("max_results", "100");
        query.put("tweet.fields", TWEET_FIELDS);
        query.put("expansions", "author_id");
        query.put("user.fields", "username");
        if (cursor != null) {
            query.put("since_id", cursor);
        }
        JsonNode body = ok(session.send(token -> get("/2/users/" + userId + "/mentions", query, token), Call.READ))
                .json();
        List<Reaction> reactions = tweets(account, body, null);
        String newest = text(body.path("meta"), "newest_id");
        return new ReactionPage(reactions, newest != null ? newest : cursor);
    }

    @Override
    public Published reply(ConnectedAccount account, Reaction inReplyTo, String text, String idempotencyKey) {
        refuseTooLong(text);
        OAuthSession session = session(account);
        ObjectNode body = PlatformResponse.mapper().createObjectNode().put("text", text);
        body.putObject("reply").put("in_reply_to_tweet_id", inReplyTo.externalId());
        return create(session, body);
    }

    /** Hides a reply to one of the account's own posts ({@code PUT /2/tweets/:id/hidden}). */
    @Override
    public boolean hide(ConnectedAccount account, String reactionExternalId) {
        OAuthSession session = session(account);
        String body = "{\"hidden\":true}";
        JsonNode answer = ok(session.send(
                        token -> HttpRequest.newBuilder(
                                        api("/2/tweets/" + Forms.enc(reactionExternalId) + "/hidden", Map.of()))
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/json")
                                .PUT(HttpRequest.BodyPublishers.ofString(body)),
                        Call.WRITE))
                .json();
        return answer.path("data").path("hidden").asBoolean(false);
    }

    @Override
    public List<Reaction> search(ConnectedAccount account, String query) {
        OAuthSession session = session(account);
        Map<String, String> params = new LinkedHashMap<>();
        params.put("query", query);
        params.put("max_results", "25");
        params.put("tweet.fields", TWEET_FIELDS);
        params.put("expansions", "author_id");
        params.put("user.fields", "username");
        JsonNode body = ok(session.send(token -> get("/2/tweets/search/recent", params, token), Call.READ))
                .json();
        return tweets(account, body, Reaction.Kind.MENTION);
    }

    @Override
    public PostMetrics metrics(ConnectedAccount account, String externalId) {
        OAuthSession session = session(account);
        JsonNode body = ok(session.send(
                        token -> get(
                                "/2/tweets/" + Forms.enc(externalId), Map.of("tweet.fields", "public_metrics"), token),
                        Call.READ))
                .json();
        JsonNode metrics = body.path("data").path("public_metrics");
        if (!metrics.isObject()) {
            throw new ConnectorException.Permanent(
                    explanation(body, "X gave no metrics for " + externalId), false, null);
        }
        Long retweets = number(metrics, "retweet_count");
        Long quotes = number(metrics, "quote_count");
        Long shares = retweets == null && quotes == null
                ? null
                : (retweets == null ? 0 : retweets) + (quotes == null ? 0 : quotes);
        return new PostMetrics(
                externalId,
                Instant.now(),
                number(metrics, "impression_count"),
                number(metrics, "like_count"),
                shares,
                number(metrics, "reply_count"),
                null);
    }

    @Override
    public Health check(ConnectedAccount account) {
        OAuthSession session = session(account);
        PlatformResponse response = ok(session.send(token -> get("/2/users/me", Map.of(), token), Call.READ));
        String username = text(response.json().path("data"), "username");
        return new Health(
                username == null ? null : "@" + username,
                username == null ? null : properties.webUrl() + "/" + username,
                null,
                RateLimitHeaders.X_RATE_LIMIT.remaining(response),
                RateLimitHeaders.X_RATE_LIMIT.reset(response));
    }

    static int weightedLength(String text) {
        return TwitterTextParser.parseTweet(text).weightedLength;
    }

    private static void refuseTooLong(String text) {
        int length = weightedLength(text);
        if (length > MAX_WEIGHTED_LENGTH) {
            throw new ConnectorException.Permanent(
                    "The text weighs " + length + " characters as X counts them; X allows " + MAX_WEIGHTED_LENGTH,
                    false,
                    null);
        }
    }

    private Published create(OAuthSession session, ObjectNode body) {
        PlatformResponse response = ok(session.send(
                token -> HttpRequest.newBuilder(api("/2/tweets", Map.of()))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString())),
                Call.WRITE));
        String id = text(response.json().path("data"), "id");
        if (id == null) {
            throw new ConnectorException.UnknownOutcome(
                    "X answered " + response.status() + " without the post's id", null);
        }
        return new Published(id, tweetUrl(id));
    }

    private String upload(OAuthSession session, Post.Attachment attachment) {
        if (!attachment.contentType().startsWith("image/")) {
            throw new ConnectorException.Permanent(
                    "Herald posts images to X, not videos or other files (" + attachment.fileName() + ")", false, null);
        }
        ObjectNode upload = PlatformResponse.mapper().createObjectNode();
        upload.put("media", Base64.getEncoder().encodeToString(attachment.content()))
                .put("media_category", attachment.contentType().equals("image/gif") ? "tweet_gif" : "tweet_image")
                .put("media_type", attachment.contentType());
        JsonNode uploaded = ok(session.send(
                        token -> HttpRequest.newBuilder(api("/2/media/upload", Map.of()))
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(upload.toString())),
                        Call.READ)) // an unused upload expires on its own: no post can come of it
                .json();
        String mediaId = text(uploaded.path("data"), "id");
        if (mediaId == null) {
            throw new ConnectorException.Transient("X answered the image upload without a media id", null, null);
        }
        ObjectNode metadata = PlatformResponse.mapper().createObjectNode().put("id", mediaId);
        metadata.putObject("metadata").putObject("alt_text").put("text", attachment.altText());
        ok(session.send(
                token -> HttpRequest.newBuilder(api("/2/media/metadata", Map.of()))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(metadata.toString())),
                Call.READ));
        return mediaId;
    }

    private List<Reaction> tweets(ConnectedAccount account, JsonNode body, Reaction.@Nullable Kind kind) {
        Map<String, String> usernames = new HashMap<>();
        for (JsonNode user : body.path("includes").path("users")) {
            String id = text(user, "id");
            String username = text(user, "username");
            if (id != null && username != null) {
                usernames.put(id, username);
            }
        }
        List<Reaction> reactions = new ArrayList<>();
        for (JsonNode tweet : body.path("data")) {
            String id = text(tweet, "id");
            if (id == null) {
                continue;
            }
            String repliedTo = StreamSupport.stream(
                            tweet.path("referenced_tweets").spliterator(), false)
                    .filter(ref -> "replied_to".equals(text(ref, "type")))
                    .map(ref -> text(ref, "id"))
                    .findFirst()
                    .orElse(null);
            String author = usernames.getOrDefault(text(tweet, "author_id"), "");
            String created = text(tweet, "created_at");
            String text = text(tweet, "text");
            reactions.add(new Reaction(
                    account.account().id(),
                    id,
                    kind != null ? kind : repliedTo != null ? Reaction.Kind.REPLY : Reaction.Kind.MENTION,
                    repliedTo,
                    author.isEmpty() ? author : "@" + author,
                    text == null ? "" : text,
                    created == null ? Instant.now() : Instant.parse(created),
                    author.isEmpty() ? tweetUrl(id) : properties.webUrl() + "/" + author + "/status/" + id));
        }
        return reactions;
    }

    private String userId(ConnectedAccount account, OAuthSession session) {
        String configured = account.settings().get("userId");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        String id = text(
                ok(session.send(token -> get("/2/users/me", Map.of(), token), Call.READ))
                        .json()
                        .path("data"),
                "id");
        if (id == null) {
            throw new ConnectorException.Transient("X did not say which user the token belongs to", null, null);
        }
        return id;
    }

    private String tweetUrl(String id) {
        return properties.webUrl() + "/i/web/status/" + id;
    }

    /** The text as X shows it, less links (X rewrites them to t.co) and the HTML escapes X adds to &, < and >. */
    static String withoutLinks(String text) {
        return text.replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&")
                .replaceAll("https?://\\S+", "")
                .replaceAll("\\s+", " ")
                .strip();
    }

    private URI api(String path, Map<String, String> query) {
        return Forms.url(properties.apiUrl(), path, query);
    }

    private HttpRequest.Builder get(String path, Map<String, String> query, String token) {
        return HttpRequest.newBuilder(api(path, query))
                .header("Authorization", "Bearer " + token)
                .GET();
    }

    private PlatformResponse ok(PlatformResponse response) {
        if (!response.ok()) {
            throw error(response);
        }
        return response;
    }

    /** X's errors: a Problem ({@code title}, {@code detail}, {@code type}, {@code status}) or {@code errors[]}. */
    static ConnectorException error(PlatformResponse response) {
        JsonNode body = response.jsonOrEmpty();
        String explanation = explanation(body, response.bodyExcerpt());
        int status = response.status();
        if (status == 429 || status >= 500) {
            Duration wait = response.retryAfter(Instant.now());
            if (wait == null) {
                wait = RateLimitHeaders.X_RATE_LIMIT.untilReset(response, Instant.now());
            }
            return new ConnectorException.Transient(explanation, wait, null);
        }
        return new ConnectorException.Permanent(explanation, status == 401, null);
    }

    private static String explanation(JsonNode body, String fallback) {
        String messages = StreamSupport.stream(body.path("errors").spliterator(), false)
                .map(e -> Optional.ofNullable(text(e, "message")).orElse(text(e, "detail")))
                .filter(m -> m != null && !m.isBlank())
                .collect(Collectors.joining("; "));
        String detail = text(body, "detail");
        if (!messages.isEmpty()) {
            return detail != null && !messages.contains(detail) ? detail + " " + messages : messages;
        }
        if (detail != null) {
            return detail;
        }
        String title = text(body, "title");
        return title != null ? title : fallback;
    }
}
