package eu.herald.links.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** What a link (or a set of links) reached: clicks, unique visitors and previews, per day and per channel. */
public record LinkStats(long clicks, long uniqueVisitors, long previews, List<Day> byDay, Map<String, Long> byChannel) {

    public LinkStats {
        byDay = List.copyOf(byDay);
        byChannel = Map.copyOf(byChannel);
    }

    /** One day (Brussels time). */
    public record Day(LocalDate day, long clicks, long previews, long uniqueVisitors) {}
}
