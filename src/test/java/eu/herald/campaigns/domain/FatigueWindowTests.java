package eu.herald.campaigns.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Budgets count per calendar week (Monday to Sunday) or month, in Brussels time. */
class FatigueWindowTests {

    @Test
    void aWeekRunsFromMondayMidnightToTheNextMondayInBrussels() {
        Instant[] window = FatigueBudget.window(Instant.parse("2026-03-04T12:00:00Z"), FatigueBudget.Period.WEEK);
        assertThat(window[0]).isEqualTo(Instant.parse("2026-03-01T23:00:00Z"));
        assertThat(window[1]).isEqualTo(Instant.parse("2026-03-08T23:00:00Z"));
    }

    @Test
    void sundayLateEveningInBrusselsStillBelongsToThatWeek() {
        Instant sundayNight = Instant.parse("2026-03-08T22:30:00Z");
        Instant[] window = FatigueBudget.window(sundayNight, FatigueBudget.Period.WEEK);
        assertThat(window[0]).isEqualTo(Instant.parse("2026-03-01T23:00:00Z"));
    }

    @Test
    void aMonthCrossesTheSummerTimeChange() {
        Instant[] window = FatigueBudget.window(Instant.parse("2026-03-30T10:00:00Z"), FatigueBudget.Period.MONTH);
        assertThat(window[0]).isEqualTo(Instant.parse("2026-02-28T23:00:00Z"));
        assertThat(window[1]).isEqualTo(Instant.parse("2026-03-31T22:00:00Z"));
    }
}
