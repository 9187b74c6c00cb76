package eu.herald.links.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The monthly partitions of {@code links.click} (months in UTC): created from last month to three months ahead at start-up and every
 * day, and on demand by the writer; partitions older than the retention are dropped.
 */
@Component
class ClickPartitions {

    private static final Logger log = LoggerFactory.getLogger(ClickPartitions.class);
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyy_MM");

    private final JdbcClient jdbc;
    private final LinksProperties properties;

    ClickPartitions(JdbcClient jdbc, LinksProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Scheduled(cron = "0 17 3 * * *", zone = "UTC")
    void maintain() {
        YearMonth now = YearMonth.now(ZoneOffset.UTC);
        for (int i = -1; i <= 3; i++) {
            create(now.plusMonths(i));
        }
        dropBefore(now.minusMonths(properties.retention()));
    }

    void ensure(Instant at) {
        create(YearMonth.from(at.atOffset(ZoneOffset.UTC)));
    }

    private void create(YearMonth month) {
        LocalDate from = month.atDay(1);
        LocalDate to = month.plusMonths(1).atDay(1);
        jdbc.sql("CREATE TABLE IF NOT EXISTS links.click_" + month.format(NAME) + " PARTITION OF links.click FOR VALUES"
                        + " FROM ('" + from + " 00:00:00+00') TO ('" + to + " 00:00:00+00')")
                .update();
    }

    /** Drops every partition of a month before {@code oldestKept}. */
    void dropBefore(YearMonth oldestKept) {
        List<String> names = jdbc.sql("SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid"
                        + " JOIN pg_class p ON p.oid = i.inhparent JOIN pg_namespace n ON n.oid = p.relnamespace"
                        + " WHERE n.nspname = 'links' AND p.relname = 'click'")
                .query(String.class)
                .list();
        String oldest = "click_" + oldestKept.format(NAME);
        for (String name : names) {
            if (name.matches("click_\\d{4}_\\d{2}") && name.compareTo(oldest) < 0) {
                jdbc.sql("DROP TABLE links." + name).update();
                log.info("Dropped click partition {} (retention {} months)", name, properties.retention());
            }
        }
    }

    List<String> existing() {
        return jdbc.sql("SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid"
                        + " JOIN pg_class p ON p.oid = i.inhparent JOIN pg_namespace n ON n.oid = p.relnamespace"
                        + " WHERE n.nspname = 'links' AND p.relname = 'click' ORDER BY 1")
                .query(String.class)
                .list();
    }
}
