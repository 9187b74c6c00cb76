package eu.herald.inbox.domain;

import eu.herald.accounts.OrganisationId;
import eu.herald.accounts.People;
import eu.herald.accounts.Role;
import eu.herald.accounts.UserId;
import eu.herald.notifications.Notice;
import eu.herald.notifications.Notifications;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Tells moderators: the organisation's on-duty moderators if any marked themselves on duty, else every moderator of
 * the organisation (through {@link People#holding}). In-app and by email.
 */
@Component
class Alerts {

    private final Conversations conversations;
    private final People people;
    private final Notifications notifications;

    Alerts(Conversations conversations, People people, Notifications notifications) {
        this.conversations = conversations;
        this.people = people;
        this.notifications = notifications;
    }

    /** Who is told about {@code organisation}'s emergencies and breaches. */
    Set<UserId> moderators(UUID organisation) {
        Set<UserId> recipients = new LinkedHashSet<>();
        conversations.onDuty(organisation).forEach(u -> recipients.add(new UserId(u)));
        if (recipients.isEmpty()) {
            people.holding(Role.MODERATOR, new OrganisationId(organisation)).stream()
                    .filter(People.Contact::active)
                    .forEach(c -> recipients.add(c.id()));
        }
        return recipients;
    }

    /** Sends the notice {@code key} (with {@code .subject} and {@code .body} in the inbox bundle). */
    void tell(UUID organisation, String key, List<String> args, String link) {
        Set<UserId> recipients = moderators(organisation);
        if (!recipients.isEmpty()) {
            notifications.notify(new Notice(recipients, key, args, link, true));
        }
    }
}
