package eu.herald.channels.connectors.telegram;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Telegram over the Bot API (https://core.telegram.org/bots/api): {@code sendMessage} without parse mode (the text
 * is sent as written), {@code sendPhoto}/{@code sendVideo} with the text as caption, {@code sendMediaGroup} for
 * several. Telegram shows no alternative text for images.
 *
 * <p>No lookup: the Bot API cannot list a channel's messages, so {@link #find} is always empty and
 * {@link #canLookUp()} is false. A retry after a lost answer could post twice; the delivery engine should end such
 * a delivery as FAILED ("outcome unknown — check the channel") instead of retrying. Reactions come from
 * {@code getUpdates}: comments in the channel's linked discussion group and messages to the bot; the cursor is the
 * next update offset. Views are not available to bots: metrics are empty. Settings: {@code chatId} ({@code @name}
 * or the numeric id). Secrets: {@code botToken}. Ids are {@code <chat id>:<message id>}.
 */
@Component
class TelegramConnector implements Connector {

    static final int MAX_TEXT = 4096;
    static final int MAX_CAPTION = 1024;

    private final TelegramProperties properties;
    private final PlatformHttp http;

    TelegramConnector(TelegramProperties properties) {
        this.properties = properties;
        this.http = new PlatformHttp("Telegram", properties.connectTimeout(), properties.readTimeout());
    }

    @Override
    public ChannelType type() {
        return ChannelType.TELEGRAM;
    }

    @Override
    public boolean canLookUp() {
        return false;
    }

    @Override
    public Published publish(ConnectedAccount account, Post post) {
        String chatId = account.setting("chatId");
        List<Post.Attachment> media = post.media();
        int limit = media.isEmpty() ? MAX_TEXT : MAX_CAPTION;
        int length = post.text().codePointCount(0, post.text().length());
        if (length > limit) {
            throw new ConnectorException.Permanent(
                    "The text is " + length + " characters long; Telegram allows " + limit
                            + (media.isEmpty() ? "" : " under an image or a video"),
                    false,
                    null);
        }
        JsonNode message;
        if (media.isEmpty()) {
            ObjectNode body = PlatformResponse.mapper().createObjectNode();
            body.put("chat_id", chatId).put("text", post.text());
            message = call(account, "sendMessage", json(body), Call.WRITE);
        } else if (media.size() == 1) {
            Post.Attachment one = media.getFirst();
            String kind = kind(one);
            Multipart form = new Multipart()
                    .field("chat_id", chatId)
                    .field("caption", post.text())
                    .file(kind, one.fileName(), one.contentType(), one.content());
            message = call(account, kind.equals("video") ? "sendVideo" : "sendPhoto", multipart(form), Call.WRITE);
        } else {
            Multipart form = new Multipart().field("chat_id", chatId);
            ArrayNode items = PlatformResponse.mapper().createArrayNode();
            for (int i = 0; i < media.size() && i < 10; i++) {
                Post.Attachment item = media.get(i);
                ObjectNode entry = items.addObject().put("type", kind(item)).put("media", "attach://file" + i);
                if (i == 0) {
                    entry.put("caption", post.text());
                }
                form.file("file" + i, item.fileName(), item.contentType(), item.content());
            }
            form.field("media", items.toString());
            message =
                    call(account, "sendMediaGroup", multipart(form), Call.WRITE).path(0);
        }
        return published(message);
    }

    @Override
    public Optional<Published> find(ConnectedAccount account, Post post) {
        return Optional.empty();
    }

    @Override
    public void remove(ConnectedAccount account, String externalId) {
        MessageRef ref = MessageRef.parse(externalId);
        ObjectNode body = PlatformResponse.mapper().createObjectNode();
        body.put("chat_id", ref.chatId()).put("message_id", ref.messageId());
        call(account, "deleteMessage", json(body), Call.WRITE);
    }

    @Override
    public ReactionPage reactions(ConnectedAccount account, @Nullable String cursor) {
        ObjectNode body = PlatformResponse.mapper().createObjectNode();
        if (cursor != null) {
            body.put("offset", Long.parseLong(cursor));
        }
        body.put("timeout", 0).put("limit", 100);
        body.putArray("allowed_updates").add("message");
        JsonNode updates = call(account, "getUpdates", json(body), Call.READ);
        List<Reaction> reactions = new ArrayList<>();
        Long last = null;
        for (JsonNode update : updates) {
            Long updateId = number(update, "update_id");
            if (updateId != null && (last == null || updateId > last)) {
                last = updateId;
            }
            JsonNode message = update.path("message");
            if (!message.isObject() || message.path("is_automatic_forward").asBoolean(false)) {
                continue; // the channel's own post copied into its discussion group
            }
            Reaction reaction = reaction(account, message);
            if (reaction != null) {
                reactions.add(reaction);
            }
        }
        return new ReactionPage(reactions, last == null ? cursor : Long.toString(last + 1));
    }

    @Override
    public Published reply(ConnectedAccount account, Reaction inReplyTo, String text, String idempotencyKey) {
        MessageRef ref = MessageRef.parse(inReplyTo.externalId());
        ObjectNode body = PlatformResponse.mapper().createObjectNode();
        body.put("chat_id", ref.chatId()).put("text", text);
        body.putObject("reply_parameters").put("message_id", ref.messageId());
        return published(call(account, "sendMessage", json(body), Call.WRITE));
    }

    @Override
    public boolean hide(ConnectedAccount account, String reactionExternalId) {
        return false; // Telegram can delete a comment, not hide it: the moderator decides on Telegram itself
    }

    @Override
    public List<Reaction> search(ConnectedAccount account, String query) {
        throw new UnsupportedOperationException("The Bot API cannot search Telegram");
    }

    /** Telegram shows a channel post's views to people, not to bots: every figure is unknown. */
    @Override
    public PostMetrics metrics(ConnectedAccount account, String externalId) {
        return new PostMetrics(externalId, Instant.now(), null, null, null, null, null);
    }

    @Override
    public Health check(ConnectedAccount account) {
        JsonNode me = call(account, "getMe", json(PlatformResponse.mapper().createObjectNode()), Call.READ);
        String chatId = account.setting("chatId");
        String username = text(me, "username");
        return new Health(
                username == null ? null : "@" + username,
                chatId.startsWith("@") ? "https://t.me/" + chatId.substring(1) : null,
                null,
                null,
                null);
    }

    private @Nullable Reaction reaction(ConnectedAccount account, JsonNode message) {
        JsonNode chat = message.path("chat");
        String chatId = text(chat, "id");
        String messageId = text(message, "message_id");
        String text = text(message, "text");
        if (text == null) {
            text = text(message, "caption");
        }
        if (chatId == null || messageId == null || text == null) {
            return null;
        }
        JsonNode from = message.path("from");
        String author = text(from, "username");
        if (author == null) {
            author = text(from, "first_name");
        } else {
            author = "@" + author;
        }
        Long date = number(message, "date");
        Instant at = date == null ? Instant.now() : Instant.ofEpochSecond(date);
        JsonNode repliedTo = message.path("reply_to_message");
        Reaction.Kind kind;
        String inReplyTo = null;
        if ("private".equals(text(chat, "type"))) {
            kind = Reaction.Kind.DIRECT_MESSAGE;
        } else if (repliedTo.isObject()) {
            JsonNode origin = repliedTo.path("forward_origin");
            if (repliedTo.path("is_automatic_forward").asBoolean(false) && "channel".equals(text(origin, "type"))) {
                // A comment: the channel post it answers, by its id in the channel.
                kind = Reaction.Kind.COMMENT;
                inReplyTo = text(origin.path("chat"), "id") + ":" + text(origin, "message_id");
            } else {
                kind = Reaction.Kind.REPLY;
                inReplyTo = chatId + ":" + text(repliedTo, "message_id");
            }
        } else {
            kind = Reaction.Kind.MENTION;
        }
        return new Reaction(
                account.account().id(),
                chatId + ":" + messageId,
                kind,
                inReplyTo,
                author == null ? "" : author,
                text,
                at,
                messageUrl(chat, messageId));
    }

    private Published published(JsonNode message) {
        JsonNode chat = message.path("chat");
        String chatId = text(chat, "id");
        String messageId = text(message, "message_id");
        if (chatId == null || messageId == null) {
            throw new ConnectorException.UnknownOutcome("Telegram answered without the message's chat and id", null);
        }
        return new Published(chatId + ":" + messageId, messageUrl(chat, messageId));
    }

    private static @Nullable String messageUrl(JsonNode chat, String messageId) {
        String username = text(chat, "username");
        if (username != null) {
            return "https://t.me/" + username + "/" + messageId;
        }
        String id = text(chat, "id");
        return id != null && id.startsWith("-100") ? "https://t.me/c/" + id.substring(4) + "/" + messageId : null;
    }

    private static String kind(Post.Attachment attachment) {
        if (attachment.contentType().startsWith("image/")) {
            return "photo";
        }
        if (attachment.contentType().startsWith("video/")) {
            return "video";
        }
        throw new ConnectorException.Permanent(
                "Herald posts images and videos to Telegram, not " + attachment.contentType(), false, null);
    }

    private record Body(String contentType, HttpRequest.BodyPublisher publisher) {}

    private static Body json(ObjectNode body) {
        return new Body("application/json", HttpRequest.BodyPublishers.ofString(body.toString()));
    }

    private static Body multipart(Multipart form) {
        return new Body(form.contentType(), form.publisher());
    }

    /** Calls a Bot API method and returns its {@code result}; {@code ok: false} becomes the matching exception. */
    private JsonNode call(ConnectedAccount account, String method, Body body, Call kind) {
        URI uri = Forms.url(properties.apiUrl(), "/bot" + account.secret("botToken") + "/" + method, Map.of());
        PlatformResponse response = http.send(
                HttpRequest.newBuilder(uri)
                        .header("Content-Type", body.contentType())
                        .POST(body.publisher()),
                kind);
        if (!response.ok()) {
            throw error(response);
        }
        JsonNode answer = response.json();
        if (!answer.path("ok").asBoolean(false)) {
            throw error(response);
        }
        return answer.path("result");
    }

    /** {"ok": false, "error_code", "description", "parameters": {"retry_after"}}. */
    static ConnectorException error(PlatformResponse response) {
        JsonNode body = response.jsonOrEmpty();
        String description = text(body, "description");
        String explanation = description != null ? description : response.bodyExcerpt();
        Long code = number(body, "error_code");
        int status = code != null ? code.intValue() : response.status();
        if (status == 429 || status >= 500) {
            Long retryAfter = number(body.path("parameters"), "retry_after");
            Duration wait = retryAfter != null ? Duration.ofSeconds(retryAfter) : response.retryAfter(Instant.now());
            return new ConnectorException.Transient(explanation, wait, null);
        }
        return new ConnectorException.Permanent(explanation, status == 401 || status == 403, null);
    }

    /** {@code <chat id>:<message id>}. */
    record MessageRef(String chatId, long messageId) {
        static MessageRef parse(String externalId) {
            int colon = externalId.lastIndexOf(':');
            try {
                return new MessageRef(externalId.substring(0, colon), Long.parseLong(externalId.substring(colon + 1)));
            } catch (RuntimeException e) {
                throw new ConnectorException.Permanent("Not a Telegram message id: " + externalId, false, e);
            }
        }
    }
}
