package eu.herald.channels.oauth;

import eu.herald.channels.ChannelType;
import eu.herald.channels.connectors.support.OAuth2Client;
import eu.herald.channels.connectors.x.XProperties;
import eu.herald.channels.connectors.youtube.YouTubeProperties;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/** The platforms connected by OAuth (X and YouTube), from their connectors' settings. */
@Component
class OAuthProviders {

    private final List<OAuthProvider> providers;

    @Autowired
    OAuthProviders(XProperties x, YouTubeProperties youtube) {
        this(List.of(
                new OAuthProvider(
                        ChannelType.X,
                        x.authorizeUrl(),
                        x.tokenUrl(),
                        x.clientId(),
                        x.clientSecret(),
                        x.scopes(),
                        OAuth2Client.ClientAuthentication.BASIC,
                        Map.of(),
                        x.connectTimeout(),
                        x.readTimeout()),
                new OAuthProvider(
                        ChannelType.YOUTUBE,
                        youtube.authorizeUrl(),
                        youtube.tokenUrl(),
                        youtube.clientId(),
                        youtube.clientSecret(),
                        youtube.scopes(),
                        OAuth2Client.ClientAuthentication.BODY,
                        Map.of("access_type", "offline", "prompt", "consent", "include_granted_scopes", "true"),
                        youtube.connectTimeout(),
                        youtube.readTimeout())));
    }

    OAuthProviders(List<OAuthProvider> providers) {
        this.providers = List.copyOf(providers);
    }

    /** The provider named by a URL's path segment ({@code x}, {@code youtube}). */
    Optional<OAuthProvider> bySlug(String slug) {
        return providers.stream().filter(p -> p.slug().equals(slug)).findFirst();
    }
}
