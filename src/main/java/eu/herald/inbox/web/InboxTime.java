package eu.herald.inbox.web;

import eu.herald.inbox.domain.InboxProperties;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Times on the inbox pages, in the inbox's time zone ({@code @inboxTime.format(...)} in templates). */
@Component("inboxTime")
public class InboxTime {

    private final DateTimeFormatter format;

    InboxTime(InboxProperties properties) {
        this.format = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(properties.zone());
    }

    public String format(@Nullable Instant at) {
        return at == null ? "" : format.format(at);
    }
}
