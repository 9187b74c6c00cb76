package eu.herald.channels.connectors.youtube;

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
import eu.herald.channels.connectors.Setting;
import eu.herald.channels.connectors.support.Forms;
import eu.herald.channels.connectors.support.OAuth2Client;
import eu.herald.channels.connectors.support.OAuthSession;
import eu.herald.channels.connectors.support.PlatformHttp;
import eu.herald.channels.connectors.support.PlatformHttp.Call;
import eu.herald.channels.connectors.support.PlatformResponse;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
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
 * YouTube over the Data API v3 (https://developers.google.com/youtube/v3/docs): a post is a video, uploaded with the
 * resumable protocol ({@code POST .../upload/youtube/v3/videos?uploadType=resumable} gives a session URL in
 * {@code Location}; the bytes go there with {@code PUT}); the text is the description, the title the post's title.
 * A 401 refreshes the access token at Google's token endpoint once.
 *
 * <p>Exactly once: YouTube takes no idempotency key, so each video carries a tag {@code herald-<hash of the key>}
 * (tags are not shown to viewers); {@link #find} reads the channel's uploads playlist and the recent videos' tags.
 * Settings: optional {@code channelId} and {@code clientId}. Secrets: {@code accessToken}, {@code refreshToken},
 * {@code clientSecret}.
 */
@Component
class YouTubeConnector implements Connector {

    static final ZoneId PACIFIC = ZoneId.of("America/Los_Angeles");

    private final YouTubeProperties properties;
    private final OAuthSession.Platform youtube;
    private final OAuthSession.Platform uploads;

    YouTubeConnector(YouTubeProperties properties) {
        this.properties = properties;
        this.youtube = new OAuthSession.Platform(
                new PlatformHttp("YouTube", properties.connectTimeout(), properties.readTimeout()),
                properties.tokenUrl(),
                OAuth2Client.ClientAuthentication.BODY,
                properties.clientId(),
                properties.clientSecret());
        this.uploads =
                youtube.through(new PlatformHttp("YouTube", properties.connectTimeout(), properties.uploadTimeout()));
    }

    @Override
    public ChannelType type() {
        return ChannelType.YOUTUBE;
    }

    /** Normally filled in by the OAuth connect flow; the channel is the token's own when not named. */
    @Override
    public List<Setting> settings() {
        List<Setting> settings = new ArrayList<>();
        settings.add(new Setting("channelId", Setting.Kind.TEXT, false, false));
        settings.addAll(OAuthSession.SETTINGS);
        return List.copyOf(settings);
    }

    private OAuthSession session(ConnectedAccount account) {
        return youtube.open(account);
    }

    /** The account's channel: its setting, or the channel the token belongs to ({@code channels.list?mine=true}). */
    private String channelId(ConnectedAccount account, OAuthSession session) {
        String configured = account.settings().get("channelId");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        String id = text(
                ok(session.send(
                                token -> get("/youtube/v3/channels", Map.of("part", "id", "mine", "true"), token),
                                Call.READ))
                        .json()
                        .path("items")
                        .path(0),
                "id");
        if (id == null) {
            throw new ConnectorException.Permanent("The YouTube account has no channel", false, null);
        }
        return id;
    }

    @Override
    public Published publish(ConnectedAccount account, Post post) {
        Post.Attachment video = post.media().stream()
                .filter(m -> m.contentType().startsWith("video/"))
                .findFirst()
                .orElseThrow(() -> new ConnectorException.Permanent(
                        "A YouTube post needs a video: this post has none", false, null));
        OAuthSession session = session(account);
        ObjectNode resource = PlatformResponse.mapper().createObjectNode();
        ObjectNode snippet = resource.putObject("snippet");
        snippet.put("title", title(post))
                .put("description", post.text())
                .put("defaultLanguage", post.language().code());
        snippet.putArray("tags").add(marker(post.idempotencyKey()));
        resource.putObject("status").put("privacyStatus", "public").put("selfDeclaredMadeForKids", false);
        Map<String, String> query = new LinkedHashMap<>();
        query.put("uploadType", "resumable");
        query.put("part", "snippet,status");
        // Starting an upload session creates no video: only the bytes below do.
        PlatformResponse started = ok(session.send(
                token -> HttpRequest.newBuilder(api("/upload/youtube/v3/videos", query))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json; charset=UTF-8")
                        .header("X-Upload-Content-Length", Integer.toString(video.content().length))
                        .header("X-Upload-Content-Type", video.contentType())
                        .POST(HttpRequest.BodyPublishers.ofString(resource.toString())),
                Call.READ));
        String location = started.header("Location");
        if (location == null) {
            throw new ConnectorException.Transient("YouTube started no upload session (no Location)", null, null);
        }
        OAuthSession uploadSession = uploads.open(account);
        PlatformResponse uploaded = ok(uploadSession.send(
                token -> HttpRequest.newBuilder(URI.create(location))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", video.contentType())
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(video.content())),
                Call.WRITE));
        String id = text(uploaded.json(), "id");
        if (id == null) {
            throw new ConnectorException.UnknownOutcome("YouTube answered the upload without the video's id", null);
        }
        return new Published(id, watchUrl(id));
    }

    /** The channel's most recent uploads, and among them the video tagged with the post's marker. */
    @Override
    public Optional<Published> find(ConnectedAccount account, Post post) {
        OAuthSession session = session(account);
        JsonNode channels = ok(session.send(
                        token -> get("/youtube/v3/channels", Map.of("part", "contentDetails", "mine", "true"), token),
                        Call.READ))
                .json();
        String uploadsPlaylist =
                text(channels.path("items").path(0).path("contentDetails").path("relatedPlaylists"), "uploads");
        if (uploadsPlaylist == null) {
            return Optional.empty();
        }
        Map<String, String> query = new LinkedHashMap<>();
        query.put("part", "contentDetails");
        query.put("playlistId", uploadsPlaylist);
        query.put("maxResults", "25");
        JsonNode items = ok(session.send(token -> get("/youtube/v3/playlistItems", query, token), Call.READ))
                .json()
                .path("items");
        String ids = StreamSupport.stream(items.spliterator(), false)
                .map(item -> text(item.path("contentDetails"), "videoId"))
                .filter(id -> id != null)
                .collect(Collectors.joining(","));
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        JsonNode videos = ok(session.send(
                        token -> get("/youtube/v3/videos", Map.of("part", "snippet", "id", ids), token), Call.READ))
                .json();
        String marker = marker(post.idempotencyKey());
        for (JsonNode video : videos.path("items")) {
            for (JsonNode tag : video.path("snippet").path("tags")) {
                if (marker.equals(tag.asString())) {
                    String id = text(video, "id");
                    if (id != null) {
                        return Optional.of(new Published(id, watchUrl(id)));
                    }
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public void remove(ConnectedAccount account, String externalId) {
        OAuthSession session = session(account);
        ok(session.send(
                token -> HttpRequest.newBuilder(api("/youtube/v3/videos", Map.of("id", externalId)))
                        .header("Authorization", "Bearer " + token)
                        .DELETE(),
                Call.WRITE));
    }

    /** Comment threads on all the channel's videos, newest first, newer than the cursor (a time). */
    @Override
    public ReactionPage reactions(ConnectedAccount account, @Nullable String cursor) {
        OAuthSession session = session(account);
        String channelId = channelId(account, session);
        Instant since = cursor == null ? null : Instant.parse(cursor);
        Map<String, String> query = new LinkedHashMap<>();
        query.put("part", "snippet,replies");
        query.put("allThreadsRelatedToChannelId", channelId);
        query.put("order", "time");
        query.put("maxResults", "50");
        query.put("textFormat", "plainText");
        JsonNode threads = ok(session.send(token -> get("/youtube/v3/commentThreads", query, token), Call.READ))
                .json();
        List<Reaction> reactions = new ArrayList<>();
        Instant newest = since;
        for (JsonNode thread : threads.path("items")) {
            JsonNode top = thread.path("snippet").path("topLevelComment");
            String videoId = text(thread.path("snippet"), "videoId");
            List<JsonNode> comments = new ArrayList<>();
            comments.add(top);
            thread.path("replies").path("comments").forEach(comments::add);
            for (JsonNode comment : comments) {
                JsonNode s = comment.path("snippet");
                String id = text(comment, "id");
                String published = text(s, "publishedAt");
                Instant at = published == null ? Instant.EPOCH : Instant.parse(published);
                if (id == null
                        || (since != null && !at.isAfter(since))
                        || channelId.equals(text(s.path("authorChannelId"), "value"))) {
                    continue;
                }
                if (newest == null || at.isAfter(newest)) {
                    newest = at;
                }
                String parent = text(s, "parentId");
                String text = text(s, "textOriginal");
                String author = text(s, "authorDisplayName");
                reactions.add(new Reaction(
                        account.account().id(),
                        id,
                        parent != null ? Reaction.Kind.REPLY : Reaction.Kind.COMMENT,
                        parent != null ? parent : videoId,
                        author == null ? "" : author,
                        text != null
                                ? text
                                : Optional.ofNullable(text(s, "textDisplay")).orElse(""),
                        at,
                        videoId == null ? null : watchUrl(videoId) + "&lc=" + id));
            }
        }
        return new ReactionPage(reactions, newest == null ? cursor : newest.toString());
    }

    /** Answers in the comment's thread: YouTube threads are one level deep, so a reply answers the top comment. */
    @Override
    public Published reply(ConnectedAccount account, Reaction inReplyTo, String text, String idempotencyKey) {
        OAuthSession session = session(account);
        String parentId = inReplyTo.kind() == Reaction.Kind.REPLY && inReplyTo.inReplyTo() != null
                ? inReplyTo.inReplyTo()
                : inReplyTo.externalId();
        ObjectNode body = PlatformResponse.mapper().createObjectNode();
        body.putObject("snippet").put("parentId", parentId).put("textOriginal", text);
        JsonNode answer = ok(session.send(
                        token -> HttpRequest.newBuilder(api("/youtube/v3/comments", Map.of("part", "snippet")))
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body.toString())),
                        Call.WRITE))
                .json();
        String id = text(answer, "id");
        if (id == null) {
            throw new ConnectorException.UnknownOutcome("YouTube answered the reply without its id", null);
        }
        return new Published(id, null);
    }

    /** Holds a comment for review: it disappears from the video until someone on the channel approves it. */
    @Override
    public boolean hide(ConnectedAccount account, String reactionExternalId) {
        OAuthSession session = session(account);
        Map<String, String> query = new LinkedHashMap<>();
        query.put("id", reactionExternalId);
        query.put("moderationStatus", "heldForReview");
        ok(session.send(
                token -> HttpRequest.newBuilder(api("/youtube/v3/comments/setModerationStatus", query))
                        .header("Authorization", "Bearer " + token)
                        .POST(HttpRequest.BodyPublishers.noBody()),
                Call.WRITE));
        return true;
    }

    @Override
    public List<Reaction> search(ConnectedAccount account, String query) {
        throw new UnsupportedOperationException("Herald does not listen on YouTube (search costs 100 quota units)");
    }

    @Override
    public PostMetrics metrics(ConnectedAccount account, String externalId) {
        OAuthSession session = session(account);
        JsonNode items = ok(session.send(
                        token -> get("/youtube/v3/videos", Map.of("part", "statistics", "id", externalId), token),
                        Call.READ))
                .json()
                .path("items");
        if (!items.isArray() || items.isEmpty()) {
            throw new ConnectorException.Permanent("YouTube no longer has the video " + externalId, false, null);
        }
        JsonNode statistics = items.get(0).path("statistics");
        return new PostMetrics(
                externalId,
                Instant.now(),
                count(statistics, "viewCount"),
                count(statistics, "likeCount"),
                null,
                count(statistics, "commentCount"),
                null);
    }

    @Override
    public Health check(ConnectedAccount account) {
        OAuthSession session = session(account);
        JsonNode channel = ok(session.send(
                        token -> get("/youtube/v3/channels", Map.of("part", "snippet", "mine", "true"), token),
                        Call.READ))
                .json()
                .path("items")
                .path(0);
        String id = text(channel, "id");
        String customUrl = text(channel.path("snippet"), "customUrl");
        String title = text(channel.path("snippet"), "title");
        return new Health(
                customUrl != null ? customUrl : title,
                id == null ? null : properties.webUrl() + "/channel/" + id,
                null,
                null,
                null);
    }

    /** The tag that finds a video again: a hash of the idempotency key, within YouTube's tag rules. */
    static String marker(String idempotencyKey) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(idempotencyKey.getBytes(StandardCharsets.UTF_8));
            return "herald-" + HexFormat.of().formatHex(hash, 0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** YouTube titles: at most 100 characters, no angle brackets. */
    static String title(Post post) {
        String title = post.title() != null && !post.title().isBlank()
                ? post.title()
                : post.text().lines().findFirst().orElse("");
        title = title.replace("<", "").replace(">", "").strip();
        return title.codePointCount(0, title.length()) > 100
                ? title.substring(0, title.offsetByCodePoints(0, 99)) + "…"
                : title;
    }

    private static @Nullable Long count(JsonNode statistics, String field) {
        String value = text(statistics, field); // the Data API gives counts as strings
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private String watchUrl(String id) {
        return properties.webUrl() + "/watch?v=" + id;
    }

    private URI api(String path, Map<String, String> query) {
        return Forms.url(properties.apiUrl(), path, query);
    }

    private HttpRequest.Builder get(String path, Map<String, String> query, String token) {
        return HttpRequest.newBuilder(api(path, query))
                .header("Authorization", "Bearer " + token)
                .GET();
    }

    private static PlatformResponse ok(PlatformResponse response) {
        if (!response.ok()) {
            throw error(response, Instant.now());
        }
        return response;
    }

    /** {"error": {"code", "message", "errors": [{"reason", "domain", "message"}]}} by its reason. */
    static ConnectorException error(PlatformResponse response, Instant now) {
        JsonNode error = response.jsonOrEmpty().path("error");
        String message = text(error, "message");
        String explanation = message != null ? message : response.bodyExcerpt();
        List<String> reasons = StreamSupport.stream(error.path("errors").spliterator(), false)
                .map(e -> text(e, "reason"))
                .filter(r -> r != null)
                .toList();
        if (reasons.contains("quotaExceeded") || reasons.contains("dailyLimitExceeded")) {
            // The daily quota comes back at midnight Pacific time.
            ZonedDateTime pacific = now.atZone(PACIFIC);
            ZonedDateTime midnight = pacific.toLocalDate().plusDays(1).atStartOfDay(PACIFIC);
            return new ConnectorException.Transient(explanation, Duration.between(pacific, midnight), null);
        }
        if (response.status() == 429
                || response.status() >= 500
                || reasons.contains("rateLimitExceeded")
                || reasons.contains("userRateLimitExceeded")) {
            return new ConnectorException.Transient(explanation, response.retryAfter(now), null);
        }
        boolean credentials = response.status() == 401 || reasons.contains("insufficientPermissions");
        return new ConnectorException.Permanent(explanation, credentials, null);
    }
}
