package eu.herald.inbox.domain;

import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Working time for SLAs: weekdays between the start and end of the working day, Belgian public holidays excepted
 * (from Jollyday's calendar for Belgium, not a hand-written list).
 */
public final class WorkingTime {

    private static final HolidayManager BELGIUM =
            HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.BELGIUM));

    private final LocalTime start;
    private final LocalTime end;
    private final ZoneId zone;

    public WorkingTime(LocalTime start, LocalTime end, ZoneId zone) {
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("the working day must end after it starts");
        }
        this.start = start;
        this.end = end;
        this.zone = zone;
    }

    public boolean workingDay(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY
                && day.getDayOfWeek() != DayOfWeek.SUNDAY
                && !BELGIUM.isHoliday(day);
    }

    /** When {@code amount} of working time has passed after {@code from}. */
    public Instant plusWorking(Instant from, Duration amount) {
        ZonedDateTime at = from.atZone(zone);
        Duration left = amount;
        for (int guard = 0; guard < 3_660; guard++) {
            LocalDate day = at.toLocalDate();
            if (workingDay(day)) {
                ZonedDateTime dayStart = day.atTime(start).atZone(zone);
                ZonedDateTime dayEnd = day.atTime(end).atZone(zone);
                if (at.isBefore(dayStart)) {
                    at = dayStart;
                }
                if (at.isBefore(dayEnd)) {
                    Duration available = Duration.between(at, dayEnd);
                    if (left.compareTo(available) <= 0) {
                        return at.plus(left).toInstant();
                    }
                    left = left.minus(available);
                }
            }
            at = day.plusDays(1).atStartOfDay(zone);
        }
        throw new IllegalStateException("no working time within ten years");
    }

    /** The SLA due time: working time, or wall-clock time for what cannot wait (emergencies). */
    public Instant due(Instant from, Duration amount, boolean working) {
        return working ? plusWorking(from, amount) : from.plus(amount);
    }

    public ZoneId zone() {
        return zone;
    }
}
