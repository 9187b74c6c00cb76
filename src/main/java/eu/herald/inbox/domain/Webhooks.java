package eu.herald.inbox.domain;

import eu.herald.accounts.Access;
import eu.herald.accounts.OrganisationId;
import eu.herald.channels.ChannelAccount;
import eu.herald.channels.ChannelAccountId;
import eu.herald.channels.ChannelGateway;
import eu.herald.channels.ChannelType;
import eu.herald.common.Channel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The pushed sources: Facebook Page webhooks and each organisation's generic signed webhook. Signatures are checked
 * before anything is read; refusals are logged without the body.
 */
@Service
public class Webhooks {

    private static final Logger log = LoggerFactory.getLogger(Webhooks.class);
    private static final long KNOWN_NANOS = Duration.ofMinutes(1).toNanos();

    private record Known(boolean active, long at) {}

    private final Intake intake;
    private final SettingsStore settings;
    private final ChannelGateway gateway;
    private final Access access;
    private final JsonMapper json;
    private final InboxProperties properties;
    private final Map<UUID, Known> known = new ConcurrentHashMap<>();

    Webhooks(
            Intake intake,
            SettingsStore settings,
            ChannelGateway gateway,
            Access access,
            JsonMapper json,
            InboxProperties properties) {
        this.intake = intake;
        this.settings = settings;
        this.gateway = gateway;
        this.access = access;
        this.json = json;
        this.properties = properties;
    }

    /** What a webhook call came to. */
    public sealed interface Result {
        /** Signed correctly; the futures complete when the events are stored. */
        record Accepted(List<CompletableFuture<IntakeOutcome>> stored) implements Result {}

        /** No signature (or no timestamp): 401. */
        record Unsigned() implements Result {}

        /** A wrong or stale signature: 403. */
        record Forged() implements Result {}

        /** A signed body Herald cannot read: 400. */
        record Unreadable() implements Result {}
    }

    /** Facebook's subscription handshake: the challenge if the verify token is right, else null. */
    public @Nullable String verifyFacebook(@Nullable String mode, @Nullable String token, @Nullable String challenge) {
        InboxProperties.Facebook facebook = properties.facebook();
        if (!facebook.configured() || !"subscribe".equals(mode) || token == null || challenge == null) {
            return null;
        }
        boolean same = java.security.MessageDigest.isEqual(
                facebook.token().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                token.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return same ? challenge : null;
    }

    /**
     * A Facebook Page event (comments on the page's posts, and Messenger messages), signed with
     * {@code X-Hub-Signature-256}.
     */
    public Result facebook(byte[] body, @Nullable String signature) {
        InboxProperties.Facebook facebook = properties.facebook();
        if (signature == null || signature.isBlank()) {
            log.warn("Refused a Facebook webhook call: no signature");
            return new Result.Unsigned();
        }
        if (!facebook.configured() || !Signatures.verifyHub(facebook.secret(), body, signature)) {
            log.warn("Refused a Facebook webhook call: wrong signature");
            return new Result.Forged();
        }
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (RuntimeException e) {
            return new Result.Unreadable();
        }
        List<CompletableFuture<IntakeOutcome>> stored = new ArrayList<>();
        for (JsonNode entry : root.path("entry")) {
            String page = entry.path("id").asString("");
            Optional<UUID> organisation = settings.byFacebookPage(page);
            if (organisation.isEmpty()) {
                log.info("A Facebook webhook event for a page no organisation claims was skipped");
                continue;
            }
            ChannelAccountId account = gateway.accounts(new OrganisationId(organisation.get())).stream()
                    .filter(a -> a.type() == ChannelType.FACEBOOK && a.active())
                    .map(ChannelAccount::id)
                    .findFirst()
                    .orElse(null);
            for (JsonNode change : entry.path("changes")) {
                JsonNode value = change.path("value");
                if (!"feed".equals(change.path("field").asString(""))
                        || !"comment".equals(value.path("item").asString(""))
                        || !"add".equals(value.path("verb").asString(""))) {
                    continue;
                }
                String postId = value.path("post_id").asString("");
                String parent = value.path("parent_id").asString(postId);
                stored.add(intake.receive(new Incoming(
                        new OrganisationId(organisation.get()),
                        "facebook:" + page,
                        account,
                        Channel.FACEBOOK,
                        value.path("comment_id").asString(""),
                        parent.equals(postId) ? ItemKind.COMMENT : ItemKind.REPLY,
                        postId.isEmpty() ? null : postId,
                        value.path("from").path("name").asString("?"),
                        null,
                        value.path("message").asString(""),
                        null,
                        epoch(value.path("created_time")))));
            }
            for (JsonNode messaging : entry.path("messaging")) {
                JsonNode message = messaging.path("message");
                if (message.isMissingNode() || message.path("is_echo").asBoolean(false)) {
                    continue;
                }
                stored.add(intake.receive(new Incoming(
                        new OrganisationId(organisation.get()),
                        "facebook:" + page,
                        account,
                        Channel.FACEBOOK,
                        message.path("mid").asString(""),
                        ItemKind.DIRECT_MESSAGE,
                        null,
                        messaging.path("sender").path("id").asString("?"),
                        null,
                        message.path("text").asString(""),
                        null,
                        epochMillis(messaging.path("timestamp")))));
            }
        }
        return new Result.Accepted(stored);
    }

    /**
     * An organisation's generic webhook: one event or {@code {"events": [...]}}, each
     * {@code {"id", "author", "text", "kind"?, "channel"?, "inReplyTo"?, "url"?, "at"?}}.
     */
    public Result generic(UUID organisation, byte[] body, @Nullable String timestamp, @Nullable String signature) {
        if (timestamp == null || signature == null) {
            log.warn("Refused a generic webhook call: no signature");
            return new Result.Unsigned();
        }
        if (!known(organisation)) {
            log.warn("Refused a generic webhook call: unknown organisation");
            return new Result.Forged();
        }
        String secret = settings.of(organisation).webhookSecret();
        if (secret == null) {
            // the stored secret does not open (changed in the database, or another HERALD_SECRET_KEY): fail closed
            log.warn("Refused a generic webhook call: the organisation's secret does not open and must be renewed");
            return new Result.Forged();
        }
        Signatures.Check check =
                Signatures.verifyGeneric(secret, body, timestamp, signature, Instant.now(), properties.replayWindow());
        switch (check) {
            case VALID -> {}
            case MISSING -> {
                log.warn("Refused a generic webhook call: no signature");
                return new Result.Unsigned();
            }
            case STALE, WRONG -> {
                log.warn(
                        "Refused a generic webhook call: {} signature",
                        check == Signatures.Check.STALE ? "stale" : "wrong");
                return new Result.Forged();
            }
        }
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (RuntimeException e) {
            return new Result.Unreadable();
        }
        List<JsonNode> events = new ArrayList<>();
        if (root.has("events")) {
            root.path("events").forEach(events::add);
        } else {
            events.add(root);
        }
        List<Incoming> incoming = new ArrayList<>();
        for (JsonNode event : events) {
            String id = event.path("id").asString("");
            String text = event.path("text").asString("");
            if (id.isBlank() || text.isBlank() || events.size() > 1000) {
                return new Result.Unreadable();
            }
            Channel channel;
            ItemKind kind;
            try {
                channel = Channel.valueOf(event.path("channel").asString("WEBSITE"));
                kind = ItemKind.valueOf(event.path("kind").asString("COMMENT"));
            } catch (IllegalArgumentException e) {
                return new Result.Unreadable();
            }
            Instant at;
            try {
                at = event.has("at") ? Instant.parse(event.path("at").asString()) : Instant.now();
            } catch (java.time.format.DateTimeParseException e) {
                return new Result.Unreadable();
            }
            incoming.add(new Incoming(
                    new OrganisationId(organisation),
                    "webhook:" + organisation,
                    null,
                    channel,
                    id,
                    kind,
                    event.hasNonNull("inReplyTo") ? event.path("inReplyTo").asString() : null,
                    event.path("author").asString("?"),
                    event.hasNonNull("email") ? event.path("email").asString() : null,
                    text,
                    event.hasNonNull("url") ? event.path("url").asString() : null,
                    at));
        }
        return new Result.Accepted(incoming.stream().map(intake::receive).toList());
    }

    private boolean known(UUID organisation) {
        Known k = known.get(organisation);
        if (k == null || System.nanoTime() - k.at() > KNOWN_NANOS) {
            boolean active = access.organisation(new OrganisationId(organisation))
                    .map(o -> o.active())
                    .orElse(false);
            k = new Known(active, System.nanoTime());
            known.put(organisation, k);
        }
        return k.active();
    }

    private static Instant epoch(JsonNode seconds) {
        return seconds.isNumber() ? Instant.ofEpochSecond(seconds.asLong()) : Instant.now();
    }

    private static Instant epochMillis(JsonNode millis) {
        return millis.isNumber() ? Instant.ofEpochMilli(millis.asLong()) : Instant.now();
    }
}
