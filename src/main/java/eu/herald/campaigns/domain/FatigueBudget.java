package eu.herald.campaigns.domain;

import eu.herald.audiences.AudienceId;
import eu.herald.campaigns.MessageId;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Quality over quantity: at most so many prevention messages per week (or month) to the same audience in the same
 * area, counting every organisation's scheduled messages together — federal, zone and municipality alike.
 */
@Component
public class FatigueBudget {

    static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

    /** The cap for an audience: how many messages per period. */
    public record Cap(int maxMessages, Period period) {}

    public enum Period {
        WEEK,
        MONTH
    }

    /** A scheduled message that counts against a budget. */
    public record Scheduled(MessageId id, String title, Instant at, UUID organisationId) {}

    /** One audience in one area whose budget the new message would exceed. */
    public record Conflict(AudienceId audience, String area, Cap cap, List<Scheduled> messages) {}

    private final JdbcClient jdbc;

    FatigueBudget(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The budgets that a message going out at {@code at} to these audiences and areas would exceed; empty when it is
     * admitted. {@code self} is left out of the count (re-scheduling a message does not count it twice).
     */
    public List<Conflict> conflicts(MessageId self, List<AudienceId> audiences, List<String> areas, Instant at) {
        List<Conflict> conflicts = new ArrayList<>();
        for (AudienceId audience : audiences) {
            Cap cap = cap(audience);
            Instant[] window = window(at, cap.period());
            for (String area : areas) {
                List<Scheduled> scheduled = scheduled(self, audience, area, window[0], window[1]);
                if (scheduled.size() >= cap.maxMessages()) {
                    conflicts.add(new Conflict(audience, area, cap, scheduled));
                }
            }
        }
        return conflicts;
    }

    /** Serialises scheduling decisions across nodes, so two messages cannot both take the last place in a budget. */
    void lock() {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('campaigns.fatigue_budget'))")
                .query()
                .singleRow();
    }

    /** How many messages are scheduled per (audience, area) in the period containing {@code at}. */
    public Map<String, Integer> load(List<AudienceId> audiences, List<String> areas, Instant at, Period period) {
        Map<String, Integer> load = new LinkedHashMap<>();
        Instant[] window = window(at, period);
        for (AudienceId audience : audiences) {
            for (String area : areas) {
                load.put(
                        audience + "/" + area,
                        scheduled(null, audience, area, window[0], window[1]).size());
            }
        }
        return load;
    }

    public Cap cap(AudienceId audience) {
        Optional<Cap> specific = jdbc.sql(
                        "SELECT max_messages, period FROM campaigns.fatigue_cap WHERE audience_id = ?")
                .param(audience.value())
                .query((rs, n) -> new Cap(rs.getInt("max_messages"), Period.valueOf(rs.getString("period"))))
                .optional();
        return specific.orElseGet(() -> jdbc.sql(
                        "SELECT max_messages, period FROM campaigns.fatigue_cap WHERE audience_id IS NULL")
                .query((rs, n) -> new Cap(rs.getInt("max_messages"), Period.valueOf(rs.getString("period"))))
                .optional()
                .orElse(new Cap(3, Period.WEEK)));
    }

    private List<Scheduled> scheduled(MessageId self, AudienceId audience, String area, Instant from, Instant to) {
        return jdbc.sql("SELECT DISTINCT m.id, m.title, m.scheduled_at, c.organisation_id FROM campaigns.message m"
                        + " JOIN campaigns.campaign c ON c.id = m.campaign_id"
                        + " JOIN campaigns.campaign_audience ca ON ca.campaign_id = c.id AND ca.audience_id = ?"
                        + " JOIN campaigns.campaign_area car ON car.campaign_id = c.id AND car.nis_code = ?"
                        + " WHERE m.status = 'SCHEDULED' AND m.scheduled_at >= ? AND m.scheduled_at < ?"
                        + " AND m.id IS DISTINCT FROM ?::uuid ORDER BY m.scheduled_at")
                .params(
                        audience.value(),
                        area,
                        Timestamp.from(from),
                        Timestamp.from(to),
                        self == null ? null : self.value())
                .query((rs, n) -> new Scheduled(
                        new MessageId(rs.getObject("id", UUID.class)),
                        rs.getString("title"),
                        rs.getTimestamp("scheduled_at").toInstant(),
                        rs.getObject("organisation_id", UUID.class)))
                .list();
    }

    /** The calendar week (Monday to Sunday) or month containing {@code at}, in Brussels time. */
    static Instant[] window(Instant at, Period period) {
        LocalDate day = at.atZone(BRUSSELS).toLocalDate();
        LocalDate start = period == Period.WEEK
                ? day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                : day.withDayOfMonth(1);
        LocalDate end = period == Period.WEEK ? start.plusWeeks(1) : start.plusMonths(1);
        return new Instant[] {
            start.atStartOfDay(BRUSSELS).toInstant(), end.atStartOfDay(BRUSSELS).toInstant()
        };
    }
}
