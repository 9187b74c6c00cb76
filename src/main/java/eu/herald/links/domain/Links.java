package eu.herald.links.domain;

import eu.herald.campaigns.CampaignId;
import eu.herald.common.Channel;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The short links and the organisations' allowed domains. */
@Repository
class Links {

    static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

    private final JdbcClient jdbc;

    Links(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Link> find(String code) {
        return jdbc.sql("SELECT * FROM links.link WHERE code = ?")
                .param(code)
                .query(this::map)
                .optional();
    }

    List<Link> ofCampaign(CampaignId campaign) {
        return jdbc.sql("SELECT * FROM links.link WHERE campaign_id = ? ORDER BY channel, location, created_at")
                .param(campaign.value())
                .query(this::map)
                .list();
    }

    /** The link for a URL of a variant's text (not a poster's), if there is one. */
    Optional<Link> variantLink(CampaignId campaign, Channel channel, UUID variant, String target) {
        return jdbc.sql("SELECT * FROM links.link WHERE campaign_id = ? AND channel = ? AND variant_id = ?"
                        + " AND target = ? AND location IS NULL")
                .params(campaign.value(), channel.name(), variant, target)
                .query(this::map)
                .optional();
    }

    /**
     * Inserts the link unless its code is taken or its variant already has a link to the target; answers whether it
     * was inserted.
     */
    boolean insert(Link link, @Nullable UUID createdBy) {
        return jdbc.sql("INSERT INTO links.link (code, campaign_id, organisation_id, campaign_title, channel,"
                                + " variant_id, location, target, utm_query, created_by, created_at)"
                                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")
                        .params(
                                link.code(),
                                link.campaign().value(),
                                link.organisationId(),
                                link.campaignTitle(),
                                link.channel().name(),
                                link.variantId(),
                                link.location(),
                                link.target(),
                                link.utmQuery(),
                                createdBy,
                                Timestamp.from(link.createdAt()))
                        .update()
                == 1;
    }

    /** A poster run as printed (its PDF apart). */
    record Run(UUID id, CampaignId campaign, PosterPaper paper, String languages, Instant printedAt) {}

    void insertRun(Run run, UUID organisation, byte[] pdf, @Nullable UUID createdBy, List<String> codes) {
        jdbc.sql("INSERT INTO links.poster_run (id, campaign_id, organisation_id, paper, languages, pdf, created_by,"
                        + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        run.id(),
                        run.campaign().value(),
                        organisation,
                        run.paper().name(),
                        run.languages(),
                        pdf,
                        createdBy,
                        Timestamp.from(run.printedAt()))
                .update();
        jdbc.sql("UPDATE links.link SET poster_run_id = ? WHERE code = ANY(?)")
                .params(run.id(), codes.toArray(String[]::new))
                .update();
    }

    private static Run run(ResultSet rs) throws SQLException {
        return new Run(
                rs.getObject("id", UUID.class),
                new CampaignId(rs.getObject("campaign_id", UUID.class)),
                PosterPaper.valueOf(rs.getString("paper")),
                rs.getString("languages"),
                rs.getTimestamp("created_at").toInstant());
    }

    Optional<Run> run(UUID id) {
        return jdbc.sql("SELECT id, campaign_id, paper, languages, created_at FROM links.poster_run WHERE id = ?")
                .param(id)
                .query((rs, n) -> run(rs))
                .optional();
    }

    /** A campaign's poster runs, the latest first. */
    List<Run> runs(CampaignId campaign) {
        return jdbc.sql("SELECT id, campaign_id, paper, languages, created_at FROM links.poster_run"
                        + " WHERE campaign_id = ? ORDER BY created_at DESC")
                .param(campaign.value())
                .query((rs, n) -> run(rs))
                .list();
    }

    byte[] runPdf(UUID id) {
        return jdbc.sql("SELECT pdf FROM links.poster_run WHERE id = ?")
                .param(id)
                .query(byte[].class)
                .single();
    }

    /** The codes printed in each of a campaign's poster runs, in the order of the locations. */
    Map<UUID, List<String>> runCodes(CampaignId campaign) {
        Map<UUID, List<String>> codes = new LinkedHashMap<>();
        jdbc.sql("SELECT poster_run_id, code FROM links.link WHERE campaign_id = ? AND poster_run_id IS NOT NULL"
                        + " ORDER BY created_at, code")
                .param(campaign.value())
                .query(rs -> {
                    codes.computeIfAbsent(rs.getObject("poster_run_id", UUID.class), k -> new ArrayList<>())
                            .add(rs.getString("code"));
                });
        return codes;
    }

    List<String> allowedDomains(UUID organisation) {
        return jdbc.sql("SELECT domain FROM links.allowed_domain WHERE organisation_id = ? ORDER BY domain")
                .param(organisation)
                .query(String.class)
                .list();
    }

    void replaceAllowedDomains(UUID organisation, List<String> domains) {
        jdbc.sql("DELETE FROM links.allowed_domain WHERE organisation_id = ?")
                .param(organisation)
                .update();
        for (String domain : domains) {
            jdbc.sql("INSERT INTO links.allowed_domain (organisation_id, domain) VALUES (?, ?) ON CONFLICT DO NOTHING")
                    .params(organisation, domain)
                    .update();
        }
    }

    Optional<Utm.Template> utmTemplate(UUID organisation) {
        return jdbc.sql("SELECT * FROM links.utm_template WHERE organisation_id = ?")
                .param(organisation)
                .query((rs, n) -> new Utm.Template(
                        rs.getString("utm_source"),
                        rs.getString("utm_medium"),
                        rs.getString("utm_campaign"),
                        rs.getString("utm_content")))
                .optional();
    }

    void saveUtmTemplate(UUID organisation, Utm.Template t) {
        jdbc.sql("INSERT INTO links.utm_template (organisation_id, utm_source, utm_medium, utm_campaign, utm_content)"
                        + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (organisation_id) DO UPDATE SET"
                        + " utm_source = excluded.utm_source, utm_medium = excluded.utm_medium,"
                        + " utm_campaign = excluded.utm_campaign, utm_content = excluded.utm_content")
                .params(organisation, t.source(), t.medium(), t.campaign(), t.content())
                .update();
    }

    private Link map(ResultSet rs, int row) throws SQLException {
        return new Link(
                rs.getString("code"),
                new CampaignId(rs.getObject("campaign_id", UUID.class)),
                rs.getObject("organisation_id", UUID.class),
                rs.getString("campaign_title"),
                Channel.valueOf(rs.getString("channel")),
                rs.getObject("variant_id", UUID.class),
                rs.getString("location"),
                rs.getString("target"),
                rs.getString("utm_query"),
                rs.getTimestamp("created_at").toInstant());
    }
}
