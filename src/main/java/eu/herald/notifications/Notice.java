package eu.herald.notifications;

import eu.herald.accounts.UserId;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Something to tell people. The texts are message keys of the sending module's bundle, rendered in each recipient's
 * language: {@code key + ".subject"} (one line, also the in-app title) and {@code key + ".body"} (the email text and
 * the in-app detail), both with {@code args} as {0}, {1}… Arguments must not carry secrets; they are stored.
 *
 * @param recipients who is told (inactive users are skipped)
 * @param key the message key prefix, e.g. {@code publishing.notice.failed}
 * @param args the arguments of both texts
 * @param link a path inside Herald where the matter can be handled, e.g. {@code /deliveries/…}; may be null
 * @param email whether an email is sent besides the in-app notice
 */
public record Notice(
        Set<UserId> recipients,
        String key,
        List<String> args,
        @Nullable String link,
        boolean email) {

    public Notice {
        recipients = Set.copyOf(recipients);
        args = List.copyOf(args);
    }
}
