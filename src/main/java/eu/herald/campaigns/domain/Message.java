package eu.herald.campaigns.domain;

import eu.herald.campaigns.CampaignId;
import eu.herald.campaigns.MessageId;
import eu.herald.campaigns.MessageStatus;
import eu.herald.common.RefusedException;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A message of a campaign. Its state changes are guarded methods: the approver is never the author, and an edit
 * after approval sends the message back to review.
 */
public record Message(
        MessageId id,
        CampaignId campaign,
        String title,
        String masterText,
        MessageStatus status,
        UUID authorId,
        String authorName,
        @Nullable UUID approverId,
        @Nullable Instant approvedAt,
        @Nullable Instant scheduledAt,
        boolean template,
        @Nullable MessageId templateId,
        @Nullable Integer templateRevision,
        int revision,
        int version) {

    /** Whether the author may still change the message without it going back to review. */
    public boolean editable() {
        return status != MessageStatus.SCHEDULED;
    }

    /** The message after its text or a variant changed. */
    Message edited(String newTitle, String newMasterText) {
        MessageStatus next = switch (status) {
            case APPROVED, SCHEDULED -> MessageStatus.IN_REVIEW;
            default -> status;
        };
        return new Message(
                id,
                campaign,
                newTitle,
                newMasterText,
                next,
                authorId,
                authorName,
                next == MessageStatus.IN_REVIEW && status != MessageStatus.IN_REVIEW ? null : approverId,
                next == status ? approvedAt : null,
                null,
                template,
                templateId,
                templateRevision,
                revision + 1,
                version);
    }

    Message submitted() {
        if (status != MessageStatus.DRAFT && status != MessageStatus.CHANGES_REQUESTED) {
            throw new RefusedException("message.error.notSubmittable");
        }
        return withStatus(MessageStatus.IN_REVIEW, null, null, null);
    }

    Message approvedBy(UUID approver, Instant at) {
        if (status != MessageStatus.IN_REVIEW) {
            throw new RefusedException("message.error.notInReview");
        }
        if (approver.equals(authorId)) {
            throw new RefusedException("message.error.fourEyes");
        }
        return withStatus(MessageStatus.APPROVED, approver, at, null);
    }

    Message changesRequestedBy(UUID approver) {
        if (status != MessageStatus.IN_REVIEW) {
            throw new RefusedException("message.error.notInReview");
        }
        if (approver.equals(authorId)) {
            throw new RefusedException("message.error.fourEyes");
        }
        return withStatus(MessageStatus.CHANGES_REQUESTED, null, null, null);
    }

    Message scheduledAt(Instant at) {
        if (status != MessageStatus.APPROVED && status != MessageStatus.SCHEDULED) {
            throw new RefusedException("message.error.notApproved");
        }
        return withStatus(MessageStatus.SCHEDULED, approverId, approvedAt, at);
    }

    Message unscheduled() {
        if (status != MessageStatus.SCHEDULED) {
            throw new RefusedException("message.error.notScheduled");
        }
        return withStatus(MessageStatus.APPROVED, approverId, approvedAt, null);
    }

    Message offeredAsTemplate(boolean offered) {
        return new Message(
                id,
                campaign,
                title,
                masterText,
                status,
                authorId,
                authorName,
                approverId,
                approvedAt,
                scheduledAt,
                offered,
                templateId,
                templateRevision,
                revision,
                version);
    }

    private Message withStatus(
            MessageStatus next, @Nullable UUID approver, @Nullable Instant approved, @Nullable Instant scheduled) {
        return new Message(
                id,
                campaign,
                title,
                masterText,
                next,
                authorId,
                authorName,
                approver,
                approved,
                scheduled,
                template,
                templateId,
                templateRevision,
                revision,
                version);
    }
}
