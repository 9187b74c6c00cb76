package eu.herald.channels.domain;

import eu.herald.accounts.OrganisationId;
import eu.herald.accounts.People;
import eu.herald.accounts.Role;
import eu.herald.accounts.UserId;
import eu.herald.notifications.Notice;
import eu.herald.notifications.Notifications;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Tells an account's owners (the ADMINs and COMMUNICATORs of its organisation) in-app and by email. */
@Component
class Owners {

    private static final Logger log = LoggerFactory.getLogger(Owners.class);

    private final People people;
    private final ObjectProvider<Notifications> notifications;

    Owners(People people, ObjectProvider<Notifications> notifications) {
        this.people = people;
        this.notifications = notifications;
    }

    Set<UserId> of(OrganisationId organisation) {
        Set<UserId> owners = new LinkedHashSet<>();
        for (Role role : List.of(Role.ADMIN, Role.COMMUNICATOR)) {
            people.holding(role, organisation).forEach(contact -> owners.add(contact.id()));
        }
        return owners;
    }

    /** Joins the caller's transaction: the in-app notice is stored with the change that caused it. */
    void tell(OrganisationId organisation, String key, List<String> args, String link) {
        Set<UserId> owners = of(organisation);
        if (owners.isEmpty()) {
            log.warn("A channel account of organisation {} has no owner to tell ({})", organisation, key);
            return;
        }
        Notifications sender = notifications.getIfAvailable();
        if (sender == null) {
            log.warn(
                    "No notifications module in this build: owners of organisation {} not told ({})",
                    organisation,
                    key);
            return;
        }
        sender.notify(new Notice(owners, key, args, link, true));
    }
}
