package eu.herald.publishing;

import com.jayway.jsonpath.JsonPath;
import eu.herald.TestTokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Test data through Herald's own API, over real HTTP (so tests, the benchmark and browser tests share it): an
 * approved message of Ixelles with variants for the publishing channels, scheduled in a week of its own far ahead
 * (so that no other test's messages share its fatigue budget), and channel accounts.
 */
public final class PublishingFixtures {

    static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final JdbcClient jdbc;
    public final String communicator;
    public final String approver;
    public final String ixelles;

    public PublishingFixtures(String base, JdbcClient jdbc) {
        this.base = base;
        this.jdbc = jdbc;
        this.communicator = TestTokens.of(jdbc, "communicator@herald.test");
        this.approver = TestTokens.of(jdbc, "approver@herald.test");
        this.ixelles = jdbc.sql("SELECT id::text FROM accounts.organisation WHERE name_fr = 'Commune d''Ixelles'")
                .query(String.class)
                .single();
    }

    /** An approved message with a nl and a fr variant on each channel; its variants by "CHANNEL/lang". */
    public record ApprovedMessage(String id, Map<String, String> variants) {
        public String variant(String channel, String language) {
            String v = variants.get(channel + "/" + language);
            if (v == null) {
                throw new IllegalArgumentException("no variant " + channel + "/" + language);
            }
            return v;
        }
    }

    public ApprovedMessage approvedMessage(String title, List<String> channels) {
        String theme = jdbc.sql("SELECT id::text FROM campaigns.theme WHERE key = 'burglary'")
                .query(String.class)
                .single();
        String audience = jdbc.sql("SELECT id::text FROM audiences.audience WHERE active ORDER BY position LIMIT 1")
                .query(String.class)
                .single();
        LocalDate monday = LocalDate.now(BRUSSELS)
                .plusDays(ThreadLocalRandom.current().nextInt(400, 4000))
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        String campaign = JsonPath.read(
                call(
                        "POST",
                        communicator,
                        "/api/v1/campaigns",
                        """
                        {"organisationId": "%s", "title": "%s", "themeId": "%s", "objective": "Fewer burglaries",
                         "startsOn": "%s", "endsOn": "%s", "areas": ["21009"], "audiences": ["%s"]}""".formatted(ixelles, title, theme, LocalDate.now(BRUSSELS), monday.plusDays(20), audience),
                        201),
                "$.id");
        String message = JsonPath.read(
                call(
                        "POST",
                        communicator,
                        "/api/v1/campaigns/" + campaign + "/messages",
                        "{\"title\": \"" + title + "\", \"masterText\": \"Lock your door.\"}",
                        201),
                "$.id");
        for (String channel : channels) {
            variant(message, channel, "nl", dutch());
            variant(message, channel, "fr", french());
        }
        call("POST", communicator, "/api/v1/messages/" + message + "/submit", version(message), 200);
        call("POST", approver, "/api/v1/messages/" + message + "/approve", version(message), 200);
        String at = monday.atTime(10, 0).atZone(BRUSSELS).toInstant().toString();
        call(
                "POST",
                approver,
                "/api/v1/messages/" + message + "/schedule",
                "{\"version\": " + versionNumber(message) + ", \"at\": \"" + at + "\"}",
                200);
        Map<String, String> variants = new LinkedHashMap<>();
        jdbc.sql("SELECT id::text, channel, language FROM campaigns.variant WHERE message_id = ?::uuid")
                .param(message)
                .query((rs, n) -> variants.put(
                        rs.getString("channel") + "/" + rs.getString("language").toLowerCase(java.util.Locale.ROOT),
                        rs.getString("id")))
                .list();
        return new ApprovedMessage(message, variants);
    }

    /** A channel account of Ixelles through the channels API; its id. */
    public String account(String type, String name, Map<String, String> settings) {
        StringBuilder json = new StringBuilder("{");
        settings.forEach((k, v) -> json.append(json.length() > 1 ? ", " : "")
                .append('"')
                .append(k)
                .append("\": ")
                .append(quote(v)));
        json.append('}');
        String body = call(
                "POST",
                communicator,
                "/api/v1/channel-accounts",
                "{\"type\": \"" + type + "\", \"name\": " + quote(name) + ", \"organisationId\": \"" + ixelles
                        + "\", \"settings\": " + json + "}",
                201);
        return JsonPath.read(body, "$.id");
    }

    /** POSTs a delivery; the response body. */
    public String deliver(String variant, String account, String at, int expected) {
        return call(
                "POST",
                communicator,
                "/api/v1/variants/" + variant + "/deliveries",
                "{\"channelAccountId\": \"" + account + "\", \"at\": \"" + at + "\"}",
                expected);
    }

    public String get(String path) {
        return call("GET", communicator, path, null, 200);
    }

    private void variant(String message, String channel, String language, String text) {
        call(
                "PUT",
                communicator,
                "/api/v1/messages/" + message + "/variants",
                "{\"channel\": \"" + channel + "\", \"language\": \"" + language + "\", \"text\": " + quote(text)
                        + ", \"version\": " + versionNumber(message) + "}",
                200);
    }

    private String version(String message) {
        return "{\"version\": " + versionNumber(message) + "}";
    }

    private int versionNumber(String message) {
        return jdbc.sql("SELECT version FROM campaigns.message WHERE id = ?::uuid")
                .param(message)
                .query(Integer.class)
                .single();
    }

    /** Sends a request with a bearer token; fails unless the status is the expected one. */
    public String call(String method, String token, String path, String json, int expected) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Accept-Language", "en");
        if (json != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new AssertionError(method + " " + path + ": " + response.statusCode() + ", expected " + expected
                        + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    public static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    public static String dutch() {
        return "Sluit altijd je deur en ramen, ook als je even weg bent. Zo maak je het inbrekers moeilijk."
                + " Meer tips: https://www.elsene.be/preventie. Sociale media zijn geen noodlijn: bel bij nood 112,"
                + " anders 101.";
    }

    public static String french() {
        return "Fermez toujours votre porte et vos fenêtres, même pour une courte absence. Plus de conseils :"
                + " https://www.ixelles.be/prevention. Les réseaux sociaux ne sont pas une ligne d'urgence : en cas"
                + " d'urgence, appelez le 112, sinon le 101.";
    }
}
