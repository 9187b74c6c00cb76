package eu.herald.partners.domain;

import eu.herald.common.Language;
import eu.herald.partners.GroupId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Questions and answers of the partner groups. */
@Repository
class Questions {

    private static final String SELECT =
            "SELECT q.*, (SELECT count(*) FROM partners.answer a WHERE a.question_id = q.id"
                    + " AND NOT a.hidden) AS answers FROM partners.question q";

    private final JdbcClient jdbc;

    Questions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Question> find(UUID id) {
        return jdbc.sql(SELECT + " WHERE q.id = ?")
                .param(id)
                .query(Questions::question)
                .optional();
    }

    /** The group's questions, newest first; matching the query in each question's language when one is given. */
    List<Question> inGroup(GroupId group, @Nullable String query, boolean withHidden) {
        boolean text = query != null && !query.isBlank();
        var spec = jdbc.sql(SELECT + " WHERE q.group_id = :group" + (withHidden ? "" : " AND NOT q.hidden")
                        + (text ? " AND q.search @@ websearch_to_tsquery(partners.ts_config(q.language), :q)" : "")
                        + " ORDER BY q.created_at DESC LIMIT 200")
                .param("group", group.value());
        if (text) {
            spec = spec.param("q", query);
        }
        return spec.query(Questions::question).list();
    }

    void insert(Question q) {
        jdbc.sql("INSERT INTO partners.question (id, group_id, asker_id, asker_name, title, body, language)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(
                        q.id(),
                        q.groupId().value(),
                        q.askerId(),
                        q.askerName(),
                        q.title(),
                        q.body(),
                        q.language().code())
                .update();
    }

    List<Answer> answers(UUID question, boolean withHidden) {
        return jdbc.sql("SELECT * FROM partners.answer WHERE question_id = ?" + (withHidden ? "" : " AND NOT hidden")
                        + " ORDER BY created_at")
                .param(question)
                .query(Questions::answer)
                .list();
    }

    Optional<Answer> answer(UUID id) {
        return jdbc.sql("SELECT * FROM partners.answer WHERE id = ?")
                .param(id)
                .query(Questions::answer)
                .optional();
    }

    void insert(Answer a) {
        jdbc.sql("INSERT INTO partners.answer (id, question_id, author_id, author_name, body) VALUES (?, ?, ?, ?, ?)")
                .params(a.id(), a.questionId(), a.authorId(), a.authorName(), a.body())
                .update();
    }

    void accept(UUID question, UUID answer) {
        jdbc.sql("UPDATE partners.question SET accepted_answer_id = ? WHERE id = ?")
                .params(answer, question)
                .update();
    }

    void hideQuestion(UUID question) {
        jdbc.sql("UPDATE partners.question SET hidden = TRUE WHERE id = ?")
                .param(question)
                .update();
    }

    void hideAnswer(UUID answer) {
        jdbc.sql("UPDATE partners.answer SET hidden = TRUE WHERE id = ?")
                .param(answer)
                .update();
        jdbc.sql("UPDATE partners.question SET accepted_answer_id = NULL WHERE accepted_answer_id = ?")
                .param(answer)
                .update();
    }

    private static Question question(ResultSet rs, int row) throws SQLException {
        return new Question(
                rs.getObject("id", UUID.class),
                new GroupId(rs.getObject("group_id", UUID.class)),
                rs.getObject("asker_id", UUID.class),
                rs.getString("asker_name"),
                rs.getString("title"),
                rs.getString("body"),
                Language.valueOf(rs.getString("language").toUpperCase(Locale.ROOT)),
                rs.getObject("accepted_answer_id", UUID.class),
                rs.getBoolean("hidden"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getInt("answers"));
    }

    private static Answer answer(ResultSet rs, int row) throws SQLException {
        return new Answer(
                rs.getObject("id", UUID.class),
                rs.getObject("question_id", UUID.class),
                rs.getObject("author_id", UUID.class),
                rs.getString("author_name"),
                rs.getString("body"),
                rs.getBoolean("hidden"),
                rs.getTimestamp("created_at").toInstant());
    }

    /**
     * Answers posted in [from, to) by someone else to visible questions of the groups the user belongs to, newest first.
     */
    List<AnswerNews> answersFor(UUID user, java.time.Instant from, java.time.Instant to, int limit) {
        return jdbc.sql("SELECT a.author_name, q.id AS question_id, q.title, q.language FROM partners.answer a"
                        + " JOIN partners.question q ON q.id = a.question_id"
                        + " JOIN partners.group_member m ON m.group_id = q.group_id AND m.user_id = ?"
                        + " WHERE NOT a.hidden AND NOT q.hidden AND a.author_id <> ?"
                        + " AND a.created_at >= ? AND a.created_at < ? ORDER BY a.created_at DESC LIMIT ?")
                .params(user, user, java.sql.Timestamp.from(from), java.sql.Timestamp.from(to), limit)
                .query((rs, n) -> new AnswerNews(
                        rs.getObject("question_id", UUID.class),
                        rs.getString("title"),
                        Language.valueOf(rs.getString("language").toUpperCase(Locale.ROOT)),
                        rs.getString("author_name")))
                .list();
    }

    /** An answer as a digest tells it: who answered which question. */
    record AnswerNews(UUID questionId, String questionTitle, Language language, String answeredBy) {}
}
