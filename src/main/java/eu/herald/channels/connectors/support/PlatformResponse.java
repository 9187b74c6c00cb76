package eu.herald.channels.connectors.support;

import eu.herald.channels.ConnectorException;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A platform's answer: status, headers and body as text. */
public record PlatformResponse(String platform, int status, HttpHeaders headers, String body) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    public @Nullable String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    /** The body as JSON; an unreadable body is an unknown outcome (the platform may have done what was asked). */
    public JsonNode json() {
        try {
            JsonNode node = JSON.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw new ConnectorException.UnknownOutcome(
                        platform + " answered " + status + " with an empty body where JSON was expected", null);
            }
            return node;
        } catch (JacksonException e) {
            throw new ConnectorException.UnknownOutcome(
                    platform + " answered " + status + " with a body that is not valid JSON", e);
        }
    }

    /** The body as JSON when it is, for reading an error's explanation; an empty object otherwise. */
    public JsonNode jsonOrEmpty() {
        try {
            JsonNode node = JSON.readTree(body);
            return node == null ? JSON.createObjectNode() : node;
        } catch (JacksonException e) {
            return JSON.createObjectNode();
        }
    }

    /** {@code Retry-After} as seconds or as an HTTP date (RFC 9110 §10.2.3), if present. */
    public @Nullable Duration retryAfter(Instant now) {
        String value = header("Retry-After");
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim())));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant();
                return nonNegative(Duration.between(now, at));
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
    }

    /** A short text of the body for an explanation when the platform gave no structured error. */
    public String bodyExcerpt() {
        String trimmed = body.strip();
        if (trimmed.isEmpty()) {
            return platform + " answered " + status;
        }
        return platform + " answered " + status + ": "
                + (trimmed.length() > 300 ? trimmed.substring(0, 300) + "…" : trimmed);
    }

    private static Duration nonNegative(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }

    /** The text of a field, or null when it is absent, null or not a scalar. */
    public static @Nullable String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() ? value.asString() : null;
    }

    /** The number in a field, or null when it is absent or not a number. */
    public static @Nullable Long number(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isNumber() ? value.asLong() : null;
    }

    public static JsonMapper mapper() {
        return JSON;
    }
}
