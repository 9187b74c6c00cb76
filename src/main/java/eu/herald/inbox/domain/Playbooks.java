package eu.herald.inbox.domain;

import eu.herald.common.Channel;
import eu.herald.common.Language;
import eu.herald.inbox.Category;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The playbook rules, cached per organisation for intake (a few seconds; every edit clears the cache). */
@Repository
class Playbooks {

    private static final long CACHE_NANOS = Duration.ofSeconds(5).toNanos();

    private record Cached(List<Rule> rules, long at) {}

    private final JdbcClient jdbc;
    private final Map<UUID, Cached> cache = new ConcurrentHashMap<>();

    Playbooks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Rule> rules(UUID organisation) {
        Cached cached = cache.get(organisation);
        if (cached != null && System.nanoTime() - cached.at() < CACHE_NANOS) {
            return cached.rules();
        }
        List<Rule> rules = jdbc.sql("SELECT * FROM inbox.rule WHERE organisation_id = ? ORDER BY position")
                .param(organisation)
                .query((rs, n) -> rule(rs))
                .list();
        cache.put(organisation, new Cached(List.copyOf(rules), System.nanoTime()));
        return rules;
    }

    @Nullable
    Rule rule(UUID id) {
        return jdbc.sql("SELECT * FROM inbox.rule WHERE id = ?")
                .param(id)
                .query((rs, n) -> rule(rs))
                .optional()
                .orElse(null);
    }

    boolean any(UUID organisation) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM inbox.rule WHERE organisation_id = ?)")
                .param(organisation)
                .query(Boolean.class)
                .single();
    }

    void save(Rule rule) {
        jdbc.sql("""
                        INSERT INTO inbox.rule (id, organisation_id, position, name, categories, channels, keywords,
                            languages, from_time, to_time, assign_team, assign_user_id, reply_nl, reply_fr, reply_de,
                            reply_en, sla_minutes, sla_working_time, escalate, hide, forward_tip)
                        VALUES (:id, :org, :position, :name, :categories, :channels, :keywords, :languages, :from, :to,
                            :team, :user, :nl, :fr, :de, :en, :sla, :working, :escalate, :hide, :forward)
                        ON CONFLICT (id) DO UPDATE SET position = :position, name = :name, categories = :categories,
                            channels = :channels, keywords = :keywords, languages = :languages, from_time = :from,
                            to_time = :to, assign_team = :team, assign_user_id = :user, reply_nl = :nl,
                            reply_fr = :fr, reply_de = :de, reply_en = :en, sla_minutes = :sla,
                            sla_working_time = :working, escalate = :escalate, hide = :hide, forward_tip = :forward
                        """)
                .param("id", rule.id())
                .param("org", rule.organisation())
                .param("position", rule.position())
                .param("name", rule.name())
                .param("categories", names(rule.categories()))
                .param("channels", names(rule.channels()))
                .param("keywords", rule.keywords().toArray(String[]::new))
                .param(
                        "languages",
                        rule.languages().stream().map(Language::code).toArray(String[]::new))
                .param("from", rule.from() == null ? null : Time.valueOf(rule.from()))
                .param("to", rule.to() == null ? null : Time.valueOf(rule.to()))
                .param("team", rule.assignTeam())
                .param("user", rule.assignUser())
                .param("nl", rule.replies().get(Language.NL))
                .param("fr", rule.replies().get(Language.FR))
                .param("de", rule.replies().get(Language.DE))
                .param("en", rule.replies().get(Language.EN))
                .param("sla", rule.slaMinutes())
                .param("working", rule.slaWorkingTime())
                .param("escalate", rule.escalate())
                .param("hide", rule.hide())
                .param("forward", rule.forwardTip())
                .update();
        cache.remove(rule.organisation());
    }

    void delete(Rule rule) {
        jdbc.sql("DELETE FROM inbox.rule WHERE id = ?").param(rule.id()).update();
        jdbc.sql("UPDATE inbox.rule SET position = position - 1 WHERE organisation_id = ? AND position > ?")
                .param(rule.organisation())
                .param(rule.position())
                .update();
        cache.remove(rule.organisation());
    }

    /** Swaps a rule with its neighbour above ({@code -1}) or below ({@code +1}); the constraint is deferred. */
    void move(Rule rule, int direction) {
        int other = rule.position() + direction;
        jdbc.sql("UPDATE inbox.rule SET position = ? WHERE organisation_id = ? AND position = ?")
                .param(rule.position())
                .param(rule.organisation())
                .param(other)
                .update();
        jdbc.sql("UPDATE inbox.rule SET position = ? WHERE id = ? AND EXISTS (SELECT 1 FROM inbox.rule"
                        + " WHERE organisation_id = ? AND position = ? AND id <> ?)")
                .param(other)
                .param(rule.id())
                .param(rule.organisation())
                .param(rule.position())
                .param(rule.id())
                .update();
        cache.remove(rule.organisation());
    }

    int nextPosition(UUID organisation) {
        return jdbc.sql("SELECT coalesce(max(position), 0) + 1 FROM inbox.rule WHERE organisation_id = ?")
                .param(organisation)
                .query(Integer.class)
                .single();
    }

    private static String[] names(Set<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).sorted().toArray(String[]::new);
    }

    private static Rule rule(ResultSet rs) throws SQLException {
        Map<Language, String> replies = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            String text = rs.getString("reply_" + language.code());
            if (text != null) {
                replies.put(language, text);
            }
        }
        Time from = rs.getTime("from_time");
        Time to = rs.getTime("to_time");
        int sla = rs.getInt("sla_minutes");
        Integer slaMinutes = rs.wasNull() ? null : sla;
        return new Rule(
                rs.getObject("id", UUID.class),
                rs.getObject("organisation_id", UUID.class),
                rs.getInt("position"),
                rs.getString("name"),
                strings(rs.getArray("categories")).stream()
                        .map(Category::valueOf)
                        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Category.class))),
                strings(rs.getArray("channels")).stream()
                        .map(Channel::valueOf)
                        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Channel.class))),
                strings(rs.getArray("keywords")),
                strings(rs.getArray("languages")).stream()
                        .map(c -> Language.fromCode(c).orElseThrow())
                        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Language.class))),
                from == null ? null : from.toLocalTime(),
                to == null ? null : to.toLocalTime(),
                rs.getString("assign_team"),
                rs.getObject("assign_user_id", UUID.class),
                replies,
                slaMinutes,
                rs.getBoolean("sla_working_time"),
                rs.getBoolean("escalate"),
                rs.getBoolean("hide"),
                rs.getBoolean("forward_tip"));
    }

    private static List<String> strings(@Nullable Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
