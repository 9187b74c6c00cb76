package eu.herald.accounts.domain;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in rules: how many failed attempts lock an account and for how long; how long an invitation link is valid;
 * the password length bounds.
 */
@ConfigurationProperties("herald.accounts")
public record AccountsProperties(
        @DefaultValue("5") int maxFailedSignIns,
        @DefaultValue("15m") Duration lockDuration,
        @DefaultValue("7d") Duration invitationValidity,
        @DefaultValue("12") int minPasswordLength) {

    public AccountsProperties {
        if (maxFailedSignIns < 1 || lockDuration.isNegative() || invitationValidity.isNegative()) {
            throw new IllegalArgumentException("herald.accounts settings must be positive");
        }
    }
}
