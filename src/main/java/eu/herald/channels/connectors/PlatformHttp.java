package eu.herald.channels.connectors;

import eu.herald.channels.ConnectorException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Sends a connector's requests with bounded time and turns what can go wrong on the way into the three
 * {@link ConnectorException}s: a connection that could not be made is {@code Transient} (nothing was sent); a timeout
 * or reset after a request that changes something was sent is {@code UnknownOutcome} (the platform may have acted); the
 * same on a read is {@code Transient}. Status codes are left to the connector, with {@link #failure} as the usual
 * mapping.
 */
public final class PlatformHttp {

    private final HttpClient client;
    private final Duration requestTimeout;
    private final Clock clock;

    public PlatformHttp(Duration connectTimeout, Duration requestTimeout) {
        this(connectTimeout, requestTimeout, Clock.systemUTC());
    }

    public PlatformHttp(Duration connectTimeout, Duration requestTimeout, Clock clock) {
        this.client = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.requestTimeout = requestTimeout;
        this.clock = clock;
    }

    /** An answer: status, headers and body as text. */
    public record Answer(int status, HttpHeaders headers, String body) {

        public boolean ok() {
            return status >= 200 && status < 300;
        }

        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }
    }

    /**
     * Sends {@code request}. {@code changesSomething}: whether a lost answer may hide a change on the platform (a post,
     * a reply, a deletion) — then a timeout is an unknown outcome.
     */
    public Answer send(HttpRequest.Builder request, boolean changesSomething) {
        HttpRequest built = request.timeout(requestTimeout).build();
        try {
            HttpResponse<String> response =
                    client.send(built, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(
                    response.statusCode(), response.headers(), response.body() == null ? "" : response.body());
        } catch (HttpConnectTimeoutException | ConnectException e) {
            throw new ConnectorException.Transient(
                    "The platform could not be reached (" + built.uri().getHost() + ")", null, e);
        } catch (IOException e) {
            if (e.getCause() instanceof UnresolvedAddressException) {
                throw new ConnectorException.Transient(
                        "The platform's address could not be resolved ("
                                + built.uri().getHost() + ")",
                        null,
                        e);
            }
            String what = e instanceof java.net.http.HttpTimeoutException
                    ? "No answer within " + requestTimeout.toSeconds() + " s"
                    : "The connection was lost before the answer ("
                            + e.getClass().getSimpleName() + ")";
            if (changesSomething) {
                throw new ConnectorException.UnknownOutcome(what + ": the platform may have acted on the request", e);
            }
            throw new ConnectorException.Transient(what, null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            if (changesSomething) {
                throw new ConnectorException.UnknownOutcome("Interrupted while waiting for the platform", e);
            }
            throw new ConnectorException.Transient("Interrupted while waiting for the platform", null, e);
        }
    }

    /**
     * The usual mapping of an unsuccessful answer: 401 → permanent, credentials rejected; 429 and 5xx → transient with
     * the platform's {@code Retry-After} (else the rate-limit reset); other 4xx → permanent with the platform's text.
     *
     * @param explanation the platform's own error text, taken from its error body
     */
    public ConnectorException failure(Answer answer, String explanation) {
        int status = answer.status();
        String text = explanation.isBlank() ? "HTTP " + status : explanation + " (HTTP " + status + ")";
        if (status == 401) {
            return new ConnectorException.Permanent(text, true, null);
        }
        if (status == 429 || status >= 500) {
            return new ConnectorException.Transient(text, retryAfter(answer), null);
        }
        if (status == 408) {
            return new ConnectorException.Transient(text, retryAfter(answer), null);
        }
        return new ConnectorException.Permanent(text, false, null);
    }

    /** {@code Retry-After} (seconds or an HTTP date), else the time until a rate-limit reset header, else null. */
    public @Nullable Duration retryAfter(Answer answer) {
        Optional<String> retryAfter = answer.header("Retry-After");
        if (retryAfter.isPresent()) {
            String value = retryAfter.get().strip();
            try {
                return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
            } catch (NumberFormatException e) {
                try {
                    Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME)
                            .toInstant();
                    return positive(Duration.between(clock.instant(), at));
                } catch (DateTimeParseException ignored) {
                    // fall through to the rate-limit reset
                }
            }
        }
        Instant reset = rateLimitReset(answer);
        return reset == null ? null : positive(Duration.between(clock.instant(), reset));
    }

    /** {@code X-RateLimit-Remaining} / {@code x-rate-limit-remaining}, if present and a number. */
    public static @Nullable Long rateLimitRemaining(Answer answer) {
        Optional<String> value =
                answer.header("X-RateLimit-Remaining").or(() -> answer.header("x-rate-limit-remaining"));
        try {
            return value.map(v -> Long.parseLong(v.strip())).orElse(null);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * {@code X-RateLimit-Reset} / {@code x-rate-limit-reset}: an ISO-8601 time (Mastodon) or epoch seconds (X,
     * Bluesky).
     */
    public static @Nullable Instant rateLimitReset(Answer answer) {
        Optional<String> value = answer.header("X-RateLimit-Reset").or(() -> answer.header("x-rate-limit-reset"));
        if (value.isEmpty()) {
            return null;
        }
        String v = value.get().strip();
        try {
            return Instant.ofEpochSecond(Long.parseLong(v));
        } catch (NumberFormatException e) {
            try {
                return OffsetDateTime.parse(v).toInstant();
            } catch (DateTimeParseException ignored) {
                return null;
            }
        }
    }

    private static Duration positive(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }
}
