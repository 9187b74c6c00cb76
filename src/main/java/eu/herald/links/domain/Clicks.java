package eu.herald.links.domain;

import java.sql.Date;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads the counts of the raw clicks. */
@Repository
class Clicks {

    private final JdbcClient jdbc;

    Clicks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Totals(long clicks, long uniqueVisitors, long previews) {}

    Totals totals(Collection<String> codes) {
        return jdbc.sql("SELECT count(*) FILTER (WHERE NOT preview) AS clicks,"
                        + " count(DISTINCT visitor) FILTER (WHERE NOT preview) AS visitors,"
                        + " count(*) FILTER (WHERE preview) AS previews FROM links.click WHERE code = ANY(?)")
                .param(codes.toArray(String[]::new))
                .query((rs, n) -> new Totals(rs.getLong("clicks"), rs.getLong("visitors"), rs.getLong("previews")))
                .single();
    }

    List<LinkStats.Day> byDay(Collection<String> codes) {
        return jdbc.sql("SELECT (at AT TIME ZONE 'Europe/Brussels')::date AS day,"
                        + " count(*) FILTER (WHERE NOT preview) AS clicks, count(*) FILTER (WHERE preview) AS previews,"
                        + " count(DISTINCT visitor) FILTER (WHERE NOT preview) AS visitors"
                        + " FROM links.click WHERE code = ANY(?) GROUP BY 1 ORDER BY 1")
                .param(codes.toArray(String[]::new))
                .query((rs, n) -> new LinkStats.Day(
                        rs.getObject("day", Date.class).toLocalDate(),
                        rs.getLong("clicks"),
                        rs.getLong("previews"),
                        rs.getLong("visitors")))
                .list();
    }

    /** Per code: clicks, unique visitors, previews. */
    Map<String, Totals> perCode(Collection<String> codes) {
        return jdbc
                .sql("SELECT code, count(*) FILTER (WHERE NOT preview) AS clicks,"
                        + " count(DISTINCT visitor) FILTER (WHERE NOT preview) AS visitors,"
                        + " count(*) FILTER (WHERE preview) AS previews FROM links.click WHERE code = ANY(?)"
                        + " GROUP BY code")
                .param(codes.toArray(String[]::new))
                .query((rs, n) -> Map.entry(
                        rs.getString("code"),
                        new Totals(rs.getLong("clicks"), rs.getLong("visitors"), rs.getLong("previews"))))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
