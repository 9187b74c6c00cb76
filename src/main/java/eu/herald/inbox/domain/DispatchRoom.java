package eu.herald.inbox.domain;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Posts an emergency to the organisation's dispatch-room webhook: a JSON body signed like Herald's generic webhook
 * ({@code X-Herald-Timestamp} and {@code X-Herald-Signature: sha256=} HMAC-SHA256 of {@code timestamp.body}).
 */
@Component
class DispatchRoom {

    private static final Logger log = LoggerFactory.getLogger(DispatchRoom.class);

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json;

    DispatchRoom(JsonMapper json) {
        this.json = json;
    }

    /** The JSON the dispatch room receives. */
    record Alert(
            String item,
            String organisation,
            String category,
            String channel,
            String language,
            String text,
            String receivedAt,
            String link) {}

    /** True if the dispatch room answered 2xx. */
    boolean send(String url, String secret, Alert alert) {
        try {
            byte[] body = json.writeValueAsString(alert).getBytes(StandardCharsets.UTF_8);
            String timestamp = Long.toString(Instant.now().getEpochSecond());
            HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .header("X-Herald-Timestamp", timestamp)
                    .header("X-Herald-Signature", Signatures.sign(secret, Signatures.genericPayload(timestamp, body)))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
            int status =
                    http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status / 100 != 2) {
                log.warn("The dispatch room answered {}", status);
                return false;
            }
            return true;
        } catch (java.io.IOException | IllegalArgumentException e) {
            log.warn("The dispatch room could not be reached: {}", e.getClass().getSimpleName());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
