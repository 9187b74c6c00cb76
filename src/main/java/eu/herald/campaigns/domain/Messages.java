package eu.herald.campaigns.domain;

import eu.herald.campaigns.CampaignId;
import eu.herald.campaigns.MediaFile;
import eu.herald.campaigns.MessageId;
import eu.herald.campaigns.MessageStatus;
import eu.herald.campaigns.VariantId;
import eu.herald.common.Channel;
import eu.herald.common.ImageFiles;
import eu.herald.common.Language;
import eu.herald.guardrails.Media;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
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
                        List.of(),
                        rs.getInt("version")))
                .list();
        return variants.stream().map(this::withMedia).toList();
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

    /** A medium as stored: described only, or uploaded (then with the facts of its bytes). */
    private record MediaRow(
            UUID id, Media media, String name, @Nullable String contentType, int sizeBytes, int width, int height) {}

    private Variant withMedia(Variant v) {
        List<MediaRow> rows = jdbc.sql("SELECT m.id, m.kind, m.name, m.alt_text, m.captioned, c.content_type,"
                        + " c.size_bytes, c.width, c.height FROM campaigns.variant_media m"
                        + " LEFT JOIN campaigns.media_content c ON c.media_id = m.id"
                        + " WHERE m.variant_id = ? ORDER BY m.position")
                .param(v.id().value())
                .query((rs, n) -> new MediaRow(
                        rs.getObject("id", UUID.class),
                        new Media(
                                Media.Kind.valueOf(rs.getString("kind")),
                                rs.getString("alt_text"),
                                rs.getBoolean("captioned")),
                        rs.getString("name"),
                        rs.getString("content_type"),
                        rs.getInt("size_bytes"),
                        rs.getInt("width"),
                        rs.getInt("height")))
                .list();
        List<Variant.Upload> uploads = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            MediaRow row = rows.get(i);
            if (row.contentType() != null) {
                uploads.add(new Variant.Upload(
                        row.id(),
                        i,
                        row.name(),
                        row.media().altText() == null ? "" : row.media().altText(),
                        row.contentType(),
                        row.sizeBytes(),
                        row.width(),
                        row.height()));
            }
        }
        return new Variant(
                v.id(),
                v.message(),
                v.channel(),
                v.language(),
                v.body(),
                rows.stream().map(MediaRow::media).toList(),
                rows.stream().map(MediaRow::name).toList(),
                uploads,
                v.version());
    }

    /**
     * Inserts or replaces the variant for its (channel, language), with its described media. Uploaded images stay as
     * they are (they change only through {@link #addUpload} and {@link #removeMedium}); a described medium that
     * repeats an uploaded one (same name and alt text, as a form or an API client sends back what it read) is not
     * stored twice. Returns the variant's id (the existing one when it replaced a variant).
     */
    VariantId saveVariant(Variant v) {
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
        jdbc.sql("DELETE FROM campaigns.variant_media m WHERE m.variant_id = ?"
                        + " AND NOT EXISTS (SELECT 1 FROM campaigns.media_content c WHERE c.media_id = m.id)")
                .param(id)
                .update();
        List<String> uploaded = jdbc.sql(
                        "SELECT m.name || '|' || COALESCE(m.alt_text, '') FROM campaigns.variant_media m"
                                + " JOIN campaigns.media_content c ON c.media_id = m.id WHERE m.variant_id = ?")
                .param(id)
                .query(String.class)
                .list();
        int position = nextPosition(id);
        for (int i = 0; i < v.media().size(); i++) {
            Media media = v.media().get(i);
            String name = v.mediaNames().get(i);
            if (uploaded.contains(name + "|" + (media.altText() == null ? "" : media.altText()))) {
                continue;
            }
            jdbc.sql("INSERT INTO campaigns.variant_media (id, variant_id, kind, name, alt_text, captioned, position)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?)")
                    .params(
                            UUID.randomUUID(),
                            id,
                            media.kind().name(),
                            name,
                            media.altText(),
                            media.captionsOrTranscript(),
                            position++)
                    .update();
        }
        return new VariantId(id);
    }

    /** Copies the uploaded images of one variant (bytes included) after the media of another. */
    void copyUploads(VariantId from, VariantId to) {
        List<UUID> uploads = jdbc.sql("SELECT m.id FROM campaigns.variant_media m JOIN campaigns.media_content c"
                        + " ON c.media_id = m.id WHERE m.variant_id = ? ORDER BY m.position")
                .param(from.value())
                .query(UUID.class)
                .list();
        for (UUID media : uploads) {
            UUID copy = UUID.randomUUID();
            jdbc.sql("INSERT INTO campaigns.variant_media (id, variant_id, kind, name, alt_text, captioned, position)"
                            + " SELECT ?, ?, kind, name, alt_text, captioned, ? FROM campaigns.variant_media"
                            + " WHERE id = ?")
                    .params(copy, to.value(), nextPosition(to.value()), media)
                    .update();
            jdbc.sql("INSERT INTO campaigns.media_content (media_id, content_type, size_bytes, sha256, width, height,"
                            + " content, uploaded_by) SELECT ?, content_type, size_bytes, sha256, width, height,"
                            + " content, uploaded_by FROM campaigns.media_content WHERE media_id = ?")
                    .params(copy, media)
                    .update();
        }
    }

    private int nextPosition(UUID variant) {
        return jdbc.sql("SELECT COALESCE(MAX(position) + 1, 0) FROM campaigns.variant_media WHERE variant_id = ?")
                .param(variant)
                .query(Integer.class)
                .single();
    }

    /** Stores an uploaded image as the variant's next medium; returns the medium's id. */
    UUID addUpload(VariantId variant, ImageFiles.Image image, String altText, @Nullable UUID by) {
        UUID media = UUID.randomUUID();
        jdbc.sql("INSERT INTO campaigns.variant_media (id, variant_id, kind, name, alt_text, captioned, position)"
                        + " VALUES (?, ?, 'IMAGE', ?, ?, FALSE, ?)")
                .params(media, variant.value(), image.fileName(), altText, nextPosition(variant.value()))
                .update();
        jdbc.sql("INSERT INTO campaigns.media_content (media_id, content_type, size_bytes, sha256, width, height,"
                        + " content, uploaded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        media,
                        image.contentType(),
                        image.content().length,
                        image.sha256(),
                        image.width(),
                        image.height(),
                        image.content(),
                        by)
                .update();
        return media;
    }

    /** Removes a medium of the variant (and its bytes); whether there was one. */
    boolean removeMedium(VariantId variant, UUID media) {
        return jdbc.sql("DELETE FROM campaigns.variant_media WHERE id = ? AND variant_id = ?")
                        .params(media, variant.value())
                        .update()
                == 1;
    }

    /** The bytes of an uploaded image of the variant. */
    Optional<MediaFile> file(VariantId variant, UUID media) {
        return jdbc.sql("SELECT m.name, c.content_type, c.content, m.alt_text FROM campaigns.variant_media m"
                        + " JOIN campaigns.media_content c ON c.media_id = m.id WHERE m.id = ? AND m.variant_id = ?")
                .params(media, variant.value())
                .query(Messages::file)
                .optional();
    }

    /** The variant's first uploaded image, in the order the variant shows its media. */
    Optional<MediaFile> firstImage(VariantId variant) {
        return jdbc.sql("SELECT m.name, c.content_type, c.content, m.alt_text FROM campaigns.variant_media m"
                        + " JOIN campaigns.media_content c ON c.media_id = m.id WHERE m.variant_id = ?"
                        + " AND m.kind = 'IMAGE' ORDER BY m.position LIMIT 1")
                .param(variant.value())
                .query(Messages::file)
                .optional();
    }

    private static MediaFile file(ResultSet rs, int row) throws SQLException {
        String alt = rs.getString("alt_text");
        return new MediaFile(
                rs.getString("name"), rs.getString("content_type"), rs.getBytes("content"), alt == null ? "" : alt);
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
