package eu.herald.inbox.domain;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An organisation's inbox settings.
 *
 * @param webhookSecret the key of its generic signed webhook
 * @param facebookPage the id of its Facebook Page, whose webhook events come to it
 */
public record Settings(
        UUID organisation,
        String emergencyNumber,
        @Nullable String nonUrgentNumber,
        @Nullable String dispatchUrl,
        @Nullable String dispatchSecret,
        @Nullable String tipEmail,
        String webhookSecret,
        @Nullable String facebookPage) {}
