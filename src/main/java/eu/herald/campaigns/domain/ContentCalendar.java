package eu.herald.campaigns.domain;

import eu.herald.accounts.Access;
import eu.herald.accounts.OrganisationId;
import eu.herald.accounts.OrganisationSummary;
import eu.herald.accounts.Role;
import eu.herald.audiences.AudienceId;
import eu.herald.campaigns.MessageId;
import eu.herald.common.Channel;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Everything scheduled for the organisations a user works in, their parents and their children, by day; with the
 * fatigue load of each week (the busiest audience and area against its cap).
 */
@Service
public class ContentCalendar {

    /** Roles that see the calendar: those who write, approve, answer reactions, analyse or administer. */
    static final List<Role> VIEWERS =
            List.of(Role.COMMUNICATOR, Role.APPROVER, Role.MODERATOR, Role.ANALYST, Role.ADMIN);

    /** One scheduled message. */
    public record Entry(
            MessageId message,
            String title,
            Instant at,
            UUID organisationId,
            String campaignTitle,
            List<AudienceId> audiences,
            List<String> areas,
            List<Channel> channels) {}

    /** The busiest (audience, area) of a week and how full its budget is. */
    public record WeekLoad(
            LocalDate monday,
            int messages,
            @Nullable AudienceId audience,
            @Nullable String area,
            int cap) {

        public boolean full() {
            return audience != null && messages >= cap;
        }
    }

    /** What the calendar is filtered on; every part optional. */
    public record Filter(
            @Nullable AudienceId audience,
            @Nullable String area,
            @Nullable Channel channel) {}

    private final JdbcClient jdbc;
    private final Access access;
    private final FatigueBudget fatigue;

    ContentCalendar(JdbcClient jdbc, Access access, FatigueBudget fatigue) {
        this.jdbc = jdbc;
        this.access = access;
        this.fatigue = fatigue;
    }

    /** The organisations whose schedule the current user sees: in reach, and the ancestors of those. */
    public Set<UUID> organisations() {
        Set<UUID> organisations = new LinkedHashSet<>();
        for (Role role : VIEWERS) {
            for (OrganisationSummary organisation : access.reachable(role)) {
                organisations.add(organisation.id().value());
                OrganisationId parent = organisation.parentId();
                while (parent != null && organisations.add(parent.value())) {
                    parent = access.organisation(parent)
                            .map(OrganisationSummary::parentId)
                            .orElse(null);
                }
            }
        }
        return organisations;
    }

    @Transactional(readOnly = true)
    public List<Entry> entries(LocalDate from, LocalDate toExclusive, Filter filter) {
        Set<UUID> organisations = organisations();
        if (organisations.isEmpty()) {
            return List.of();
        }
        List<Entry> entries = jdbc.sql("SELECT m.id, m.title, m.scheduled_at, c.organisation_id, c.title AS campaign,"
                        + " ARRAY(SELECT audience_id::text FROM campaigns.campaign_audience WHERE campaign_id = c.id) AS audiences,"
                        + " ARRAY(SELECT nis_code FROM campaigns.campaign_area WHERE campaign_id = c.id ORDER BY nis_code) AS areas,"
                        + " ARRAY(SELECT DISTINCT channel FROM campaigns.variant WHERE message_id = m.id) AS channels"
                        + " FROM campaigns.message m JOIN campaigns.campaign c ON c.id = m.campaign_id"
                        + " WHERE m.status = 'SCHEDULED' AND m.scheduled_at >= ? AND m.scheduled_at < ?"
                        + " AND c.organisation_id = ANY(?) ORDER BY m.scheduled_at, m.title")
                .params(
                        Timestamp.from(from.atStartOfDay(FatigueBudget.BRUSSELS).toInstant()),
                        Timestamp.from(
                                toExclusive.atStartOfDay(FatigueBudget.BRUSSELS).toInstant()),
                        organisations.toArray(UUID[]::new))
                .query((rs, n) -> new Entry(
                        new MessageId(rs.getObject("id", UUID.class)),
                        rs.getString("title"),
                        rs.getTimestamp("scheduled_at").toInstant(),
                        rs.getObject("organisation_id", UUID.class),
                        rs.getString("campaign"),
                        Arrays.stream((String[]) rs.getArray("audiences").getArray())
                                .map(AudienceId::of)
                                .toList(),
                        List.of((String[]) rs.getArray("areas").getArray()),
                        Arrays.stream((String[]) rs.getArray("channels").getArray())
                                .map(Channel::valueOf)
                                .sorted()
                                .toList()))
                .list();
        return entries.stream()
                .filter(e -> filter.audience() == null || e.audiences().contains(filter.audience()))
                .filter(e -> filter.area() == null || e.areas().contains(filter.area()))
                .filter(e -> filter.channel() == null || e.channels().contains(filter.channel()))
                .toList();
    }

    /**
     * The load of each week from {@code from} to {@code toExclusive}, over every organisation (the budget is shared
     * across levels), for the audiences and areas of the entries shown.
     */
    @Transactional(readOnly = true)
    public List<WeekLoad> weekLoads(LocalDate from, LocalDate toExclusive, List<Entry> shown) {
        List<WeekLoad> loads = new ArrayList<>();
        Set<AudienceId> audiences = new LinkedHashSet<>();
        Set<String> areas = new LinkedHashSet<>();
        shown.forEach(e -> {
            audiences.addAll(e.audiences());
            areas.addAll(e.areas());
        });
        for (LocalDate monday = from.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                monday.isBefore(toExclusive);
                monday = monday.plusWeeks(1)) {
            Instant at = monday.atTime(12, 0).atZone(FatigueBudget.BRUSSELS).toInstant();
            Map<String, Integer> load =
                    fatigue.load(List.copyOf(audiences), List.copyOf(areas), at, FatigueBudget.Period.WEEK);
            Optional<Map.Entry<String, Integer>> busiest =
                    load.entrySet().stream().max(Comparator.comparingInt(Map.Entry::getValue));
            if (busiest.isEmpty() || busiest.get().getValue() == 0) {
                loads.add(new WeekLoad(monday, 0, null, null, 0));
            } else {
                String[] key = busiest.get().getKey().split("/");
                AudienceId audience = AudienceId.of(key[0]);
                loads.add(new WeekLoad(
                        monday,
                        busiest.get().getValue(),
                        audience,
                        key[1],
                        fatigue.cap(audience).maxMessages()));
            }
        }
        return loads;
    }

    /** Entries grouped by day, days in order. */
    public static Map<LocalDate, List<Entry>> byDay(List<Entry> entries) {
        Map<LocalDate, List<Entry>> days = new LinkedHashMap<>();
        for (Entry entry : entries) {
            days.computeIfAbsent(entry.at().atZone(FatigueBudget.BRUSSELS).toLocalDate(), d -> new ArrayList<>())
                    .add(entry);
        }
        return days;
    }
}
