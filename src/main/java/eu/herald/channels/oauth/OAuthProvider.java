package eu.herald.channels.oauth;

import eu.herald.channels.ChannelType;
import eu.herald.channels.connectors.support.OAuth2Client;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One platform's OAuth client as configured on this Herald: where owners authorise, where codes are exchanged, the
 * client's id (and secret for confidential clients), the scopes, how the client authenticates, and any extra
 * authorisation parameters (Google needs {@code access_type=offline} to give a refresh token).
 */
record OAuthProvider(
        ChannelType type,
        URI authorizeUrl,
        URI tokenUrl,
        @Nullable String clientId,
        @Nullable String clientSecret,
        String scopes,
        OAuth2Client.ClientAuthentication authentication,
        Map<String, String> extraParameters,
        Duration connectTimeout,
        Duration readTimeout) {

    /** The path segment naming the platform in the flow's URLs: {@code x}, {@code youtube}. */
    String slug() {
        return type.name().toLowerCase(java.util.Locale.ROOT);
    }
}
