package eu.herald.channels.connectors.support;

import static eu.herald.channels.connectors.support.PlatformResponse.number;
import static eu.herald.channels.connectors.support.PlatformResponse.text;

import eu.herald.channels.ConnectorException;
import eu.herald.channels.connectors.support.PlatformHttp.Call;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * An OAuth 2.0 token endpoint (RFC 6749 §4.1.3 and §6, with PKCE's {@code code_verifier}, RFC 7636): exchanges an
 * authorisation code and refreshes an access token. A refused grant ({@code invalid_grant}, {@code invalid_client},
 * a 401) means the account must be connected again: {@link ConnectorException.Permanent} with rejected credentials
 * and the platform's {@code error_description}.
 */
public final class OAuth2Client {

    /** How the client proves itself: HTTP Basic (X's confidential clients) or in the form body (Google). */
    public enum ClientAuthentication {
        BASIC,
        BODY
    }

    /** New tokens; {@code refreshToken} is null when the platform kept the old one (Google). */
    public record Tokens(
            String accessToken,
            @Nullable String refreshToken,
            @Nullable Instant expiresAt) {}

    private final PlatformHttp http;
    private final URI tokenUrl;
    private final ClientAuthentication authentication;

    public OAuth2Client(PlatformHttp http, URI tokenUrl, ClientAuthentication authentication) {
        this.http = http;
        this.tokenUrl = tokenUrl;
        this.authentication = authentication;
    }

    public Tokens refresh(String clientId, @Nullable String clientSecret, String refreshToken) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", refreshToken);
        return request(form, clientId, clientSecret);
    }

    public Tokens exchange(
            String clientId, @Nullable String clientSecret, String code, String codeVerifier, String redirectUri) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", redirectUri);
        form.put("code_verifier", codeVerifier);
        return request(form, clientId, clientSecret);
    }

    private Tokens request(Map<String, String> form, String clientId, @Nullable String clientSecret) {
        HttpRequest.Builder request = HttpRequest.newBuilder(tokenUrl)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json");
        if (authentication == ClientAuthentication.BASIC && clientSecret != null) {
            String basic = Base64.getEncoder()
                    .encodeToString((clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
            request.header("Authorization", "Basic " + basic);
        } else {
            form.put("client_id", clientId);
            if (clientSecret != null) {
                form.put("client_secret", clientSecret);
            }
        }
        request.POST(HttpRequest.BodyPublishers.ofString(Forms.encode(form)));
        // A lost answer to a refresh may have rotated the token: asking again with the old one is the only way on.
        PlatformResponse response = http.send(request, Call.READ);
        if (!response.ok()) {
            throw refused(response);
        }
        JsonNode body = response.json();
        String access = text(body, "access_token");
        if (access == null) {
            throw new ConnectorException.UnknownOutcome(
                    http.platform() + " answered the token request without an access token", null);
        }
        Long expiresIn = number(body, "expires_in");
        return new Tokens(
                access,
                text(body, "refresh_token"),
                expiresIn == null ? null : Instant.now().plusSeconds(expiresIn));
    }

    private ConnectorException refused(PlatformResponse response) {
        JsonNode body = response.jsonOrEmpty();
        String description = text(body, "error_description");
        String error = text(body, "error");
        String explanation = description != null ? description : error != null ? error : response.bodyExcerpt();
        if (response.status() == 429 || response.status() >= 500) {
            return new ConnectorException.Transient(explanation, response.retryAfter(Instant.now()), null);
        }
        boolean credentials = response.status() == 401
                || "invalid_grant".equals(error)
                || "invalid_client".equals(error)
                || "unauthorized_client".equals(error)
                || "invalid_request".equals(error);
        return new ConnectorException.Permanent(explanation, credentials, null);
    }
}
