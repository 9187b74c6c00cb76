package eu.herald.accounts.domain;

import eu.herald.accounts.People;
import eu.herald.accounts.UserId;
import eu.herald.common.Language;
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
    public Optional<Language> preferredLanguage(UserId id) {
        return users.find(id).map(u -> u.language());
    }
}
