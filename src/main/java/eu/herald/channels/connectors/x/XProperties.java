package eu.herald.channels.connectors.x;

import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * X settings: the API's address (its token endpoint is {@code apiUrl}/2/oauth2/token), the web address posts are
 * shown at, where people authorise Herald, and the time bounds of each call.
 */
@ConfigurationProperties("herald.channels.x")
public record XProperties(
        @DefaultValue("https://api.x.com") URI apiUrl,
        @DefaultValue("https://x.com") URI webUrl,
        @DefaultValue("https://x.com/i/oauth2/authorize") URI authorizeUrl,

        @DefaultValue("tweet.read tweet.write users.read media.write offline.access tweet.moderate.write")
        String scopes,

        @Nullable String clientId,
        @Nullable String clientSecret,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("30s") Duration readTimeout) {

    public URI tokenUrl() {
        return URI.create(apiUrl.toString().replaceAll("/+$", "") + "/2/oauth2/token");
    }
}
