package eu.herald.inbox.domain;

import java.time.Duration;
import java.util.UUID;
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

    /**
     * Where a citizen's answer to an email about this organisation's inbox should go, so that it comes back to this
     * mailbox tagged with the organisation ({@code local+<organisation>@domain}, the mailbox being the IMAP user's
     * address); none while the mailbox is not configured or its user is not an email address.
     */
    public @Nullable String replyAddress(UUID organisation) {
        if (!configured() || user == null) {
            return null;
        }
        int at = user.indexOf('@');
        if (at <= 0 || at != user.lastIndexOf('@') || at == user.length() - 1) {
            return null;
        }
        String local = user.substring(0, at);
        int plus = local.indexOf('+');
        return (plus < 0 ? local : local.substring(0, plus)) + "+" + organisation + user.substring(at);
    }
}
