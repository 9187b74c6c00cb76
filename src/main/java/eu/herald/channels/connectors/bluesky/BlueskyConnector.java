package eu.herald.channels.connectors.bluesky;

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
import eu.herald.channels.connectors.RateLimitObserver;
import eu.herald.channels.connectors.support.Forms;
import eu.herald.channels.connectors.support.PlatformHttp;
import eu.herald.channels.connectors.support.PlatformHttp.Call;
import eu.herald.channels.connectors.support.PlatformResponse;
import eu.herald.channels.connectors.support.RateLimitHeaders;
import eu.herald.channels.connectors.support.Secrets;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Bluesky over the AT Protocol (https://docs.bsky.app/docs/api/): a session from the handle and an app password
 * ({@code com.atproto.server.createSession}), refreshed on {@code ExpiredToken} ({@code refreshSession}) and stored
 * through the account's secrets sink; posts as {@code app.bsky.feed.post} records with link facets and image embeds.
 *
 * <p>Exactly once: each post's record key is derived from the delivery's idempotency key ({@link RecordKeys}), so
 * {@link #find} is {@code com.atproto.repo.getRecord} by that key, and a second attempt cannot create a second
 * record. Settings: {@code handle}, optional {@code serviceUrl}. Secrets: {@code appPassword}; the connector adds
 * {@code accessJwt}, {@code refreshJwt} and {@code did}.
 */
@Component
class BlueskyConnector implements Connector {

    static final int MAX_GRAPHEMES = 300;
    static final String POST_COLLECTION = "app.bsky.feed.post";
    private static final Set<String> CREDENTIAL_ERRORS =
            Set.of("AuthenticationRequired", "InvalidToken", "AccountTakedown", "AccountDeactivated");

    private final BlueskyProperties properties;
    private final PlatformHttp http;
    private final RateLimitObserver rateLimits;

    BlueskyConnector(BlueskyProperties properties, RateLimitObserver rateLimits) {
        this.properties = properties;
        this.rateLimits = rateLimits;
        this.http = new PlatformHttp("Bluesky", properties.connectTimeout(), properties.readTimeout());
    }

    @Override
    public ChannelType type() {
        return ChannelType.BLUESKY;
    }

    @Override
    public Published publish(ConnectedAccount account, Post post) {
        refuseTooLong(post.text());
        Session session = new Session(account);
        ObjectNode record = postRecord(post.text(), post.language().code());
        List<Post.Attachment> images = post.media().stream()
                .filter(m -> m.contentType().startsWith("image/"))
                .toList();
        if (images.size() < post.media().size()) {
            throw new ConnectorException.Permanent(
                    "Bluesky posts made by Herald can carry images only (up to 4), not videos or other files",
                    false,
                    null);
        }
        if (images.size() > 4) {
            throw new ConnectorException.Permanent("A Bluesky post can carry at most 4 images", false, null);
        }
        if (!images.isEmpty()) {
            ObjectNode embed = record.putObject("embed").put("$type", "app.bsky.embed.images");
            ArrayNode list = embed.putArray("images");
            for (Post.Attachment image : images) {
                JsonNode blob = uploadBlob(session, image);
                list.addObject().put("alt", image.altText()).set("image", blob);
            }
        } else if (post.link() != null && !post.text().contains(post.link())) {
            ObjectNode external = record.putObject("embed")
                    .put("$type", "app.bsky.embed.external")
                    .putObject("external");
            external.put("uri", post.link())
                    .put("title", post.title() != null ? post.title() : post.link())
                    .put("description", "");
        }
        return createRecord(session, RecordKeys.of(post.idempotencyKey()), record);
    }

    @Override
    public Optional<Published> find(ConnectedAccount account, Post post) {
        return record(new Session(account), RecordKeys.of(post.idempotencyKey()));
    }

    @Override
    public void remove(ConnectedAccount account, String externalId) {
        AtUri uri = AtUri.parse(externalId);
        Session session = new Session(account);
        ObjectNode body = PlatformResponse.mapper().createObjectNode();
        body.put("repo", uri.repo()).put("collection", uri.collection()).put("rkey", uri.rkey());
        session.send(token -> post(session, "com.atproto.repo.deleteRecord", body.toString(), token), Call.WRITE, true);
    }

    @Override
    public ReactionPage reactions(ConnectedAccount account, @Nullable String cursor) {
        Session session = new Session(account);
        Instant since = cursor == null ? null : parseInstant(cursor);
        List<Reaction> reactions = new ArrayList<>();
        Instant newest = since;
        String pageCursor = null;
        // listNotifications pages from the newest backwards: read until the last reaction already seen.
        for (int page = 0; page < 5; page++) {
            Map<String, String> query = new LinkedHashMap<>();
            query.put("limit", "50");
            if (pageCursor != null) {
                query.put("cursor", pageCursor);
            }
            PlatformResponse response = session.send(
                    token -> get(session, "app.bsky.notification.listNotifications", query, token), Call.READ, true);
            JsonNode body = response.json();
            boolean reachedSeen = false;
            for (JsonNode n : body.path("notifications")) {
                Instant at = parseInstant(text(n, "indexedAt"));
                if (since != null && !at.isAfter(since)) {
                    reachedSeen = true;
                    continue;
                }
                if (newest == null || at.isAfter(newest)) {
                    newest = at;
                }
                String reason = text(n, "reason");
                Reaction.Kind kind = switch (reason == null ? "" : reason) {
                    case "reply" -> Reaction.Kind.REPLY;
                    case "mention", "quote" -> Reaction.Kind.MENTION;
                    default -> null;
                };
                if (kind != null) {
                    reactions.add(reaction(account, n, kind, at));
                }
            }
            pageCursor = text(body, "cursor");
            if (since == null || reachedSeen || pageCursor == null) {
                break;
            }
        }
        return new ReactionPage(reactions, newest == null ? cursor : newest.toString());
    }

    @Override
    public Published reply(ConnectedAccount account, Reaction inReplyTo, String text, String idempotencyKey) {
        refuseTooLong(text);
        Session session = new Session(account);
        JsonNode parent = onePost(session, inReplyTo.externalId());
        ObjectNode parentRef = ref(text(parent, "uri"), text(parent, "cid"));
        JsonNode root = parent.path("record").path("reply").path("root");
        ObjectNode rootRef = root.isObject() ? ref(text(root, "uri"), text(root, "cid")) : parentRef.deepCopy();
        ObjectNode record = postRecord(text, null);
        ObjectNode reply = record.putObject("reply");
        reply.set("root", rootRef);
        reply.set("parent", parentRef);
        return createRecord(session, RecordKeys.of(idempotencyKey), record);
    }

    @Override
    public boolean hide(ConnectedAccount account, String reactionExternalId) {
        // Bluesky has thread gates and moderation lists, but no way for an author to hide one reply through the API.
        return false;
    }

    @Override
    public List<Reaction> search(ConnectedAccount account, String query) {
        Session session = new Session(account);
        Map<String, String> params = new LinkedHashMap<>();
        params.put("q", query);
        params.put("sort", "latest");
        params.put("limit", "25");
        PlatformResponse response =
                session.send(token -> get(session, "app.bsky.feed.searchPosts", params, token), Call.READ, true);
        List<Reaction> found = new ArrayList<>();
        for (JsonNode p : response.json().path("posts")) {
            String created = text(p.path("record"), "createdAt");
            Instant at = parseInstant(created != null ? created : text(p, "indexedAt"));
            found.add(reaction(account, p, Reaction.Kind.MENTION, at));
        }
        return found;
    }

    @Override
    public PostMetrics metrics(ConnectedAccount account, String externalId) {
        Session session = new Session(account);
        JsonNode post = onePost(session, externalId);
        Long reposts = number(post, "repostCount");
        Long quotes = number(post, "quoteCount");
        Long shares = reposts == null && quotes == null
                ? null
                : (reposts == null ? 0 : reposts) + (quotes == null ? 0 : quotes);
        return new PostMetrics(
                externalId, Instant.now(), null, number(post, "likeCount"), shares, number(post, "replyCount"), null);
    }

    @Override
    public Health check(ConnectedAccount account) {
        Session session = new Session(account);
        PlatformResponse response =
                session.send(token -> get(session, "com.atproto.server.getSession", Map.of(), token), Call.READ, true);
        JsonNode body = response.json();
        String handle = text(body, "handle");
        return new Health(
                handle,
                handle == null ? null : properties.appUrl() + "/profile/" + handle,
                null,
                RateLimitHeaders.RATE_LIMIT.remaining(response),
                RateLimitHeaders.RATE_LIMIT.reset(response));
    }

    private void refuseTooLong(String text) {
        int graphemes = Facets.graphemes(text);
        if (graphemes > MAX_GRAPHEMES) {
            throw new ConnectorException.Permanent(
                    "The text is " + graphemes + " characters long; Bluesky allows " + MAX_GRAPHEMES, false, null);
        }
    }

    private ObjectNode postRecord(String text, @Nullable String language) {
        ObjectNode record = PlatformResponse.mapper().createObjectNode();
        record.put("$type", POST_COLLECTION)
                .put("text", text)
                .put("createdAt", Instant.now().toString());
        if (language != null) {
            record.putArray("langs").add(language);
        }
        List<Facets.Link> links = Facets.links(text);
        if (!links.isEmpty()) {
            ArrayNode facets = record.putArray("facets");
            for (Facets.Link link : links) {
                ObjectNode facet = facets.addObject();
                facet.putObject("index").put("byteStart", link.byteStart()).put("byteEnd", link.byteEnd());
                facet.putArray("features")
                        .addObject()
                        .put("$type", "app.bsky.richtext.facet#link")
                        .put("uri", link.uri());
            }
        }
        return record;
    }

    private JsonNode uploadBlob(Session session, Post.Attachment image) {
        PlatformResponse response = session.send(
                token -> HttpRequest.newBuilder(xrpc(session, "com.atproto.repo.uploadBlob", Map.of()))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", image.contentType())
                        .POST(HttpRequest.BodyPublishers.ofByteArray(image.content())),
                Call.READ, // an orphan blob is harmless: the platform drops blobs no record references
                true);
        JsonNode blob = response.json().path("blob");
        if (!blob.isObject()) {
            throw new ConnectorException.UnknownOutcome("Bluesky answered the image upload without a blob", null);
        }
        return blob;
    }

    private Published createRecord(Session session, String rkey, ObjectNode record) {
        ObjectNode body = PlatformResponse.mapper().createObjectNode();
        body.put("repo", session.did()).put("collection", POST_COLLECTION).put("rkey", rkey);
        body.set("record", record);
        PlatformResponse response = session.send(
                token -> post(session, "com.atproto.repo.createRecord", body.toString(), token), Call.WRITE, false);
        if (!response.ok()) {
            // A record already under this key is this post, written by an earlier attempt whose answer was lost.
            ConnectorException refusal = error(response);
            if (response.status() == 400 || response.status() == 409) {
                try {
                    Optional<Published> existing = record(session, rkey);
                    if (existing.isPresent()) {
                        return existing.get();
                    }
                } catch (ConnectorException lookupFailed) {
                    refusal.addSuppressed(lookupFailed); // the refusal itself explains best what went wrong
                }
            }
            throw refusal;
        }
        JsonNode answer = response.json();
        return new Published(requiredText(response, answer, "uri"), postUrl(session.handle(), rkey));
    }

    private Optional<Published> record(Session session, String rkey) {
        PlatformResponse response = session.send(
                token -> get(
                        session,
                        "com.atproto.repo.getRecord",
                        Map.of("repo", session.did(), "collection", POST_COLLECTION, "rkey", rkey),
                        token),
                Call.READ,
                false);
        if (!response.ok()) {
            if ("RecordNotFound".equals(text(response.jsonOrEmpty(), "error"))) {
                return Optional.empty();
            }
            throw error(response);
        }
        return Optional.of(
                new Published(requiredText(response, response.json(), "uri"), postUrl(session.handle(), rkey)));
    }

    private JsonNode onePost(Session session, String uri) {
        PlatformResponse response = session.send(
                token -> get(session, "app.bsky.feed.getPosts", Map.of("uris", uri), token), Call.READ, true);
        JsonNode posts = response.json().path("posts");
        if (!posts.isArray() || posts.isEmpty()) {
            throw new ConnectorException.Permanent("Bluesky no longer has the post " + uri, false, null);
        }
        return posts.get(0);
    }

    private Reaction reaction(ConnectedAccount account, JsonNode item, Reaction.Kind kind, Instant at) {
        String uri = text(item, "uri");
        String handle = text(item.path("author"), "handle");
        JsonNode record = item.path("record");
        String parent = text(record.path("reply").path("parent"), "uri");
        String text = text(record, "text");
        return new Reaction(
                account.account().id(),
                uri == null ? "" : uri,
                kind,
                parent,
                handle == null ? "" : handle,
                text == null ? "" : text,
                at,
                uri == null || handle == null
                        ? null
                        : postUrl(handle, AtUri.parse(uri).rkey()));
    }

    private String postUrl(String handle, String rkey) {
        return properties.appUrl() + "/profile/" + handle + "/post/" + rkey;
    }

    private static ObjectNode ref(@Nullable String uri, @Nullable String cid) {
        if (uri == null || cid == null) {
            throw new ConnectorException.UnknownOutcome("Bluesky answered without the post's uri and cid", null);
        }
        return PlatformResponse.mapper().createObjectNode().put("uri", uri).put("cid", cid);
    }

    private static String requiredText(PlatformResponse response, JsonNode body, String field) {
        String value = text(body, field);
        if (value == null) {
            throw new ConnectorException.UnknownOutcome(
                    "Bluesky answered " + response.status() + " without the field " + field, null);
        }
        return value;
    }

    private static Instant parseInstant(@Nullable String value) {
        if (value == null) {
            return Instant.EPOCH;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            return java.time.OffsetDateTime.parse(value).toInstant();
        }
    }

    private URI xrpc(Session session, String nsid, Map<String, String> query) {
        return Forms.url(session.service(), "/xrpc/" + nsid, query);
    }

    private HttpRequest.Builder get(Session session, String nsid, Map<String, String> query, String token) {
        return HttpRequest.newBuilder(xrpc(session, nsid, query))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json")
                .GET();
    }

    private HttpRequest.Builder post(Session session, String nsid, String json, @Nullable String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(xrpc(session, nsid, Map.of()))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    /** Turns an error answer into the exception the SPI asks for, keeping Bluesky's own message. */
    ConnectorException error(PlatformResponse response) {
        JsonNode body = response.jsonOrEmpty();
        String error = text(body, "error");
        String message = text(body, "message");
        String explanation = message != null ? message : error != null ? error : response.bodyExcerpt();
        int status = response.status();
        if (status == 429 || status >= 500) {
            Duration wait = response.retryAfter(Instant.now());
            if (wait == null) {
                wait = RateLimitHeaders.RATE_LIMIT.untilReset(response, Instant.now());
            }
            return new ConnectorException.Transient(explanation, wait, null);
        }
        boolean credentials = status == 401 || status == 403 || (error != null && CREDENTIAL_ERRORS.contains(error));
        return new ConnectorException.Permanent(explanation, credentials, null);
    }

    private static boolean expired(PlatformResponse response) {
        return (response.status() == 400 || response.status() == 401)
                && "ExpiredToken".equals(text(response.jsonOrEmpty(), "error"));
    }

    /** One call's view of the account's session: logs in or refreshes at most as needed, storing new tokens. */
    private final class Session {
        private final ConnectedAccount account;
        private final Map<String, String> secrets;
        private boolean refreshed;

        Session(ConnectedAccount account) {
            this.account = account;
            this.secrets = new HashMap<>(account.secrets());
        }

        URI service() {
            String configured = account.settings().get("serviceUrl");
            return configured == null || configured.isBlank() ? properties.serviceUrl() : URI.create(configured);
        }

        String did() {
            if (secrets.get("did") == null || secrets.get("accessJwt") == null) {
                login();
            }
            return secrets.get("did");
        }

        String handle() {
            String handle = secrets.get("handle");
            return handle != null ? handle : account.setting("handle");
        }

        /**
         * Sends with the current access token; on {@code ExpiredToken} refreshes once and sends again (the platform
         * refused the first request, so repeating it cannot duplicate). Throws on any other error when
         * {@code throwOnError}.
         */
        PlatformResponse send(Function<String, HttpRequest.Builder> request, Call call, boolean throwOnError) {
            if (secrets.get("accessJwt") == null || secrets.get("did") == null) {
                login();
            }
            PlatformResponse response = observed(http.send(request.apply(secrets.get("accessJwt")), call));
            if (expired(response) && !refreshed) {
                refresh();
                response = observed(http.send(request.apply(secrets.get("accessJwt")), call));
            }
            if (throwOnError && !response.ok()) {
                throw error(response);
            }
            return response;
        }

        private PlatformResponse observed(PlatformResponse response) {
            RateLimitHeaders.RATE_LIMIT.report(rateLimits, account.account().id(), response);
            return response;
        }

        private void login() {
            ObjectNode body = PlatformResponse.mapper().createObjectNode();
            body.put("identifier", account.setting("handle")).put("password", account.secret("appPassword"));
            PlatformResponse response =
                    http.send(post(this, "com.atproto.server.createSession", body.toString(), null), Call.READ);
            if (!response.ok()) {
                ConnectorException e = error(response);
                throw e instanceof ConnectorException.Permanent p && response.status() == 401
                        ? new ConnectorException.Permanent(p.explanation(), true, null)
                        : e;
            }
            keep(response);
        }

        private void refresh() {
            refreshed = true;
            String refreshJwt = secrets.get("refreshJwt");
            if (refreshJwt == null) {
                login();
                return;
            }
            PlatformResponse response =
                    http.send(post(this, "com.atproto.server.refreshSession", "", refreshJwt), Call.READ);
            if (response.ok()) {
                keep(response);
                return;
            }
            String error = text(response.jsonOrEmpty(), "error");
            if ("ExpiredToken".equals(error) || "InvalidToken".equals(error) || response.status() == 401) {
                login(); // the refresh token has run out too: a new session from the app password
                return;
            }
            throw error(response);
        }

        private void keep(PlatformResponse response) {
            JsonNode body = response.json();
            Map<String, String> fresh = new HashMap<>();
            for (String field : List.of("accessJwt", "refreshJwt", "did", "handle")) {
                String value = text(body, field);
                if (value == null) {
                    throw new ConnectorException.UnknownOutcome(
                            "Bluesky answered the session request without " + field, null);
                }
                fresh.put(field, value);
            }
            secrets.putAll(Secrets.store(account, merge(fresh), null));
        }

        private Map<String, String> merge(Map<String, String> fresh) {
            Map<String, String> all = new HashMap<>(secrets);
            all.putAll(fresh);
            return all;
        }
    }

    /** {@code at://<repo>/<collection>/<rkey>}. */
    record AtUri(String repo, String collection, String rkey) {
        static AtUri parse(String uri) {
            if (!uri.startsWith("at://")) {
                throw new ConnectorException.Permanent("Not a Bluesky post address: " + uri, false, null);
            }
            String[] parts = uri.substring(5).split("/");
            if (parts.length != 3) {
                throw new ConnectorException.Permanent("Not a Bluesky post address: " + uri, false, null);
            }
            return new AtUri(parts[0], parts[1], parts[2]);
        }
    }
}
