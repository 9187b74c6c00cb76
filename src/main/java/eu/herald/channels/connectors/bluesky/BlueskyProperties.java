package eu.herald.channels.connectors.bluesky;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Bluesky settings: the PDS used when an account names none, the web app that shows posts, and the time bounds of
 * each call.
 */
@ConfigurationProperties("herald.channels.bluesky")
record BlueskyProperties(
        @DefaultValue("https://bsky.social") URI serviceUrl,
        @DefaultValue("https://bsky.app") URI appUrl,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("30s") Duration readTimeout) {}
