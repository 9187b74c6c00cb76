package eu.herald.channels.connectors.telegram;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Telegram settings: the Bot API's address and the time bounds of each call. */
@ConfigurationProperties("herald.channels.telegram")
record TelegramProperties(
        @DefaultValue("https://api.telegram.org") URI apiUrl,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("60s") Duration readTimeout) {}
