package eu.herald.inbox.domain;

import java.time.Duration;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The inbox's settings ({@code HERALD_INBOX_*}).
 *
 * @param retention how long items keep their author and text before they are anonymised (unless kept on purpose)
 * @param workStart start of the working day (SLAs count working time: weekdays, not Belgian public holidays)
 * @param workEnd end of the working day
 * @param zone the time zone of working hours and of the playbook's time-of-day conditions
 * @param replayWindow how old a generic webhook's timestamp may be (and how far in the future)
 * @param facebook the Meta app's secret and the webhook verify token; Facebook intake is off without them
 * @param batchSize the most items written in one group commit
 * @param batchWait how long the writer waits for more items after the first
 * @param commitTimeout how long a webhook request waits for its items' commit before answering 503
 * @param contactPerDay contact form messages accepted per sender address a day
 * @param spikeFactor k in "today above the mean + k standard deviations of the previous 14 days"
 * @param presence how long a moderator is shown on an item after the page last asked
 */
@ConfigurationProperties("herald.inbox")
public record InboxProperties(
        @DefaultValue("12m") Period retention,
        @DefaultValue("08:00") LocalTime workStart,
        @DefaultValue("17:00") LocalTime workEnd,
        @DefaultValue("Europe/Brussels") ZoneId zone,
        @DefaultValue("5m") Duration replayWindow,
        @DefaultValue Facebook facebook,
        @DefaultValue("500") int batchSize,
        @DefaultValue("5ms") Duration batchWait,
        @DefaultValue("10s") Duration commitTimeout,
        @DefaultValue("10") int contactPerDay,
        @DefaultValue("3") double spikeFactor,
        @DefaultValue("30s") Duration presence) {

    /** {@code HERALD_INBOX_FACEBOOK_SECRET} (the app secret) and {@code HERALD_INBOX_FACEBOOK_TOKEN} (verify token). */
    public record Facebook(
            @Nullable String secret, @Nullable String token) {

        public boolean configured() {
            return secret != null && !secret.isBlank() && token != null && !token.isBlank();
        }
    }
}
