package eu.herald.channels.connectors.facebook;

import static eu.herald.channels.connectors.support.PlatformResponse.number;
import static eu.herald.channels.connectors.support.PlatformResponse.text;

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
import eu.herald.channels.connectors.support.Forms;
import eu.herald.channels.connectors.support.Multipart;
import eu.herald.channels.connectors.support.PlatformHttp;
import eu.herald.channels.connectors.support.PlatformHttp.Call;
import eu.herald.channels.connectors.support.PlatformResponse;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * A Facebook Page through the Graph API (https://developers.facebook.com/docs/graph-api), version pinned in
 * {@link FacebookProperties}: text and link posts on {@code /{page-id}/feed}, one image on {@code /{page-id}/photos}
 * (caption and {@code alt_text_custom}), several images uploaded unpublished and attached to a feed post.
 *
 * <p>Reactions: the comments on the Page's recent posts, read as a nested field of {@code /{page-id}/feed}
 * ({@code comments.order(reverse_chronological)}) because the SPI gives the connector no list of Herald's post
 * ids; visitor posts and tags ({@code /{page-id}/tagged}) are not read. The cursor is the newest comment's time.
 * Search is not offered (the Graph API has no public post search). Settings: {@code pageId}. Secrets:
 * {@code pageAccessToken}.
 */
@Component
class FacebookConnector implements Connector {

    private static final Set<Long> CREDENTIAL_CODES = Set.of(190L, 102L, 463L, 467L);
    private static final Set<Long> RATE_LIMIT_CODES = Set.of(4L, 17L, 32L, 613L, 80001L);
    private static final DateTimeFormatter GRAPH_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ");

    private final FacebookProperties properties;
    private final PlatformHttp http;

    FacebookConnector(FacebookProperties properties) {
        this.properties = properties;
        this.http = new PlatformHttp("Facebook", properties.connectTimeout(), properties.readTimeout());
    }

    @Override
    public ChannelType type() {
        return ChannelType.FACEBOOK;
    }

    @Override
    public Published publish(ConnectedAccount account, Post post) {
        String pageId = account.setting("pageId");
        String token = account.secret("pageAccessToken");
        for (Post.Attachment attachment : post.media()) {
            if (!attachment.contentType().startsWith("image/")) {
                throw new ConnectorException.Permanent(
                        "Herald posts images to Facebook, not videos or other files (" + attachment.fileName() + ")",
                        false,
                        null);
            }
        }
        if (post.media().size() == 1) {
            Post.Attachment image = post.media().getFirst();
            Multipart form = photo(image, token).field("message", post.text()).field("published", "true");
            JsonNode answer = ok(http.send(multipart(graph("/" + pageId + "/photos", Map.of()), form), Call.WRITE))
                    .json();
            String postId = text(answer, "post_id");
            return published(postId != null ? postId : required(answer, "id"));
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("message", post.text());
        if (post.media().isEmpty() && post.link() != null) {
            fields.put("link", post.link());
        }
        for (int i = 0; i < post.media().size(); i++) {
            Multipart form = photo(post.media().get(i), token).field("published", "false");
            // An unpublished photo that no post uses stays invisible: uploading it again on a retry is harmless.
            JsonNode answer = ok(http.send(multipart(graph("/" + pageId + "/photos", Map.of()), form), Call.READ))
                    .json();
            fields.put("attached_media[" + i + "]", "{\"media_fbid\":\"" + required(answer, "id") + "\"}");
        }
        fields.put("access_token", token);
        JsonNode answer = ok(http.send(form(graph("/" + pageId + "/feed", Map.of()), fields), Call.WRITE))
                .json();
        return published(required(answer, "id"));
    }

    /** Among the Page's 25 most recent posts, the one whose message is the post's text. */
    @Override
    public Optional<Published> find(ConnectedAccount account, Post post) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("fields", "id,message,created_time,permalink_url");
        query.put("limit", "25");
        query.put("access_token", account.secret("pageAccessToken"));
        JsonNode feed = ok(http.send(
                        HttpRequest.newBuilder(graph("/" + account.setting("pageId") + "/feed", query))
                                .GET(),
                        Call.READ))
                .json();
        String wanted = post.text().strip();
        for (JsonNode item : feed.path("data")) {
            String message = text(item, "message");
            String id = text(item, "id");
            if (id != null && message != null && message.strip().equals(wanted)) {
                String permalink = text(item, "permalink_url");
                return Optional.of(new Published(id, permalink != null ? permalink : url(id)));
            }
        }
        return Optional.empty();
    }

    @Override
    public void remove(ConnectedAccount account, String externalId) {
        Map<String, String> query = Map.of("access_token", account.secret("pageAccessToken"));
        ok(http.send(
                HttpRequest.newBuilder(graph("/" + Forms.enc(externalId), query))
                        .DELETE(),
                Call.WRITE));
    }

    @Override
    public ReactionPage reactions(ConnectedAccount account, @Nullable String cursor) {
        Instant since = cursor == null ? null : Instant.parse(cursor);
        Map<String, String> query = new LinkedHashMap<>();
        query.put(
                "fields",
                "id,comments.order(reverse_chronological).limit(50){id,message,created_time,from,parent{id},"
                        + "permalink_url}");
        query.put("limit", "10");
        query.put("access_token", account.secret("pageAccessToken"));
        JsonNode feed = ok(http.send(
                        HttpRequest.newBuilder(graph("/" + account.setting("pageId") + "/feed", query))
                                .GET(),
                        Call.READ))
                .json();
        List<Reaction> reactions = new ArrayList<>();
        Instant newest = since;
        for (JsonNode post : feed.path("data")) {
            String postId = text(post, "id");
            for (JsonNode comment : post.path("comments").path("data")) {
                Instant at = graphTime(text(comment, "created_time"));
                String id = text(comment, "id");
                if (id == null || (since != null && !at.isAfter(since))) {
                    continue;
                }
                if (newest == null || at.isAfter(newest)) {
                    newest = at;
                }
                String parent = text(comment.path("parent"), "id");
                String author = text(comment.path("from"), "name");
                String message = text(comment, "message");
                reactions.add(new Reaction(
                        account.account().id(),
                        id,
                        parent != null ? Reaction.Kind.REPLY : Reaction.Kind.COMMENT,
                        parent != null ? parent : postId,
                        author == null ? "" : author,
                        message == null ? "" : message,
                        at,
                        text(comment, "permalink_url")));
            }
        }
        return new ReactionPage(reactions, newest == null ? cursor : newest.toString());
    }

    @Override
    public Published reply(ConnectedAccount account, Reaction inReplyTo, String text, String idempotencyKey) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("message", text);
        fields.put("access_token", account.secret("pageAccessToken"));
        JsonNode answer = ok(http.send(
                        form(graph("/" + Forms.enc(inReplyTo.externalId()) + "/comments", Map.of()), fields),
                        Call.WRITE))
                .json();
        return published(required(answer, "id"));
    }

    /** Hides a comment on the Page's posts: it stays visible to its author and friends only. */
    @Override
    public boolean hide(ConnectedAccount account, String reactionExternalId) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("is_hidden", "true");
        fields.put("access_token", account.secret("pageAccessToken"));
        JsonNode answer = ok(http.send(form(graph("/" + Forms.enc(reactionExternalId), Map.of()), fields), Call.WRITE))
                .json();
        return answer.path("success").asBoolean(false);
    }

    @Override
    public List<Reaction> search(ConnectedAccount account, String query) {
        throw new UnsupportedOperationException("The Graph API offers no search of public Facebook posts");
    }

    @Override
    public PostMetrics metrics(ConnectedAccount account, String externalId) {
        String token = account.secret("pageAccessToken");
        Map<String, String> query = new LinkedHashMap<>();
        query.put("fields", "reactions.summary(total_count).limit(0),comments.summary(total_count).limit(0),shares");
        query.put("access_token", token);
        JsonNode counts = ok(http.send(
                        HttpRequest.newBuilder(graph("/" + Forms.enc(externalId), query))
                                .GET(),
                        Call.READ))
                .json();
        Map<String, String> insightsQuery = new LinkedHashMap<>();
        insightsQuery.put("metric", "post_impressions,post_clicks");
        insightsQuery.put("access_token", token);
        JsonNode insights = ok(http.send(
                        HttpRequest.newBuilder(graph("/" + Forms.enc(externalId) + "/insights", insightsQuery))
                                .GET(),
                        Call.READ))
                .json();
        Long impressions = null;
        Long clicks = null;
        for (JsonNode metric : insights.path("data")) {
            Long value = number(metric.path("values").path(0), "value");
            if ("post_impressions".equals(text(metric, "name"))) {
                impressions = value;
            } else if ("post_clicks".equals(text(metric, "name"))) {
                clicks = value;
            }
        }
        return new PostMetrics(
                externalId,
                Instant.now(),
                impressions,
                number(counts.path("reactions").path("summary"), "total_count"),
                number(counts.path("shares"), "count"),
                number(counts.path("comments").path("summary"), "total_count"),
                clicks);
    }

    /**
     * The Page's name and link; the rate-limit state is the Page's remaining share of its budget in percent (100 less
     * the highest figure of {@code X-App-Usage}).
     */
    @Override
    public Health check(ConnectedAccount account) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("fields", "id,name,link");
        query.put("access_token", account.secret("pageAccessToken"));
        PlatformResponse response = ok(http.send(
                HttpRequest.newBuilder(graph("/" + account.setting("pageId"), query))
                        .GET(),
                Call.READ));
        JsonNode page = response.json();
        Long used = highestUsage(response.header("X-App-Usage"));
        return new Health(
                text(page, "name"), text(page, "link"), null, used == null ? null : Math.max(0, 100 - used), null);
    }

    private Published published(String id) {
        return new Published(id, url(id));
    }

    private String url(String postId) {
        return properties.webUrl() + "/" + postId;
    }

    private static Multipart photo(Post.Attachment image, String token) {
        return new Multipart()
                .field("access_token", token)
                .file("source", image.fileName(), image.contentType(), image.content())
                .field("alt_text_custom", image.altText());
    }

    private URI graph(String path, Map<String, String> query) {
        return Forms.url(properties.apiUrl(), "/" + properties.version() + path, query);
    }

    private static HttpRequest.Builder form(URI uri, Map<String, String> fields) {
        return HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(Forms.encode(fields)));
    }

    private static HttpRequest.Builder multipart(URI uri, Multipart form) {
        return HttpRequest.newBuilder(uri)
                .header("Content-Type", form.contentType())
                .POST(form.publisher());
    }

    private static String required(JsonNode answer, String field) {
        String value = text(answer, field);
        if (value == null) {
            throw new ConnectorException.UnknownOutcome("Facebook answered without the field " + field, null);
        }
        return value;
    }

    private static Instant graphTime(@Nullable String value) {
        if (value == null) {
            return Instant.EPOCH;
        }
        try {
            return OffsetDateTime.parse(value, GRAPH_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return OffsetDateTime.parse(value).toInstant();
        }
    }

    private static PlatformResponse ok(PlatformResponse response) {
        // The Graph API may answer 200 with an error object (batch and some legacy paths): check both.
        if (!response.ok() || response.jsonOrEmpty().path("error").isObject()) {
            throw error(response);
        }
        return response;
    }

    /** {"error": {"message", "type", "code", "error_subcode", "fbtrace_id"}} by its code. */
    static ConnectorException error(PlatformResponse response) {
        JsonNode error = response.jsonOrEmpty().path("error");
        String message = text(error, "message");
        String explanation = message != null ? message : response.bodyExcerpt();
        Long code = number(error, "code");
        if (code != null && RATE_LIMIT_CODES.contains(code)) {
            return new ConnectorException.Transient(explanation, rateLimitWait(response), null);
        }
        if (response.status() >= 500
                || error.path("is_transient").asBoolean(false)
                || (code != null && (code == 1 || code == 2))) {
            return new ConnectorException.Transient(explanation, response.retryAfter(Instant.now()), null);
        }
        if (response.status() == 429) {
            return new ConnectorException.Transient(explanation, rateLimitWait(response), null);
        }
        boolean credentials = code != null && CREDENTIAL_CODES.contains(code);
        return new ConnectorException.Permanent(explanation, credentials, null);
    }

    /**
     * The wait Facebook announces: {@code estimated_time_to_regain_access} (minutes) in
     * {@code X-Business-Use-Case-Usage}; otherwise a full hour (the window of the app's limit) when
     * {@code X-App-Usage} is at 100 %, or the Retry-After header if any.
     */
    static @Nullable Duration rateLimitWait(PlatformResponse response) {
        String business = response.header("X-Business-Use-Case-Usage");
        if (business != null) {
            try {
                long minutes = 0;
                for (JsonNode entries :
                        PlatformResponse.mapper().readTree(business).values()) {
                    for (JsonNode entry : entries) {
                        minutes = Math.max(
                                minutes,
                                entry.path("estimated_time_to_regain_access").asLong(0));
                    }
                }
                if (minutes > 0) {
                    return Duration.ofMinutes(minutes);
                }
            } catch (JacksonException e) {
                // an unreadable header gives no wait; fall through to the others
            }
        }
        Long used = highestUsage(response.header("X-App-Usage"));
        if (used != null && used >= 100) {
            return Duration.ofHours(1);
        }
        return response.retryAfter(Instant.now());
    }

    private static @Nullable Long highestUsage(@Nullable String header) {
        if (header == null) {
            return null;
        }
        try {
            long highest = 0;
            for (JsonNode value : PlatformResponse.mapper().readTree(header).values()) {
                highest = Math.max(highest, value.asLong(0));
            }
            return highest;
        } catch (JacksonException e) {
            return null;
        }
    }
}
