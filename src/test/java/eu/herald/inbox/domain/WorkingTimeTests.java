package eu.herald.inbox.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/** SLA deadlines in working time: weekdays 08:00–17:00 in Brussels, Belgian public holidays (Jollyday) excepted. */
class WorkingTimeTests {

    private static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");
    private final WorkingTime time = new WorkingTime(LocalTime.of(8, 0), LocalTime.of(17, 0), BRUSSELS);

    private static Instant at(String local) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(local), BRUSSELS).toInstant();
    }

    @Test
    void knowsBelgianPublicHolidaysAndWeekends() {
        assertThat(time.workingDay(LocalDate.of(2026, 7, 21)))
                .as("national day")
                .isFalse();
        assertThat(time.workingDay(LocalDate.of(2026, 11, 11))).as("armistice").isFalse();
        assertThat(time.workingDay(LocalDate.of(2026, 4, 6)))
                .as("Easter Monday 2026")
                .isFalse();
        assertThat(time.workingDay(LocalDate.of(2026, 11, 28))).as("a Saturday").isFalse();
        assertThat(time.workingDay(LocalDate.of(2026, 11, 30))).as("a Monday").isTrue();
    }

    @Test
    void aReactionOnSaturdayNightIsDueMondayMorning() {
        assertThat(time.plusWorking(at("2026-11-28T23:30"), Duration.ofHours(4)))
                .isEqualTo(at("2026-11-30T12:00"));
    }

    @Test
    void workingTimeCarriesOverTheEndOfTheDayAndSkipsAHoliday() {
        // Tuesday 10 November 2026, 16:00 + 2 working hours: 1 h that day, Wednesday 11 is Armistice, so Thursday 09:00
        assertThat(time.plusWorking(at("2026-11-10T16:00"), Duration.ofHours(2)))
                .isEqualTo(at("2026-11-12T09:00"));
    }

    @Test
    void emergenciesCountWallClockTime() {
        Instant saturday = at("2026-11-28T23:30");
        assertThat(time.due(saturday, Duration.ofMinutes(15), false)).isEqualTo(saturday.plusSeconds(900));
    }
}
