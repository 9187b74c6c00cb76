package eu.herald.channels.connectors.webhook;

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
import eu.herald.channels.connectors.support.PlatformHttp;
import eu.herald.channels.connectors.support.PlatformHttp.Call;
import eu.herald.channels.connectors.support.PlatformResponse;
import eu.herald.channels.connectors.support.RateLimitHeaders;
import eu.herald.channels.domain.ChannelsProperties;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Any HTTPS endpoint (the organisation's website, an intranet, a dispatch room) receiving a signed JSON body.
 *
 * <p>The protocol, for receivers: {@code POST} to the configured URL with {@code Content-Type: application/json} and
 * <ul>
 *   <li>{@code X-Herald-Event}: {@code publish}, {@code delete} or {@code ping} (sent by the health check);
 *   <li>{@code X-Herald-Signature: sha256=<hex HMAC-SHA256 of the raw body under the signing secret>} — verify it in
 *       constant time before reading the body;
 *   <li>{@code X-Herald-Timestamp}: seconds since the epoch when it was sent (also {@code sentAt} in the body):
 *       refuse old ones to resist replays;
 *   <li>{@code Idempotency-Key}: the same for every attempt of one delivery (also {@code id} in the body).
 * </ul>
 * A {@code publish} body is {@code {"id", "text", "title", "link", "language", "media": [{"fileName", "contentType",
 * "altText", "size"}], "context": {...}, "sentAt"}}. Any 2xx means accepted; an answer {@code {"id", "url"}} names the
 * receiver's own id and public address. 401/403 mean the signature was refused (the account needs reconnecting);
 * 429/5xx are retried after {@code Retry-After}.
 *
 * <p><b>Receivers must deduplicate on {@code Idempotency-Key}.</b> A webhook offers no lookup, so {@link #find} finds
 * nothing and, after an unknown outcome (a timeout after sending), the delivery sends again with the same key: safe
 * exactly because receivers deduplicate. This is the choice Herald makes for webhooks.
 */
@Component
public class WebhookConnector implements Connector {

    private final JsonMapper json;
    private final PlatformHttp http;
    private final RateLimitObserver rateLimits;
    private final Clock clock;

    @Autowired
    WebhookConnector(JsonMapper json, ChannelsProperties properties, RateLimitObserver rateLimits) {
        this(
                json,
                new PlatformHttp("Webhook", properties.connectTimeout(), properties.requestTimeout()),
                rateLimits,
                Clock.systemUTC());
    }

    public WebhookConnector(JsonMapper json, PlatformHttp http, RateLimitObserver rateLimits, Clock clock) {
        this.json = json;
        this.http = http;
        this.rateLimits = rateLimits;
        this.clock = clock;
    }

    @Override
    public ChannelType type() {
        return ChannelType.WEBHOOK;
    }

    @Override
    public Published publish(ConnectedAccount account, Post post) {
        Instant now = clock.instant();
        ObjectNode body = json.createObjectNode();
        body.put("id", post.idempotencyKey());
        body.put("text", post.text());
        body.put("title", post.title());
        body.put("link", post.link());
        body.put("language", post.language().code());
        ArrayNode media = body.putArray("media");
        for (Post.Attachment attachment : post.media()) {
            ObjectNode item = media.addObject();
            item.put("fileName", attachment.fileName());
            item.put("contentType", attachment.contentType());
            item.put("altText", attachment.altText());
            item.put("size", attachment.content().length);
        }
        ObjectNode context = body.putObject("context");
        post.context().forEach(context::put);
        body.put("sentAt", now.toString());
        PlatformResponse answer = send(account, "publish", post.idempotencyKey(), body, now);
        if (!answer.ok()) {
            throw http.failure(answer, error(answer));
        }
        JsonNode returned = readOrEmpty(answer.body());
        String id = returned.path("id").asString("");
        String url = returned.path("url").asString("");
        return new Published(id.isBlank() ? post.idempotencyKey() : id, url.isBlank() ? null : url);
    }

    /** Webhooks offer no lookup: receivers deduplicate on {@code Idempotency-Key} instead (see the class comment). */
    @Override
    public Optional<Published> find(ConnectedAccount account, Post post) {
        return Optional.empty();
    }

    /** Tells the receiver to withdraw a post ({@code X-Herald-Event: delete}, body {@code {"id", "sentAt"}}). */
    @Override
    public void remove(ConnectedAccount account, String externalId) {
        Instant now = clock.instant();
        ObjectNode body = json.createObjectNode();
        body.put("id", externalId);
        body.put("sentAt", now.toString());
        PlatformResponse answer = send(account, "delete", "delete-" + externalId, body, now);
        if (!answer.ok() && answer.status() != 404 && answer.status() != 410) {
            throw http.failure(answer, error(answer));
        }
    }

    @Override
    public ReactionPage reactions(ConnectedAccount account, @Nullable String cursor) {
        throw new UnsupportedOperationException("A webhook receives posts; it has no reactions to fetch");
    }

    @Override
    public Published reply(ConnectedAccount account, Reaction inReplyTo, String text, String idempotencyKey) {
        throw new UnsupportedOperationException("A webhook has no reactions to answer");
    }

    @Override
    public boolean hide(ConnectedAccount account, String reactionExternalId) {
        return false;
    }

    @Override
    public List<Reaction> search(ConnectedAccount account, String query) {
        throw new UnsupportedOperationException("A webhook cannot be searched");
    }

    @Override
    public PostMetrics metrics(ConnectedAccount account, String externalId) {
        throw new UnsupportedOperationException("A webhook reports no metrics");
    }

    /** A signed {@code ping}: any 2xx means the receiver is there and accepts the signature. */
    @Override
    public Health check(ConnectedAccount account) {
        Instant now = clock.instant();
        ObjectNode body = json.createObjectNode();
        body.put("sentAt", now.toString());
        PlatformResponse answer = send(account, "ping", "ping-" + now.toEpochMilli(), body, now);
        if (!answer.ok()) {
            ConnectorException failure = http.failure(answer, error(answer));
            if (answer.status() == 403) {
                throw new ConnectorException.Permanent(failure.explanation(), true, null);
            }
            throw failure;
        }
        URI url = URI.create(account.setting("url"));
        return new Health(
                url.getHost(),
                null,
                null,
                RateLimitHeaders.X_RATE_LIMIT.remaining(answer),
                RateLimitHeaders.X_RATE_LIMIT.reset(answer));
    }

    private PlatformResponse send(
            ConnectedAccount account, String event, String idempotencyKey, ObjectNode body, Instant now) {
        byte[] raw = json.writeValueAsBytes(body);
        PlatformResponse answer = http.send(
                HttpRequest.newBuilder(URI.create(account.setting("url")))
                        .header("Content-Type", "application/json")
                        .header("User-Agent", "Herald-Webhook")
                        .header("X-Herald-Event", event)
                        .header("X-Herald-Timestamp", Long.toString(now.getEpochSecond()))
                        .header("X-Herald-Signature", "sha256=" + signature(account.secret("signingSecret"), raw))
                        .header("Idempotency-Key", idempotencyKey)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(raw)),
                event.equals("ping") ? Call.READ : Call.WRITE);
        RateLimitHeaders.X_RATE_LIMIT.report(rateLimits, account.account().id(), answer);
        return answer;
    }

    /** Hex HMAC-SHA256 of the raw body: what receivers recompute. */
    public static String signature(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    private String error(PlatformResponse answer) {
        JsonNode body = readOrEmpty(answer.body());
        String error = body.path("error").asString("");
        if (!error.isBlank()) {
            return error;
        }
        String message = body.path("message").asString("");
        if (!message.isBlank()) {
            return message;
        }
        String text = answer.body().strip();
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    private JsonNode readOrEmpty(String body) {
        if (body.isBlank()) {
            return json.createObjectNode();
        }
        try {
            return json.readTree(body);
        } catch (JacksonException e) {
            return json.createObjectNode();
        }
    }
}
