package eu.herald.campaigns.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.herald.campaigns.CampaignId;
import eu.herald.campaigns.MessageId;
import eu.herald.campaigns.MessageStatus;
import eu.herald.common.RefusedException;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The approval states of a message and their guards. */
class MessageTests {

    static final UUID AUTHOR = UUID.randomUUID();
    static final UUID APPROVER = UUID.randomUUID();
    static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

    static Message draft() {
        return new Message(
                MessageId.random(),
                CampaignId.random(),
                "Lock your bike",
                "Text",
                MessageStatus.DRAFT,
                AUTHOR,
                "Camille",
                null,
                null,
                null,
                false,
                null,
                null,
                1,
                0);
    }

    @Test
    void goesFromDraftThroughReviewAndApprovalToScheduled() {
        Message approved = draft().submitted().approvedBy(APPROVER, NOW);
        assertThat(approved.status()).isEqualTo(MessageStatus.APPROVED);
        assertThat(approved.approverId()).isEqualTo(APPROVER);
        Message scheduled = approved.scheduledAt(NOW.plusSeconds(3600));
        assertThat(scheduled.status()).isEqualTo(MessageStatus.SCHEDULED);
        assertThat(scheduled.unscheduled().status()).isEqualTo(MessageStatus.APPROVED);
    }

    @Test
    void theApproverIsNeverTheAuthor() {
        Message inReview = draft().submitted();
        assertThatThrownBy(() -> inReview.approvedBy(AUTHOR, NOW))
                .isInstanceOf(RefusedException.class)
                .hasMessage("message.error.fourEyes");
        assertThatThrownBy(() -> inReview.changesRequestedBy(AUTHOR)).hasMessage("message.error.fourEyes");
    }

    @Test
    void anEditAfterApprovalSendsTheMessageBackToReviewAndUnschedulesIt() {
        Message scheduled = draft().submitted().approvedBy(APPROVER, NOW).scheduledAt(NOW.plusSeconds(60));
        Message edited = scheduled.edited("Lock your bike", "Better text");
        assertThat(edited.status()).isEqualTo(MessageStatus.IN_REVIEW);
        assertThat(edited.scheduledAt()).isNull();
        assertThat(edited.approverId()).isNull();
        assertThat(edited.revision()).isEqualTo(scheduled.revision() + 1);
    }

    @Test
    void editingADraftOrAMessageInReviewKeepsItsState() {
        assertThat(draft().edited("t", "x").status()).isEqualTo(MessageStatus.DRAFT);
        assertThat(draft().submitted().edited("t", "x").status()).isEqualTo(MessageStatus.IN_REVIEW);
    }

    @Test
    void changesRequestedCanBeSubmittedAgain() {
        Message back = draft().submitted().changesRequestedBy(APPROVER);
        assertThat(back.status()).isEqualTo(MessageStatus.CHANGES_REQUESTED);
        assertThat(back.submitted().status()).isEqualTo(MessageStatus.IN_REVIEW);
    }

    @Test
    void refusesTransitionsOutOfOrder() {
        assertThatThrownBy(() -> draft().approvedBy(APPROVER, NOW)).hasMessage("message.error.notInReview");
        assertThatThrownBy(() -> draft().scheduledAt(NOW)).hasMessage("message.error.notApproved");
        assertThatThrownBy(() -> draft().submitted().submitted()).hasMessage("message.error.notSubmittable");
        assertThatThrownBy(() -> draft().unscheduled()).hasMessage("message.error.notScheduled");
    }
}
