package eu.herald.notifications.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A stored notice. */
public record Notice(
        UUID id,
        UUID recipient,
        String key,
        List<String> args,
        @Nullable String link,
        EmailState email,
        Instant createdAt,
        @Nullable Instant readAt) {

    public Notice {
        args = List.copyOf(args);
    }

    public boolean read() {
        return readAt != null;
    }
}
