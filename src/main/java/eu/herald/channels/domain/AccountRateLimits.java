package eu.herald.channels.domain;

import eu.herald.channels.ChannelAccountId;
import eu.herald.channels.connectors.RateLimitObserver;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Stores the rate-limit state connectors read from the platforms' headers, shown as the account's health. */
@Component
class AccountRateLimits implements RateLimitObserver {

    private final ChannelAccounts accounts;

    AccountRateLimits(ChannelAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public void observed(ChannelAccountId account, @Nullable Long remaining, @Nullable Instant resetAt) {
        accounts.rateLimit(account, remaining, resetAt);
    }
}
