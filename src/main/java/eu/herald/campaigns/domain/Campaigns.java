package eu.herald.campaigns.domain;

import eu.herald.accounts.OrganisationId;
import eu.herald.audiences.AudienceId;
import eu.herald.campaigns.CampaignId;
import eu.herald.common.Channel;
import eu.herald.common.Language;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The campaigns, their areas, audiences and planned channels, themes and effort log. */
@Repository
class Campaigns {

    /** A campaign with its areas, audiences and channels in one row, so a list costs one query. */
    private static final String SELECT = "SELECT c.*,"
            + " ARRAY(SELECT nis_code FROM campaigns.campaign_area WHERE campaign_id = c.id ORDER BY nis_code) AS areas,"
            + " ARRAY(SELECT audience_id::text FROM campaigns.campaign_audience WHERE campaign_id = c.id) AS audiences,"
            + " ARRAY(SELECT channel FROM campaigns.campaign_channel WHERE campaign_id = c.id ORDER BY channel) AS channels"
            + " FROM campaigns.campaign c";

    private final JdbcClient jdbc;

    Campaigns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Campaign> find(CampaignId id) {
        return jdbc.sql(SELECT + " WHERE c.id = ?")
                .param(id.value())
                .query(this::map)
                .optional();
    }

    List<Campaign> ofOrganisations(Collection<UUID> organisations) {
        if (organisations.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " WHERE c.organisation_id = ANY(?) ORDER BY c.starts_on DESC, c.title")
                .param(organisations.toArray(UUID[]::new))
                .query(this::map)
                .list();
    }

    void insert(Campaign c) {
        jdbc.sql("INSERT INTO campaigns.campaign (id, organisation_id, title, theme_id, objective, target_metric,"
                        + " target_value, starts_on, ends_on, budget_cents, created_by)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        c.id().value(),
                        c.organisation().value(),
                        c.title(),
                        c.themeId(),
                        c.objective(),
                        c.targetMetric(),
                        c.targetValue(),
                        Date.valueOf(c.startsOn()),
                        Date.valueOf(c.endsOn()),
                        c.budgetCents(),
                        c.createdBy())
                .update();
        saveTargets(c);
    }

    void update(Campaign c) {
        int updated = jdbc.sql(
                        "UPDATE campaigns.campaign SET title = ?, theme_id = ?, objective = ?, target_metric = ?,"
                                + " target_value = ?, starts_on = ?, ends_on = ?, budget_cents = ?, version = version + 1"
                                + " WHERE id = ? AND version = ?")
                .params(
                        c.title(),
                        c.themeId(),
                        c.objective(),
                        c.targetMetric(),
                        c.targetValue(),
                        Date.valueOf(c.startsOn()),
                        Date.valueOf(c.endsOn()),
                        c.budgetCents(),
                        c.id().value(),
                        c.version())
                .update();
        if (updated != 1) {
            throw new OptimisticLockingFailureException("campaign " + c.id() + " changed meanwhile");
        }
        jdbc.sql("DELETE FROM campaigns.campaign_area WHERE campaign_id = ?")
                .param(c.id().value())
                .update();
        jdbc.sql("DELETE FROM campaigns.campaign_audience WHERE campaign_id = ?")
                .param(c.id().value())
                .update();
        jdbc.sql("DELETE FROM campaigns.campaign_channel WHERE campaign_id = ?")
                .param(c.id().value())
                .update();
        saveTargets(c);
    }

    private void saveTargets(Campaign c) {
        for (String area : c.areas()) {
            jdbc.sql("INSERT INTO campaigns.campaign_area (campaign_id, nis_code) VALUES (?, ?)")
                    .params(c.id().value(), area)
                    .update();
        }
        for (AudienceId audience : c.audiences()) {
            jdbc.sql("INSERT INTO campaigns.campaign_audience (campaign_id, audience_id) VALUES (?, ?)")
                    .params(c.id().value(), audience.value())
                    .update();
        }
        for (Channel channel : c.channels()) {
            jdbc.sql("INSERT INTO campaigns.campaign_channel (campaign_id, channel) VALUES (?, ?)")
                    .params(c.id().value(), channel.name())
                    .update();
        }
    }

    List<Theme> themes() {
        return jdbc.sql("SELECT * FROM campaigns.theme ORDER BY name_en")
                .query(Campaigns::theme)
                .list();
    }

    Optional<Theme> theme(UUID id) {
        return jdbc.sql("SELECT * FROM campaigns.theme WHERE id = ?")
                .param(id)
                .query(Campaigns::theme)
                .optional();
    }

    void logEffort(CampaignId campaign, Effort effort) {
        jdbc.sql("INSERT INTO campaigns.effort (id, campaign_id, user_id, user_name, worked_on, hours, activity)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(
                        effort.id(),
                        campaign.value(),
                        effort.userId(),
                        effort.userName(),
                        Date.valueOf(effort.workedOn()),
                        effort.hours(),
                        effort.activity())
                .update();
    }

    List<Effort> efforts(CampaignId campaign) {
        return jdbc.sql("SELECT * FROM campaigns.effort WHERE campaign_id = ? ORDER BY worked_on DESC, created_at DESC")
                .param(campaign.value())
                .query((rs, n) -> new Effort(
                        rs.getObject("id", UUID.class),
                        rs.getObject("user_id", UUID.class),
                        rs.getString("user_name"),
                        rs.getDate("worked_on").toLocalDate(),
                        rs.getBigDecimal("hours"),
                        rs.getString("activity")))
                .list();
    }

    private Campaign map(ResultSet rs, int row) throws SQLException {
        return new Campaign(
                new CampaignId(rs.getObject("id", UUID.class)),
                new OrganisationId(rs.getObject("organisation_id", UUID.class)),
                rs.getString("title"),
                rs.getObject("theme_id", UUID.class),
                rs.getString("objective"),
                rs.getString("target_metric"),
                rs.getBigDecimal("target_value"),
                rs.getDate("starts_on").toLocalDate(),
                rs.getDate("ends_on").toLocalDate(),
                rs.getLong("budget_cents"),
                List.of((String[]) rs.getArray("areas").getArray()),
                Arrays.stream((String[]) rs.getArray("audiences").getArray())
                        .map(AudienceId::of)
                        .toList(),
                Arrays.stream((String[]) rs.getArray("channels").getArray())
                        .map(Channel::valueOf)
                        .sorted()
                        .toList(),
                rs.getObject("created_by", UUID.class),
                rs.getInt("version"));
    }

    private static Theme theme(ResultSet rs, int row) throws SQLException {
        Map<Language, String> names = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            names.put(language, rs.getString("name_" + language.code()));
        }
        return new Theme(
                rs.getObject("id", UUID.class), rs.getString("key"), Map.copyOf(names), rs.getBoolean("active"));
    }
}
