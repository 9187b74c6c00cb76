package eu.herald.channels.connectors.facebook;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Facebook settings: the Graph API's address and pinned version, the web address of posts, time bounds. */
@ConfigurationProperties("herald.channels.facebook")
record FacebookProperties(
        @DefaultValue("https://graph.facebook.com") URI apiUrl,
        @DefaultValue("v21.0") String version,
        @DefaultValue("https://www.facebook.com") URI webUrl,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("60s") Duration readTimeout) {}
