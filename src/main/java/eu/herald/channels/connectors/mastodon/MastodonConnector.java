package eu.herald.channels.connectors.mastodon;

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
import eu.herald.channels.connectors.support.Multipart;
import eu.herald.channels.connectors.support.PlatformHttp;
import eu.herald.channels.connectors.support.PlatformHttp.Call;
import eu.herald.channels.connectors.support.PlatformResponse;
import eu.herald.channels.connectors.support.RateLimitHeaders;
import eu.herald.channels.domain.ChannelsProperties;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Mastodon's REST API (https://docs.joinmastodon.org/methods/statuses/, /methods/media/, /methods/notifications/,
 * /methods/search/, /methods/accounts/): an instance URL and an access token with the scopes {@code read write}.
 *
 * <ul>
 *   <li>Posts: {@code POST /api/v1/statuses} with {@code Authorization: Bearer} and {@code Idempotency-Key} (Mastodon
 *       answers a repeated key within an hour with the first post instead of a new one).
 *   <li>Media: {@code POST /api/v2/media} (multipart {@code file} and {@code description} = the alt text); a 202 means
 *       still processing: {@code GET /api/v1/media/:id} is polled until it answers 200.
 *   <li>Finding a post after an unknown outcome: the account's recent statuses ({@code verify_credentials}, then
 *       {@code /api/v1/accounts/:id/statuses}) compared by text — Mastodon keeps no idempotency key on a status, and
 *       its deduplication lasts an hour.
 *   <li>Reactions: {@code GET /api/v1/notifications?types[]=mention} read forward from the cursor with {@code min_id}
 *       (the notification id), so a burst of more than one page is read page by page and none is skipped.
 *   <li>Errors {@code {"error": "..."}}: 401 → credentials rejected; 422 and other 4xx → permanent with Mastodon's
 *       text; 429 and 5xx → transient with {@code Retry-After} or {@code X-RateLimit-Reset}.
 * </ul>
 */
@Component
public class MastodonConnector implements Connector {

    private static final int PAGE = 40;
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private final JsonMapper json;
    private final PlatformHttp http;
    private final RateLimitObserver rateLimits;
    private final Duration mediaProcessingWait;
    private final Duration pollInterval;
    private final Clock clock;

    @Autowired
    MastodonConnector(JsonMapper json, ChannelsProperties properties, RateLimitObserver rateLimits) {
        this(
                json,
                new PlatformHttp("Mastodon", properties.connectTimeout(), properties.requestTimeout()),
                rateLimits,
                properties.mediaProcessingWait(),
                Duration.ofSeconds(1),
                Clock.systemUTC());
    }

    public MastodonConnector(
            JsonMapper json,
            PlatformHttp http,
            RateLimitObserver rateLimits,
            Duration mediaProcessingWait,
            Duration pollInterval,
            Clock clock) {
        this.json = json;
        this.http = http;
        this.rateLimits = rateLimits;
        this.mediaProcessingWait = mediaProcessingWait;
        this.pollInterval = pollInterval;
        this.clock = clock;
    }

    @Override
    public ChannelType type() {
        return ChannelType.MASTODON;
    }

    @Override
    public Published publish(ConnectedAccount account, Post post) {
        List<String> mediaIds = new ArrayList<>();
        for (Post.Attachment attachment : post.media()) {
            if (attachment.content().length > 0) {
                mediaIds.add(upload(account, attachment));
            }
        }
        ObjectNode body = json.createObjectNode();
        body.put("status", post.text());
        body.put("language", post.language().code());
        body.put("visibility", "public");
        ArrayNode media = body.putArray("media_ids");
        mediaIds.forEach(media::add);
        return status(account, body, post.idempotencyKey());
    }

    @Override
    public Optional<Published> find(ConnectedAccount account, Post post) {
        String accountId = text(read(account, "/api/v1/accounts/verify_credentials"), "id");
        JsonNode statuses = read(account, "/api/v1/accounts/" + encode(accountId) + "/statuses?limit=" + PAGE);
        String wanted = normalise(post.text());
        for (JsonNode status : statuses) {
            if (normalise(plain(status.path("content").asString(""))).equals(wanted)) {
                return Optional.of(
                        new Published(text(status, "id"), status.path("url").asString(null)));
            }
        }
        return Optional.empty();
    }

    @Override
    public void remove(ConnectedAccount account, String externalId) {
        PlatformResponse answer = http.send(
                request(account, "/api/v1/statuses/" + encode(externalId)).DELETE(), Call.WRITE);
        observe(account, answer);
        if (answer.status() == 404) {
            return; // already gone
        }
        if (!answer.ok()) {
            throw http.failure(answer, error(answer));
        }
    }

    @Override
    public ReactionPage reactions(ConnectedAccount account, @Nullable String cursor) {
        String path = "/api/v1/notifications?types%5B%5D=mention&limit=" + PAGE
                + (cursor == null ? "" : "&min_id=" + encode(cursor));
        JsonNode notifications = read(account, path);
        List<Reaction> reactions = new ArrayList<>();
        String newest = cursor;
        for (JsonNode notification : notifications) {
            String id = text(notification, "id");
            if (newest == null || newerThan(id, newest)) {
                newest = id;
            }
            JsonNode status = notification.path("status");
            if (!"mention".equals(notification.path("type").asString(""))
                    || status.isMissingNode()
                    || status.isNull()) {
                continue;
            }
            reactions.add(reaction(account, status));
        }
        reactions.sort((a, b) -> a.at().compareTo(b.at()));
        return new ReactionPage(reactions, newest);
    }

    @Override
    public Published reply(ConnectedAccount account, Reaction inReplyTo, String text, String idempotencyKey) {
        String mention = "@" + inReplyTo.authorHandle();
        ObjectNode body = json.createObjectNode();
        body.put(
                "status",
                text.toLowerCase(Locale.ROOT).contains(mention.toLowerCase(Locale.ROOT)) ? text : mention + " " + text);
        body.put("in_reply_to_id", inReplyTo.externalId());
        body.put("visibility", inReplyTo.kind() == Reaction.Kind.DIRECT_MESSAGE ? "direct" : "public");
        return status(account, body, idempotencyKey);
    }

    /** Mastodon lets an account delete its own posts, not hide someone else's reply. */
    @Override
    public boolean hide(ConnectedAccount account, String reactionExternalId) {
        return false;
    }

    @Override
    public List<Reaction> search(ConnectedAccount account, String query) {
        String q = query.strip();
        JsonNode statuses;
        if (q.startsWith("#") && q.length() > 1 && !q.contains(" ")) {
            statuses = read(account, "/api/v1/timelines/tag/" + encode(q.substring(1)) + "?limit=" + PAGE);
        } else {
            statuses = read(account, "/api/v2/search?type=statuses&limit=" + PAGE + "&q=" + encode(q))
                    .path("statuses");
        }
        List<Reaction> found = new ArrayList<>();
        for (JsonNode status : statuses) {
            found.add(reaction(account, status));
        }
        found.sort((a, b) -> b.at().compareTo(a.at()));
        return found;
    }

    @Override
    public PostMetrics metrics(ConnectedAccount account, String externalId) {
        JsonNode status = read(account, "/api/v1/statuses/" + encode(externalId));
        return new PostMetrics(
                externalId,
                clock.instant(),
                null,
                count(status, "favourites_count"),
                count(status, "reblogs_count"),
                count(status, "replies_count"),
                null);
    }

    @Override
    public Health check(ConnectedAccount account) {
        PlatformResponse answer = get(account, "/api/v1/accounts/verify_credentials");
        JsonNode me = parse(answer, false);
        String host = URI.create(base(account)).getHost();
        return new Health(
                "@" + text(me, "acct") + (text(me, "acct").contains("@") ? "" : "@" + host),
                me.path("url").asString(null),
                null,
                RateLimitHeaders.X_RATE_LIMIT.remaining(answer),
                RateLimitHeaders.X_RATE_LIMIT.reset(answer));
    }

    private Published status(ConnectedAccount account, ObjectNode body, String idempotencyKey) {
        PlatformResponse answer = http.send(
                request(account, "/api/v1/statuses")
                        .header("Content-Type", "application/json")
                        .header("Idempotency-Key", idempotencyKey)
                        .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))),
                Call.WRITE);
        observe(account, answer);
        if (!answer.ok()) {
            throw http.failure(answer, error(answer));
        }
        JsonNode status = parse(answer, true);
        String id = status.path("id").asString("");
        if (id.isBlank()) {
            throw new ConnectorException.UnknownOutcome("Mastodon's answer has no status id", null);
        }
        return new Published(id, status.path("url").asString(null));
    }

    private String upload(ConnectedAccount account, Post.Attachment attachment) {
        Multipart body = new Multipart()
                .field("description", attachment.altText())
                .file("file", attachment.fileName(), attachment.contentType(), attachment.content());
        // An upload whose answer is lost leaves at most an unattached file on the instance: safe to retry.
        PlatformResponse answer = http.send(
                request(account, "/api/v2/media")
                        .header("Content-Type", body.contentType())
                        .POST(body.publisher()),
                Call.READ);
        observe(account, answer);
        if (!answer.ok()) {
            throw http.failure(answer, error(answer));
        }
        JsonNode media = parse(answer, false);
        String id = text(media, "id");
        if (answer.status() == 202) {
            awaitProcessing(account, id);
        }
        return id;
    }

    /** {@code GET /api/v1/media/:id} answers 206 while processing and 200 once done. */
    private void awaitProcessing(ConnectedAccount account, String id) {
        Instant deadline = clock.instant().plus(mediaProcessingWait);
        while (true) {
            PlatformResponse answer = get(account, "/api/v1/media/" + encode(id));
            if (answer.status() == 200) {
                return;
            }
            if (answer.status() != 206) {
                throw http.failure(answer, error(answer));
            }
            if (clock.instant().isAfter(deadline)) {
                throw new ConnectorException.Transient(
                        "Mastodon was still processing the media after " + mediaProcessingWait.toSeconds() + " s",
                        Duration.ofSeconds(30),
                        null);
            }
            try {
                Thread.sleep(pollInterval);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ConnectorException.Transient("Interrupted while Mastodon processed the media", null, e);
            }
        }
    }

    private Reaction reaction(ConnectedAccount account, JsonNode status) {
        String inReplyTo = status.path("in_reply_to_id").asString(null);
        Reaction.Kind kind = "direct".equals(status.path("visibility").asString(""))
                ? Reaction.Kind.DIRECT_MESSAGE
                : inReplyTo != null ? Reaction.Kind.REPLY : Reaction.Kind.MENTION;
        return new Reaction(
                account.account().id(),
                text(status, "id"),
                kind,
                inReplyTo,
                status.path("account").path("acct").asString(""),
                plain(status.path("content").asString("")),
                Instant.parse(text(status, "created_at")),
                status.path("url").asString(null));
    }

    private JsonNode read(ConnectedAccount account, String path) {
        PlatformResponse answer = get(account, path);
        return parse(answer, false);
    }

    private PlatformResponse get(ConnectedAccount account, String path) {
        PlatformResponse answer = http.send(request(account, path).GET(), Call.READ);
        observe(account, answer);
        if (!answer.ok() && answer.status() != 206) {
            throw http.failure(answer, error(answer));
        }
        return answer;
    }

    private JsonNode parse(PlatformResponse answer, boolean afterChange) {
        try {
            return json.readTree(answer.body());
        } catch (JacksonException e) {
            String what = "Mastodon answered " + answer.status() + " with a body that is not JSON";
            if (afterChange) {
                throw new ConnectorException.UnknownOutcome(what, e);
            }
            throw new ConnectorException.Transient(what, null, e);
        }
    }

    private String error(PlatformResponse answer) {
        try {
            JsonNode body = json.readTree(answer.body());
            String error = body.path("error").asString("");
            String description = body.path("error_description").asString("");
            return description.isBlank() ? error : error + ": " + description;
        } catch (JacksonException e) {
            return "";
        }
    }

    private void observe(ConnectedAccount account, PlatformResponse answer) {
        RateLimitHeaders.X_RATE_LIMIT.report(rateLimits, account.account().id(), answer);
    }

    private HttpRequest.Builder request(ConnectedAccount account, String path) {
        return HttpRequest.newBuilder(URI.create(base(account) + path))
                .header("Authorization", "Bearer " + account.secret("accessToken"))
                .header("Accept", "application/json")
                .header("User-Agent", "Herald");
    }

    private static String base(ConnectedAccount account) {
        String base = account.setting("baseUrl").strip();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    private static String text(JsonNode node, String field) {
        String value = node.path(field).asString("");
        if (value.isBlank()) {
            throw new ConnectorException.Transient("Mastodon's answer has no " + field, null, null);
        }
        return value;
    }

    private static @Nullable Long count(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isNumber() ? value.asLong() : null;
    }

    /** Mastodon's ids are numbers written as strings (snowflakes): longer is newer, then by digits. */
    static boolean newerThan(String id, String other) {
        return id.length() != other.length() ? id.length() > other.length() : id.compareTo(other) > 0;
    }

    /** A status's HTML {@code content} as text: paragraphs and line breaks as spaces, entities decoded. */
    static String plain(String html) {
        return Jsoup.parse(html.replaceAll("(?i)<br\\s*/?>", "\n").replaceAll("(?i)</p>\\s*<p>", "\n\n"))
                .wholeText()
                .strip();
    }

    private static String normalise(String text) {
        return SPACES.matcher(text).replaceAll(" ").strip();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
