package eu.herald.notifications.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A user's own notices: always the signed-in user's, never anyone else's. */
@Service
public class NoticeBoard {

    static final int SHOWN = 100;

    private final Notices notices;

    NoticeBoard(Notices notices) {
        this.notices = notices;
    }

    @Transactional(readOnly = true)
    public List<Notice> latest(UUID user) {
        return notices.forRecipient(user, SHOWN);
    }

    @Transactional(readOnly = true)
    public int unread(UUID user) {
        return notices.unread(user);
    }

    /** Marks the notice read and answers where it points, if it is the user's. */
    @Transactional
    public Optional<Notice> open(UUID user, UUID notice) {
        if (!notices.markRead(notice, user)) {
            return Optional.empty();
        }
        return notices.find(notice);
    }

    @Transactional
    public int readAll(UUID user) {
        return notices.markAllRead(user);
    }
}
