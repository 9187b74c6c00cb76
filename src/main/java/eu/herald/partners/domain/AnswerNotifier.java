package eu.herald.partners.domain;

import eu.herald.common.HeraldProperties;
import eu.herald.common.Mailer;
import eu.herald.partners.QuestionChanged;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Emails the asker when their question is answered, once the answer is committed, in the question's language. The
 * email names who answered and links to the thread; the answer itself stays in the closed portal.
 */
@Component
class AnswerNotifier {

    private final QuestionService questions;
    private final Mailer mailer;
    private final MessageSource messages;
    private final HeraldProperties herald;

    AnswerNotifier(QuestionService questions, Mailer mailer, MessageSource messages, HeraldProperties herald) {
        this.questions = questions;
        this.mailer = mailer;
        this.messages = messages;
        this.herald = herald;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(QuestionChanged event) {
        if (event.change() != QuestionChanged.Change.ANSWERED) {
            return;
        }
        Object answer = event.after().get("answer");
        if (answer == null) {
            return;
        }
        QuestionService.Notification notification =
                questions.notification(event.question(), UUID.fromString(answer.toString()));
        if (notification == null) {
            return;
        }
        var locale = notification.question().language().locale();
        String link = herald.publicBaseUrl().toString().replaceAll("/$", "") + "/partners/questions/"
                + notification.question().id();
        mailer.send(
                notification.email(),
                messages.getMessage(
                        "partners.mail.answered.subject",
                        new Object[] {notification.question().title()},
                        locale),
                messages.getMessage(
                        "partners.mail.answered.body",
                        new Object[] {
                            notification.answeredBy(), notification.question().title(), link
                        },
                        locale));
    }
}
