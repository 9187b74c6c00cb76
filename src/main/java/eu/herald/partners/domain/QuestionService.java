package eu.herald.partners.domain;

import eu.herald.accounts.UserId;
import eu.herald.common.Actor;
import eu.herald.common.Language;
import eu.herald.common.NotFoundException;
import eu.herald.common.RefusedException;
import eu.herald.partners.GroupId;
import eu.herald.partners.QuestionChanged;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Questions and answers inside a group: its members (and the administrators of its organisation) ask and answer; the
 * asker or a coordinator accepts an answer; coordinators and administrators hide posts, which then exist only for
 * them. A question of a group the caller cannot read is not found.
 */
@Service
public class QuestionService {

    private final Questions questions;
    private final PartnerGroups groups;
    private final GroupService groupService;
    private final ApplicationEventPublisher events;

    QuestionService(
            Questions questions, PartnerGroups groups, GroupService groupService, ApplicationEventPublisher events) {
        this.questions = questions;
        this.groups = groups;
        this.groupService = groupService;
        this.events = events;
    }

    /** A question with its answers and what the caller may do. */
    public record Thread(
            Question question, PartnerGroup group, List<Answer> answers, boolean moderator, boolean canAccept) {}

    @Transactional(readOnly = true)
    public List<Question> questions(GroupId group, @Nullable String query) {
        PartnerGroup found = groupService.readable(group);
        return questions.inGroup(group, query, moderates(found));
    }

    @Transactional(readOnly = true)
    public Thread thread(UUID id) {
        Question question = readable(id);
        PartnerGroup group = groupService.readable(question.groupId());
        boolean moderator = moderates(group);
        return new Thread(
                question,
                group,
                questions.answers(id, moderator),
                moderator,
                moderator || isCaller(question.askerId()));
    }

    @Transactional
    public Question ask(GroupId group, String title, String body, Language language) {
        PartnerGroup found = groupService.readable(group);
        if (title.isBlank()) {
            throw new RefusedException("partners.question.titleRequired");
        }
        Actor actor = Actor.current();
        Question question = new Question(
                UUID.randomUUID(),
                group,
                GroupService.currentUser().value(),
                actor.name(),
                title.strip(),
                body.strip(),
                language,
                null,
                false,
                Instant.now(),
                0);
        questions.insert(question);
        events.publishEvent(new QuestionChanged(
                actor,
                QuestionChanged.Change.ASKED,
                question.id(),
                found.organisationId().value(),
                Map.of(),
                Map.of("group", group.toString(), "title", question.title())));
        return question;
    }

    @Transactional
    public Answer answer(UUID questionId, String body) {
        Question question = readable(questionId);
        PartnerGroup group = groupService.readable(question.groupId());
        if (body.isBlank()) {
            throw new RefusedException("partners.answer.bodyRequired");
        }
        Actor actor = Actor.current();
        Answer answer = new Answer(
                UUID.randomUUID(),
                questionId,
                GroupService.currentUser().value(),
                actor.name(),
                body.strip(),
                false,
                Instant.now());
        questions.insert(answer);
        events.publishEvent(new QuestionChanged(
                actor,
                QuestionChanged.Change.ANSWERED,
                questionId,
                group.organisationId().value(),
                Map.of(),
                Map.of("answer", answer.id().toString())));
        return answer;
    }

    @Transactional
    public void accept(UUID questionId, UUID answerId) {
        Thread thread = thread(questionId);
        if (!thread.canAccept()) {
            throw new RefusedException("partners.answer.notAsker");
        }
        Answer answer = thread.answers().stream()
                .filter(a -> a.id().equals(answerId) && !a.hidden())
                .findFirst()
                .orElseThrow(() -> new NotFoundException("answer"));
        questions.accept(questionId, answer.id());
        events.publishEvent(new QuestionChanged(
                Actor.current(),
                QuestionChanged.Change.ACCEPTED,
                questionId,
                thread.group().organisationId().value(),
                thread.question().acceptedAnswerId() == null
                        ? Map.of()
                        : Map.of("answer", thread.question().acceptedAnswerId().toString()),
                Map.of("answer", answer.id().toString())));
    }

    @Transactional
    public void hideQuestion(UUID questionId) {
        Thread thread = moderated(questionId);
        questions.hideQuestion(questionId);
        events.publishEvent(new QuestionChanged(
                Actor.current(),
                QuestionChanged.Change.HIDDEN,
                questionId,
                thread.group().organisationId().value(),
                Map.of("hidden", false),
                Map.of("hidden", true)));
    }

    /** Hides an answer; returns its question. */
    @Transactional
    public UUID hideAnswer(UUID answerId) {
        Answer answer = questions.answer(answerId).orElseThrow(() -> new NotFoundException("answer"));
        Thread thread = moderated(answer.questionId());
        questions.hideAnswer(answerId);
        events.publishEvent(new QuestionChanged(
                Actor.current(),
                QuestionChanged.Change.HIDDEN,
                answer.questionId(),
                thread.group().organisationId().value(),
                Map.of("answer", answerId.toString(), "hidden", false),
                Map.of("answer", answerId.toString(), "hidden", true)));
        return answer.questionId();
    }

    /** Who to tell that a question was answered: the asker's address in the group, unless they answered it. */
    @Transactional(readOnly = true)
    public @Nullable Notification notification(UUID questionId, UUID answerId) {
        Question question = questions.find(questionId).orElse(null);
        Answer answer = questions.answer(answerId).orElse(null);
        if (question == null || answer == null || answer.authorId().equals(question.askerId())) {
            return null;
        }
        return groups.email(question.groupId(), new UserId(question.askerId()))
                .map(email -> new Notification(email, question, answer.authorName()))
                .orElse(null);
    }

    /** An email to send. */
    public record Notification(String email, Question question, String answeredBy) {}

    private Thread moderated(UUID questionId) {
        Thread thread = thread(questionId);
        if (!thread.moderator()) {
            throw new RefusedException("partners.question.notCoordinator");
        }
        return thread;
    }

    private Question readable(UUID id) {
        Question question = questions.find(id).orElseThrow(() -> new NotFoundException("question"));
        PartnerGroup group = groupService.readable(question.groupId());
        if (question.hidden() && !moderates(group)) {
            throw new NotFoundException("question");
        }
        return question;
    }

    /** Coordinators of the group and administrators of its organisation moderate it. */
    private boolean moderates(PartnerGroup group) {
        return groupService.manages(group)
                || groups.memberships(GroupService.currentUser()).stream()
                        .anyMatch(m -> m.group().id().equals(group.id()) && m.coordinator());
    }

    private static boolean isCaller(UUID user) {
        return user.equals(GroupService.currentUser().value());
    }
}
