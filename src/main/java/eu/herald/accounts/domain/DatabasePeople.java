package eu.herald.accounts.domain;

import eu.herald.accounts.OrganisationId;
import eu.herald.accounts.People;
import eu.herald.accounts.Role;
import eu.herald.accounts.UserId;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** {@link People} from the users table. */
@Component
class DatabasePeople implements People {

    private final Users users;

    DatabasePeople(Users users) {
        this.users = users;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Person> byEmail(String email) {
        return users.findByEmail(email).map(u -> new Person(u.id(), u.displayName(), u.active()));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Contact> contact(UserId id) {
        return users.find(id).map(DatabasePeople::contact);
    }

    @Override
    @Transactional(readOnly = true)
    public List<Contact> holding(Role role, OrganisationId organisation) {
        return users.holding(role, organisation).stream()
                .map(DatabasePeople::contact)
                .toList();
    }

    private static Contact contact(User u) {
        return new Contact(u.id(), u.displayName(), u.email(), u.language(), u.active());
    }
}
