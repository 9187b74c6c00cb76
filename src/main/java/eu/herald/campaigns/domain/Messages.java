package eu.herald.campaigns.domain;

import eu.herald.campaigns.CampaignId;
import eu.herald.campaigns.MessageId;
import eu.herald.campaigns.MessageStatus;
import eu.herald.campaigns.VariantId;
import eu.herald.common.Channel;
import eu.herald.common.Language;
import eu.herald.guardrails.Media;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Messages, their variants with media, and comments. */
@Repository
class Messages {

    private final JdbcClient jdbc;

    Messages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Message> find(MessageId id) {
        return jdbc.sql("SELECT * FROM campaigns.message WHERE id = ?")
                .param(id.value())
                .query(Messages::map)
                .optional();
    }

    List<Message> ofCampaign(CampaignId campaign) {
        return jdbc.sql("SELECT * FROM campaigns.message WHERE campaign_id = ? ORDER BY created_at")
                .param(campaign.value())
                .query(Messages::map)
                .list();
    }

    /** Messages in review whose campaign belongs to one of the organisations. */
    List<Message> inReview(Collection<UUID> organisations) {
        if (organisations.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT m.* FROM campaigns.message m JOIN campaigns.campaign c ON c.id = m.campaign_id"
                        + " WHERE m.status = 'IN_REVIEW' AND c.organisation_id = ANY(?) ORDER BY m.created_at")
                .param(organisations.toArray(UUID[]::new))
                .query(Messages::map)
                .list();
    }

    /** Messages offered as templates, newest first. */
    List<Message> templates() {
        return jdbc.sql("SELECT * FROM campaigns.message WHERE template ORDER BY created_at DESC")
                .query(Messages::map)
                .list();
    }

    /** Messages adopted from a template. */
    List<Message> adoptionsOf(MessageId template) {
        return jdbc.sql("SELECT * FROM campaigns.message WHERE template_id = ?")
                .param(template.value())
                .query(Messages::map)
                .list();
    }

    void insert(Message m) {
        jdbc.sql("INSERT INTO campaigns.message (id, campaign_id, title, master_text, status, author_id, author_name,"
                        + " template, template_id, template_revision, revision)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        m.id().value(),
                        m.campaign().value(),
                        m.title(),
                        m.masterText(),
                        m.status().name(),
                        m.authorId(),
                        m.authorName(),
                        m.template(),
                        m.templateId() == null ? null : m.templateId().value(),
                        m.templateRevision(),
                        m.revision())
                .update();
    }

    /** Saves the message if nobody changed it since it was read; returns it with its new version. */
    Message update(Message m) {
        int updated = jdbc.sql("UPDATE campaigns.message SET title = ?, master_text = ?, status = ?, approver_id = ?,"
                        + " approved_at = ?, scheduled_at = ?, template = ?, revision = ?, version = version + 1"
                        + " WHERE id = ? AND version = ?")
                .params(
                        m.title(),
                        m.masterText(),
                        m.status().name(),
                        m.approverId(),
                        timestamp(m.approvedAt()),
                        timestamp(m.scheduledAt()),
                        m.template(),
                        m.revision(),
                        m.id().value(),
                        m.version())
                .update();
        if (updated != 1) {
            throw new OptimisticLockingFailureException("message " + m.id() + " changed meanwhile");
        }
        return find(m.id()).orElseThrow();
    }

    List<Variant> variants(MessageId message) {
        List<Variant> variants = jdbc.sql(
                        "SELECT * FROM campaigns.variant WHERE message_id = ? ORDER BY channel, language")
                .param(message.value())
                .query((rs, n) -> new Variant(
                        new VariantId(rs.getObject("id", UUID.class)),
                        message,
                        Channel.valueOf(rs.getString("channel")),
                        Language.fromCode(rs.getString("language")).orElseThrow(),
                        rs.getString("body"),
                        List.of(),
                        List.of(),
                        rs.getInt("version")))
                .list();
        return variants.stream()
                .map(v -> new Variant(
                        v.id(),
                        v.message(),
                        v.channel(),
                        v.language(),
                        v.body(),
                        media(v.id()),
                        mediaNames(v.id()),
                        v.version()))
                .toList();
    }

    Optional<Variant> variant(VariantId id) {
        return jdbc.sql("SELECT message_id FROM campaigns.variant WHERE id = ?")
                .param(id.value())
                .query(UUID.class)
                .optional()
                .flatMap(message -> variants(new MessageId(message)).stream()
                        .filter(v -> v.id().equals(id))
                        .findFirst());
    }

    private List<Media> media(VariantId variant) {
        return jdbc.sql(
                        "SELECT kind, alt_text, captioned FROM campaigns.variant_media WHERE variant_id = ? ORDER BY position")
                .param(variant.value())
                .query((rs, n) -> new Media(
                        Media.Kind.valueOf(rs.getString("kind")), rs.getString("alt_text"), rs.getBoolean("captioned")))
                .list();
    }

    private List<String> mediaNames(VariantId variant) {
        return jdbc.sql("SELECT name FROM campaigns.variant_media WHERE variant_id = ? ORDER BY position")
                .param(variant.value())
                .query(String.class)
                .list();
    }

    /** Inserts or replaces the variant for its (channel, language), with its media. */
    void saveVariant(Variant v) {
        jdbc.sql("INSERT INTO campaigns.variant (id, message_id, channel, language, body) VALUES (?, ?, ?, ?, ?)"
                        + " ON CONFLICT (message_id, channel, language) DO UPDATE SET body = EXCLUDED.body,"
                        + " updated_at = now(), version = campaigns.variant.version + 1")
                .params(
                        v.id().value(),
                        v.message().value(),
                        v.channel().name(),
                        v.language().code(),
                        v.body())
                .update();
        UUID id = jdbc.sql("SELECT id FROM campaigns.variant WHERE message_id = ? AND channel = ? AND language = ?")
                .params(v.message().value(), v.channel().name(), v.language().code())
                .query(UUID.class)
                .single();
        jdbc.sql("DELETE FROM campaigns.variant_media WHERE variant_id = ?")
                .param(id)
                .update();
        for (int i = 0; i < v.media().size(); i++) {
            Media media = v.media().get(i);
            jdbc.sql("INSERT INTO campaigns.variant_media (id, variant_id, kind, name, alt_text, captioned, position)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?)")
                    .params(
                            UUID.randomUUID(),
                            id,
                            media.kind().name(),
                            v.mediaNames().get(i),
                            media.altText(),
                            media.captionsOrTranscript(),
                            i)
                    .update();
        }
    }

    void removeVariant(VariantId id) {
        jdbc.sql("DELETE FROM campaigns.variant WHERE id = ?").param(id.value()).update();
    }

    void comment(MessageId message, Comment comment) {
        jdbc.sql("INSERT INTO campaigns.comment (id, message_id, author_id, author_name, body) VALUES (?, ?, ?, ?, ?)")
                .params(comment.id(), message.value(), comment.authorId(), comment.authorName(), comment.body())
                .update();
    }

    List<Comment> comments(MessageId message) {
        return jdbc.sql("SELECT * FROM campaigns.comment WHERE message_id = ? ORDER BY created_at")
                .param(message.value())
                .query((rs, n) -> new Comment(
                        rs.getObject("id", UUID.class),
                        rs.getObject("author_id", UUID.class),
                        rs.getString("author_name"),
                        rs.getString("body"),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    void recordOverride(MessageId message, UUID approver, String reason) {
        jdbc.sql("INSERT INTO campaigns.fatigue_override (id, message_id, approver_id, reason) VALUES (?, ?, ?, ?)")
                .params(UUID.randomUUID(), message.value(), approver, reason)
                .update();
    }

    /** Whether an approver overrode the fatigue budget for the message since {@code since}. */
    boolean overriddenSince(MessageId message, Instant since) {
        return jdbc.sql(
                        "SELECT EXISTS (SELECT 1 FROM campaigns.fatigue_override WHERE message_id = ? AND created_at >= ?)")
                .params(message.value(), Timestamp.from(since))
                .query(Boolean.class)
                .single();
    }

    private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    static Message map(ResultSet rs, int row) throws SQLException {
        Timestamp approved = rs.getTimestamp("approved_at");
        Timestamp scheduled = rs.getTimestamp("scheduled_at");
        UUID template = rs.getObject("template_id", UUID.class);
        Integer templateRevision = rs.getObject("template_revision", Integer.class);
        return new Message(
                new MessageId(rs.getObject("id", UUID.class)),
                new CampaignId(rs.getObject("campaign_id", UUID.class)),
                rs.getString("title"),
                rs.getString("master_text"),
                MessageStatus.valueOf(rs.getString("status")),
                rs.getObject("author_id", UUID.class),
                rs.getString("author_name"),
                rs.getObject("approver_id", UUID.class),
                approved == null ? null : approved.toInstant(),
                scheduled == null ? null : scheduled.toInstant(),
                rs.getBoolean("template"),
                template == null ? null : new MessageId(template),
                templateRevision,
                rs.getInt("revision"),
                rs.getInt("version"));
    }
}
