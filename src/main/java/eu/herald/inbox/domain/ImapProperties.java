package eu.herald.inbox.domain;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The mailbox receiving replies to Herald's emails ({@code HERALD_IMAP_HOST}, {@code _PORT}, {@code _USER},
 * {@code _PASSWORD}, {@code _SSL}, {@code _FOLDER}); off while no host is set.
 */
@ConfigurationProperties("herald.imap")
public record ImapProperties(
        @Nullable String host,
        @DefaultValue("993") int port,
        @Nullable String user,
        @Nullable String password,
        @DefaultValue("true") boolean ssl,
        @DefaultValue("INBOX") String folder,
        @DefaultValue("10s") Duration timeout) {

    public boolean configured() {
        return host != null && !host.isBlank();
    }
}
