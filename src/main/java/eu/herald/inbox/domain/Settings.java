package eu.herald.inbox.domain;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An organisation's inbox settings. The secrets are kept sealed in the database; here they are open, so
 * {@link #toString()} leaves them out.
 *
 * @param dispatchSecret the key signing alerts to the dispatch room; null when none was given or it does not open
 * @param webhookSecret the key of its generic signed webhook; null when the sealed value does not open (changed in the
 *     database, or another {@code HERALD_SECRET_KEY}): then every call is refused until it is renewed
 * @param facebookPage the id of its Facebook Page, whose webhook events come to it
 * @param webhookSecretUnreadable the webhook secret is stored but does not open: it must be renewed
 * @param dispatchSecretUnreadable the dispatch secret is stored but does not open: it must be entered again
 */
public record Settings(
        UUID organisation,
        String emergencyNumber,
        @Nullable String nonUrgentNumber,
        @Nullable String dispatchUrl,
        @Nullable String dispatchSecret,
        @Nullable String tipEmail,
        @Nullable String webhookSecret,
        @Nullable String facebookPage,
        boolean webhookSecretUnreadable,
        boolean dispatchSecretUnreadable) {

    @Override
    public String toString() {
        return "Settings[organisation=" + organisation + ", emergencyNumber=" + emergencyNumber + ", nonUrgentNumber="
                + nonUrgentNumber + ", dispatchUrl=" + dispatchUrl + ", tipEmail=" + tipEmail + ", facebookPage="
                + facebookPage + ", webhookSecretUnreadable=" + webhookSecretUnreadable
                + ", dispatchSecretUnreadable=" + dispatchSecretUnreadable + "]";
    }
}
