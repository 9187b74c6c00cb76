package eu.herald.partners.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/** The sent-log's period keys: Brussels days and ISO weeks, whatever zone the clock runs in. */
class DigestPeriodTests {

    @Test
    void aDailyPeriodIsTheBrusselsDay() {
        // 23:30 UTC on 30 November is already 1 December in Brussels
        ZonedDateTime at = ZonedDateTime.of(2026, 11, 30, 23, 30, 0, 0, ZoneOffset.UTC);
        assertThat(DigestService.period(DigestFrequency.DAILY, at)).isEqualTo("DAILY:2026-12-01");
    }

    @Test
    void aWeeklyPeriodIsTheIsoWeekSoTwoRunsInOneWeekShareIt() {
        ZonedDateTime monday = ZonedDateTime.of(2026, 11, 30, 7, 0, 0, 0, PartnerEvent.ZONE);
        assertThat(DigestService.period(DigestFrequency.WEEKLY, monday)).isEqualTo("WEEKLY:2026-W49");
        assertThat(DigestService.period(DigestFrequency.WEEKLY, monday.plusDays(6)))
                .isEqualTo("WEEKLY:2026-W49");
        assertThat(DigestService.period(DigestFrequency.WEEKLY, monday.plusDays(7)))
                .isEqualTo("WEEKLY:2026-W50");
        // the first days of January can belong to the last week of the year before
        assertThat(DigestService.period(
                        DigestFrequency.WEEKLY, ZonedDateTime.of(2027, 1, 1, 7, 0, 0, 0, PartnerEvent.ZONE)))
                .isEqualTo("WEEKLY:2026-W53");
    }
}
