package eu.herald.campaigns.domain;

import eu.herald.accounts.UserId;
import eu.herald.campaigns.MessageChanged;
import eu.herald.notifications.Notice;
import eu.herald.notifications.Notifications;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * When a federal template's text changes, the authors of the messages adopted from it are told (in-app and by email):
 * their message's page shows the differences, and they decide whether to follow.
 */
@Component
class TemplateChangeNotifier {

    private final Messages messages;
    private final Notifications notifications;

    TemplateChangeNotifier(Messages messages, Notifications notifications) {
        this.messages = messages;
        this.notifications = notifications;
    }

    @ApplicationModuleListener
    void on(MessageChanged event) {
        if (event.change() != MessageChanged.Change.EDITED) {
            return;
        }
        messages.find(event.message()).filter(Message::template).ifPresent(template -> {
            for (Message adopted : messages.adoptionsOf(template.id())) {
                Set<UserId> people = new LinkedHashSet<>();
                people.add(new UserId(adopted.authorId()));
                if (adopted.approverId() != null) {
                    people.add(new UserId(adopted.approverId()));
                }
                notifications.notify(new Notice(
                        people,
                        "campaigns.notice.templateChanged",
                        List.of(template.title(), adopted.title()),
                        "/messages/" + adopted.id(),
                        true));
            }
        });
    }
}
