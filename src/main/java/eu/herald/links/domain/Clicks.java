package eu.herald.links.domain;

import java.sql.Date;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the counts: the daily roll-up for the days it covers, the raw clicks since its watermark for the rest. Unique
 * visitors are counted per day (the visitor hash's salt rotates daily), so a total is the sum of the days'.
 */
@Repository
class Clicks {

    private final JdbcClient jdbc;
    private final Rollups rollups;

    Clicks(JdbcClient jdbc, Rollups rollups) {
        this.jdbc = jdbc;
        this.rollups = rollups;
    }

    record Totals(long clicks, long uniqueVisitors, long previews) {
        Totals plus(Totals other) {
            return new Totals(clicks + other.clicks, uniqueVisitors + other.uniqueVisitors, previews + other.previews);
        }
    }

    private record CodeDay(String code, LinkStats.Day day) {}

    private List<CodeDay> days(Collection<String> codes) {
        String[] array = codes.toArray(String[]::new);
        Timestamp until = Timestamp.from(rollups.dailyUntil());
        return jdbc.sql("SELECT code, day, clicks, previews, unique_visitors FROM links.click_daily"
                        + " WHERE code = ANY(?) AND day < (?::timestamptz AT TIME ZONE 'Europe/Brussels')::date"
                        + " UNION ALL SELECT code, (at AT TIME ZONE 'Europe/Brussels')::date,"
                        + " count(*) FILTER (WHERE NOT preview), count(*) FILTER (WHERE preview),"
                        + " count(DISTINCT visitor) FILTER (WHERE NOT preview)"
                        + " FROM links.click WHERE code = ANY(?) AND at >= ? GROUP BY 1, 2")
                .params(array, until, array, until)
                .query((rs, n) -> new CodeDay(
                        rs.getString("code"),
                        new LinkStats.Day(
                                rs.getObject("day", Date.class).toLocalDate(),
                                rs.getLong("clicks"),
                                rs.getLong("previews"),
                                rs.getLong("unique_visitors"))))
                .list();
    }

    /** Per day, oldest first. */
    List<LinkStats.Day> byDay(Collection<String> codes) {
        TreeMap<java.time.LocalDate, LinkStats.Day> byDay = new TreeMap<>();
        for (CodeDay cd : days(codes)) {
            byDay.merge(
                    cd.day().day(),
                    cd.day(),
                    (a, b) -> new LinkStats.Day(
                            a.day(),
                            a.clicks() + b.clicks(),
                            a.previews() + b.previews(),
                            a.uniqueVisitors() + b.uniqueVisitors()));
        }
        return List.copyOf(byDay.values());
    }

    static Totals total(List<LinkStats.Day> days) {
        Totals t = new Totals(0, 0, 0);
        for (LinkStats.Day d : days) {
            t = t.plus(new Totals(d.clicks(), d.uniqueVisitors(), d.previews()));
        }
        return t;
    }

    /** Per code: clicks, unique visitors, previews. */
    Map<String, Totals> perCode(Collection<String> codes) {
        Map<String, Totals> perCode = new TreeMap<>();
        for (CodeDay cd : days(codes)) {
            perCode.merge(
                    cd.code(),
                    new Totals(
                            cd.day().clicks(),
                            cd.day().uniqueVisitors(),
                            cd.day().previews()),
                    Totals::plus);
        }
        return perCode;
    }
}
