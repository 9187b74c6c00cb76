package eu.herald.publishing.domain;

import eu.herald.accounts.OrganisationId;
import eu.herald.campaigns.CampaignId;
import eu.herald.campaigns.MessageId;
import eu.herald.campaigns.VariantId;
import eu.herald.channels.ChannelAccountId;
import eu.herald.common.Channel;
import eu.herald.common.Language;
import eu.herald.publishing.DeliveryId;
import eu.herald.publishing.DeliveryStatus;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One approved variant on one channel account at one time, with where it stands.
 *
 * @param accountType the channel account's type name when the delivery was made (for display)
 * @param lastError the platform's own explanation of the last failure, shown as it came
 * @param lastErrorKey a Herald reason (message key) when Herald, not the platform, ended or held the delivery
 */
public record Delivery(
        DeliveryId id,
        VariantId variant,
        MessageId message,
        CampaignId campaign,
        OrganisationId organisation,
        String organisationName,
        ChannelAccountId account,
        String accountName,
        String accountType,
        Channel channel,
        Language language,
        String messageTitle,
        Instant scheduledAt,
        Instant nextAttemptAt,
        DeliveryStatus status,
        String idempotencyKey,
        int attempts,
        int retryBase,
        boolean lookupPending,
        @Nullable Instant sendingSince,
        @Nullable String externalId,
        @Nullable String externalUrl,
        @Nullable String lastError,
        @Nullable String lastErrorKey,
        boolean stuck,
        @Nullable UUID createdBy,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Instant publishedAt) {

    /** Sends tried since the delivery was created or a person last retried it. */
    public int attemptsInRound() {
        return attempts - retryBase;
    }

    public boolean cancellable() {
        return status == DeliveryStatus.SCHEDULED;
    }

    public boolean retryable() {
        return status == DeliveryStatus.FAILED;
    }

    /** What the audit trail keeps of it: nothing personal, no text. */
    Map<String, Object> summary() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("status", status.name());
        map.put("variant", variant.toString());
        map.put("account", account.toString());
        map.put("scheduledAt", scheduledAt.toString());
        map.put("attempts", attempts);
        if (externalUrl != null) {
            map.put("externalUrl", externalUrl);
        }
        if (lastErrorKey != null) {
            map.put("reason", lastErrorKey);
        } else if (lastError != null) {
            map.put("reason", lastError.length() > 300 ? lastError.substring(0, 300) : lastError);
        }
        return map;
    }
}
