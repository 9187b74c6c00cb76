package eu.herald.notifications.web;

import eu.herald.common.Actor;
import eu.herald.notifications.internal.NoticeBoard;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The number of unread notices, for the link in every page's header. */
@ControllerAdvice(annotations = Controller.class)
class UnreadNoticesAdvice {

    private final NoticeBoard board;

    UnreadNoticesAdvice(NoticeBoard board) {
        this.board = board;
    }

    @ModelAttribute("unreadNotices")
    @Nullable
    Integer unreadNotices() {
        UUID user = Actor.current().userId();
        return user == null ? null : board.unread(user);
    }
}
