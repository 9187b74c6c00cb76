package eu.herald.inbox.domain;

import eu.herald.publishing.PostPublished;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Keeps every post Herald published, so that reactions to it show the post they answer. */
@Component
class ThreadContext {

    private final Conversations conversations;

    ThreadContext(Conversations conversations) {
        this.conversations = conversations;
    }

    @ApplicationModuleListener
    void on(PostPublished post) {
        conversations.post(
                post.account().value(),
                post.externalId(),
                post.delivery().value(),
                post.organisation().value(),
                post.campaign().value(),
                post.message().value(),
                post.language().code(),
                post.text(),
                post.url(),
                post.publishedAt());
    }
}
