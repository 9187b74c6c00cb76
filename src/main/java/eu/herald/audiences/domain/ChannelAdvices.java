package eu.herald.audiences.domain;

import eu.herald.audiences.AudienceId;
import eu.herald.audiences.Suitability;
import eu.herald.common.Channel;
import eu.herald.common.Language;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The audience × channel matrix's table. */
@Repository
class ChannelAdvices {

    private static final String COLUMNS =
            "audience_id, channel, suitability, reason_key, reason_nl, reason_fr," + " reason_de, reason_en, version";

    private final JdbcClient jdbc;

    ChannelAdvices(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<AdviceCell> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM audiences.channel_advice").query(ChannelAdvices::map).stream()
                .filter(Objects::nonNull)
                .toList();
    }

    List<AdviceCell> forAudiences(Collection<AudienceId> audiences) {
        if (audiences.isEmpty()) {
            return List.of();
        }
        return jdbc
                .sql("SELECT " + COLUMNS + " FROM audiences.channel_advice WHERE audience_id = ANY(?)")
                .param(audiences.stream().map(AudienceId::value).toArray(UUID[]::new))
                .query(ChannelAdvices::map)
                .stream()
                .filter(Objects::nonNull)
                .toList();
    }

    Optional<AdviceCell> find(AudienceId audience, Channel channel) {
        return jdbc
                .sql("SELECT " + COLUMNS + " FROM audiences.channel_advice WHERE audience_id = ? AND channel = ?")
                .params(audience.value(), channel.name())
                .query(ChannelAdvices::map)
                .stream()
                .filter(Objects::nonNull)
                .findFirst();
    }

    void insert(AdviceCell cell) {
        jdbc.sql("INSERT INTO audiences.channel_advice (audience_id, channel, suitability, reason_key, reason_nl,"
                        + " reason_fr, reason_de, reason_en) VALUES (:audience, :channel, :suitability, :key, :nl,"
                        + " :fr, :de, :en)")
                .param("audience", cell.audience().value())
                .param("channel", cell.channel().name())
                .param("suitability", cell.suitability().name())
                .param("key", cell.reasonKey())
                .params(reasons(cell))
                .update();
    }

    /** Saves an edited cell if nobody saved it since {@code cell.version()} was read. */
    void update(AdviceCell cell) {
        int updated = jdbc.sql("UPDATE audiences.channel_advice SET suitability = :suitability, reason_key = :key,"
                        + " reason_nl = :nl, reason_fr = :fr, reason_de = :de, reason_en = :en,"
                        + " version = version + 1 WHERE audience_id = :audience AND channel = :channel"
                        + " AND version = :version")
                .param("audience", cell.audience().value())
                .param("channel", cell.channel().name())
                .param("suitability", cell.suitability().name())
                .param("key", cell.reasonKey())
                .params(reasons(cell))
                .param("version", cell.version())
                .update();
        if (updated != 1) {
            throw new OptimisticLockingFailureException("advice " + cell.audience() + "/" + cell.channel());
        }
    }

    private static Map<String, Object> reasons(AdviceCell cell) {
        Map<String, Object> reasons = new java.util.HashMap<>();
        for (Language language : Language.values()) {
            reasons.put(language.code(), cell.reasons().get(language));
        }
        return reasons;
    }

    /** A cell; null for a channel this version of Herald no longer has. */
    private static @Nullable AdviceCell map(ResultSet rs, int row) throws SQLException {
        String channel = rs.getString("channel");
        if (Arrays.stream(Channel.values()).noneMatch(c -> c.name().equals(channel))) {
            return null;
        }
        Map<Language, String> reasons = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            String reason = rs.getString("reason_" + language.code());
            if (reason != null) {
                reasons.put(language, reason);
            }
        }
        return new AdviceCell(
                new AudienceId(rs.getObject("audience_id", UUID.class)),
                Channel.valueOf(channel),
                Suitability.valueOf(rs.getString("suitability")),
                rs.getString("reason_key"),
                reasons,
                rs.getInt("version"));
    }
}
