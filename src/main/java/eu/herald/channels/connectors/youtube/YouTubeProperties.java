package eu.herald.channels.connectors.youtube;

import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * YouTube settings: the Data API's host (also the upload host), Google's token and authorisation endpoints, the
 * scopes asked for, the web address of videos, and time bounds (a video upload gets a longer read timeout).
 */
@ConfigurationProperties("herald.channels.youtube")
public record YouTubeProperties(
        @DefaultValue("https://www.googleapis.com") URI apiUrl,
        @DefaultValue("https://oauth2.googleapis.com/token") URI tokenUrl,

        @DefaultValue("https://accounts.google.com/o/oauth2/v2/auth")
        URI authorizeUrl,

        @DefaultValue(
                "https://www.googleapis.com/auth/youtube.upload https://www.googleapis.com/auth/youtube.force-ssl")
        String scopes,

        @DefaultValue("https://www.youtube.com") URI webUrl,
        @Nullable String clientId,
        @Nullable String clientSecret,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("30s") Duration readTimeout,
        @DefaultValue("10m") Duration uploadTimeout) {}
