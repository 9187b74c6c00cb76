package eu.herald.inbox.web;

import eu.herald.inbox.domain.InboxProperties;
import eu.herald.inbox.domain.Webhooks;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Webhooks that push reactions into the inbox. Public routes (no session, no token, no CSRF: they sit in the
 * stateless API chain), each checked by its signature before anything is read. A call is answered only once its
 * events are stored (duplicates count as stored); 503 if that does not happen in time, so the sender retries.
 */
@RestController
@Tag(name = "Inbox webhooks")
class WebhooksApi {

    private final Webhooks webhooks;
    private final InboxProperties properties;

    WebhooksApi(Webhooks webhooks, InboxProperties properties) {
        this.webhooks = webhooks;
        this.properties = properties;
    }

    @GetMapping(path = "/api/v1/inbox/webhooks/facebook", produces = MediaType.TEXT_PLAIN_VALUE)
    @Operation(summary = "Facebook's subscription handshake (hub.mode, hub.verify_token, hub.challenge)")
    ResponseEntity<String> facebookHandshake(
            @RequestParam(name = "hub.mode", required = false) @Nullable String mode,
            @RequestParam(name = "hub.verify_token", required = false) @Nullable String token,
            @RequestParam(name = "hub.challenge", required = false) @Nullable String challenge) {
        String answer = webhooks.verifyFacebook(mode, token, challenge);
        return answer == null
                ? ResponseEntity.status(HttpStatus.FORBIDDEN).build()
                : ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(answer);
    }

    @PostMapping(path = "/api/v1/inbox/webhooks/facebook")
    @Operation(summary = "Facebook Page events, signed with X-Hub-Signature-256")
    ResponseEntity<?> facebook(
            @RequestBody(required = false) byte @Nullable [] body,
            @RequestHeader(name = "X-Hub-Signature-256", required = false) @Nullable String signature) {
        return answer(webhooks.facebook(body == null ? new byte[0] : body, signature));
    }

    @PostMapping(path = "/api/v1/inbox/webhooks/organisations/{organisation}")
    @Operation(
            summary = "An organisation's signed webhook",
            description = "Headers X-Herald-Timestamp (epoch seconds) and X-Herald-Signature: sha256=<hex HMAC-SHA256"
                    + " of timestamp + '.' + body> with the organisation's webhook secret. Body: one event"
                    + " {id, author, text, kind?, channel?, inReplyTo?, url?, at?} or {events: [...]}.")
    ResponseEntity<?> generic(
            @PathVariable UUID organisation,
            @RequestBody(required = false) byte @Nullable [] body,
            @RequestHeader(name = "X-Herald-Timestamp", required = false) @Nullable String timestamp,
            @RequestHeader(name = "X-Herald-Signature", required = false) @Nullable String signature) {
        return answer(webhooks.generic(organisation, body == null ? new byte[0] : body, timestamp, signature));
    }

    private ResponseEntity<?> answer(Webhooks.Result result) {
        return switch (result) {
            case Webhooks.Result.Unsigned u ->
                ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
            case Webhooks.Result.Forged f ->
                ResponseEntity.status(HttpStatus.FORBIDDEN).build();
            case Webhooks.Result.Unreadable r -> ResponseEntity.badRequest().build();
            case Webhooks.Result.Accepted accepted -> {
                long deadline = System.nanoTime() + properties.commitTimeout().toNanos();
                int stored = 0;
                int duplicates = 0;
                try {
                    for (CompletableFuture<?> f : accepted.stored()) {
                        Object outcome = f.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                        if (outcome == eu.herald.inbox.domain.IntakeOutcome.STORED) {
                            stored++;
                        } else {
                            duplicates++;
                        }
                    }
                } catch (TimeoutException | ExecutionException e) {
                    yield ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).build();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    yield ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).build();
                }
                yield ResponseEntity.ok(Map.of("stored", stored, "duplicates", duplicates));
            }
        };
    }
}
