package eu.herald.links.domain;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rolls the raw clicks up: complete hours into {@code links.click_hourly}, complete Brussels days into
 * {@code links.click_daily} (with the day's unique visitors). Statistics read the daily roll-up plus the raw rows
 * since its watermark (at most about a day), so their cost does not grow with the raw volume.
 */
@Component
class Rollups {

    private final JdbcClient jdbc;

    Rollups(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Scheduled(fixedDelayString = "${herald.links.rollup-interval:PT5M}", initialDelayString = "PT1M")
    @Transactional
    public void run() {
        // a minute's margin: a click is stamped a few milliseconds before its batch commits
        rollUpUntil(Instant.now().minus(1, ChronoUnit.MINUTES));
    }

    /** Rolls up every complete hour and day before {@code now}; answers the new daily watermark. */
    @Transactional
    public Instant rollUpUntil(Instant now) {
        record State(Instant hourly, Instant daily) {}
        State state = jdbc.sql("SELECT hourly_until, daily_until FROM links.rollup_state FOR UPDATE")
                .query((rs, n) -> new State(
                        rs.getTimestamp("hourly_until").toInstant(),
                        rs.getTimestamp("daily_until").toInstant()))
                .single();
        Instant hour = now.truncatedTo(ChronoUnit.HOURS);
        if (hour.isAfter(state.hourly())) {
            jdbc.sql("INSERT INTO links.click_hourly (code, hour, clicks, previews)"
                            + " SELECT code, date_trunc('hour', at), count(*) FILTER (WHERE NOT preview),"
                            + " count(*) FILTER (WHERE preview) FROM links.click WHERE at >= ? AND at < ? GROUP BY 1, 2"
                            + " ON CONFLICT (code, hour) DO UPDATE SET clicks = links.click_hourly.clicks"
                            + " + excluded.clicks, previews = links.click_hourly.previews + excluded.previews")
                    .params(Timestamp.from(state.hourly()), Timestamp.from(hour))
                    .update();
        }
        Instant midnight = LocalDate.ofInstant(now, Links.BRUSSELS)
                .atStartOfDay(Links.BRUSSELS)
                .toInstant();
        if (midnight.isAfter(state.daily())) {
            jdbc.sql("INSERT INTO links.click_daily (code, day, clicks, previews, unique_visitors)"
                            + " SELECT code, (at AT TIME ZONE 'Europe/Brussels')::date,"
                            + " count(*) FILTER (WHERE NOT preview), count(*) FILTER (WHERE preview),"
                            + " count(DISTINCT visitor) FILTER (WHERE NOT preview)"
                            + " FROM links.click WHERE at >= ? AND at < ? GROUP BY 1, 2"
                            + " ON CONFLICT (code, day) DO UPDATE SET clicks = excluded.clicks,"
                            + " previews = excluded.previews, unique_visitors = excluded.unique_visitors")
                    .params(Timestamp.from(state.daily()), Timestamp.from(midnight))
                    .update();
        }
        Instant daily = midnight.isAfter(state.daily()) ? midnight : state.daily();
        jdbc.sql("UPDATE links.rollup_state SET hourly_until = ?, daily_until = ?")
                .params(Timestamp.from(hour.isAfter(state.hourly()) ? hour : state.hourly()), Timestamp.from(daily))
                .update();
        return daily;
    }

    /** Everything before this instant is in the daily roll-up. */
    Instant dailyUntil() {
        return jdbc.sql("SELECT daily_until FROM links.rollup_state")
                .query(Timestamp.class)
                .single()
                .toInstant();
    }
}
