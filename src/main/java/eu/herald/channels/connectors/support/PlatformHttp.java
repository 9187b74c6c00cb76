package eu.herald.channels.connectors.support;

import eu.herald.channels.ConnectorException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * Sends one request to a platform with a connect timeout and a read timeout, and tells apart what a fault means for
 * a post: nothing was sent (refused or unreachable: {@link ConnectorException.Transient}), or the request may have
 * reached the platform before the answer was lost ({@link ConnectorException.UnknownOutcome} for a call that
 * changes something, {@link ConnectorException.Transient} for a read). Redirects are not followed. Status codes are
 * left to the connector, most of which read the platform's own error body; {@link #failure} is the usual mapping for
 * the others. Nothing here logs; explanations name the platform, the fault and at most the host, never a path or
 * query (Telegram puts its token there), a header or a body.
 */
public final class PlatformHttp {

    /** Whether a lost answer leaves the platform's state unknown (a write) or just needs asking again (a read). */
    public enum Call {
        READ,
        WRITE
    }

    private final String platform;
    private final HttpClient client;
    private final Duration readTimeout;

    public PlatformHttp(String platform, Duration connectTimeout, Duration readTimeout) {
        this.platform = platform;
        this.readTimeout = readTimeout;
        this.client = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public String platform() {
        return platform;
    }

    /** Sends the request (its timeout set here) and returns whatever status the platform answered. */
    public PlatformResponse send(HttpRequest.Builder request, Call call) {
        HttpRequest built = request.timeout(readTimeout).build();
        try {
            HttpResponse<byte[]> response = client.send(built, HttpResponse.BodyHandlers.ofByteArray());
            return new PlatformResponse(
                    platform,
                    response.statusCode(),
                    response.headers(),
                    new String(response.body(), StandardCharsets.UTF_8));
        } catch (HttpConnectTimeoutException | ConnectException e) {
            throw new ConnectorException.Transient(platform + " could not be reached: " + describe(e), null, e);
        } catch (HttpTimeoutException e) {
            throw lost(call, platform + " did not answer within " + readTimeout.toMillis() + " ms", e);
        } catch (IOException e) {
            if (e.getCause() instanceof UnresolvedAddressException) {
                throw new ConnectorException.Transient(
                        platform + "'s address could not be resolved ("
                                + built.uri().getHost() + ")",
                        null,
                        e);
            }
            throw lost(call, "The connection to " + platform + " broke: " + describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw lost(call, "Interrupted while waiting for " + platform, e);
        }
    }

    /**
     * The usual mapping of an unsuccessful answer: 401 → permanent, credentials rejected; 408, 429 and 5xx → transient
     * with the platform's {@code Retry-After} (else its {@code X-RateLimit-Reset}); other 4xx → permanent.
     *
     * @param explanation the platform's own error text, taken from its error body (may be blank)
     */
    public ConnectorException failure(PlatformResponse response, String explanation) {
        int status = response.status();
        String text = explanation.isBlank() ? "HTTP " + status : explanation + " (HTTP " + status + ")";
        if (status == 401) {
            return new ConnectorException.Permanent(text, true, null);
        }
        if (status == 408 || status == 429 || status >= 500) {
            Instant now = Instant.now();
            Duration wait = response.retryAfter(now);
            return new ConnectorException.Transient(
                    text, wait != null ? wait : RateLimitHeaders.X_RATE_LIMIT.untilReset(response, now), null);
        }
        return new ConnectorException.Permanent(text, false, null);
    }

    private ConnectorException lost(Call call, String explanation, Exception cause) {
        return call == Call.WRITE
                ? new ConnectorException.UnknownOutcome(explanation + " (the request may have been carried out)", cause)
                : new ConnectorException.Transient(explanation, null, cause);
    }

    private static String describe(Exception e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
