package eu.herald.partners.domain;

import java.time.DayOfWeek;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends the digests every day at 07:00 Brussels time: the daily ones, and on Mondays the weekly ones. Every node runs
 * it; the sent-log's claim decides which node sends each digest.
 */
@Component
class DigestJob {

    private final DigestService digests;

    DigestJob(DigestService digests) {
        this.digests = digests;
    }

    @Scheduled(cron = "0 0 7 * * *", zone = "Europe/Brussels")
    void run() {
        ZonedDateTime at = ZonedDateTime.now(PartnerEvent.ZONE).truncatedTo(ChronoUnit.HOURS);
        digests.send(DigestFrequency.DAILY, at);
        if (at.getDayOfWeek() == DayOfWeek.MONDAY) {
            digests.send(DigestFrequency.WEEKLY, at);
        }
    }
}
