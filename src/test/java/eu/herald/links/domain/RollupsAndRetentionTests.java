package eu.herald.links.domain;

import static org.assertj.core.api.Assertions.assertThat;

import eu.herald.HeraldTest;
import eu.herald.campaigns.CampaignId;
import eu.herald.common.Channel;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Statistics read the roll-ups (not the raw rows) for past days; old partitions are dropped after the retention. */
@HeraldTest
class RollupsAndRetentionTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Rollups rollups;

    @Autowired
    Clicks clicks;

    @Autowired
    ClickPartitions partitions;

    private String link() {
        String code = LinkCodes.next();
        jdbc.sql("INSERT INTO links.link (code, campaign_id, organisation_id, campaign_title, channel, target,"
                        + " utm_query, created_by) VALUES (?, ?, ?, 'Rollup', ?, 'https://example.be/', '', ?)")
                .params(code, CampaignId.random().value(), UUID.randomUUID(), Channel.X.name(), UUID.randomUUID())
                .update();
        return code;
    }

    private void click(String code, Instant at, boolean preview, int visitor) {
        partitions.ensure(at);
        byte[] hash = new byte[32];
        hash[0] = (byte) visitor;
        jdbc.sql("INSERT INTO links.click (code, at, preview, visitor) VALUES (?, ?, ?, ?)")
                .params(code, Timestamp.from(at), preview, hash)
                .update();
    }

    @Test
    void pastDaysAreReadFromTheDailyRollupAndTodayFromTheRawClicks() {
        String code = link();
        Instant twoDaysAgo = Instant.now().minus(2, ChronoUnit.DAYS);
        // Clicks are stamped "now" in real life; this test backdates them, so the roll-up (which another test or the
        // scheduler may already have run past that day in this shared database) must start before them.
        Timestamp before = Timestamp.from(LocalDate.ofInstant(twoDaysAgo, Links.BRUSSELS)
                .minusDays(1)
                .atStartOfDay(Links.BRUSSELS)
                .toInstant());
        jdbc.sql("UPDATE links.rollup_state SET hourly_until = ?, daily_until = ?")
                .params(before, before)
                .update();
        click(code, twoDaysAgo, false, 1);
        click(code, twoDaysAgo.plusSeconds(60), false, 1);
        click(code, twoDaysAgo.plusSeconds(120), false, 2);
        click(code, twoDaysAgo.plusSeconds(180), true, 3);
        click(code, Instant.now(), false, 4);

        rollups.rollUpUntil(Instant.now());
        LocalDate day = LocalDate.ofInstant(twoDaysAgo, Links.BRUSSELS);
        assertThat(jdbc.sql("SELECT clicks || '/' || previews || '/' || unique_visitors FROM links.click_daily"
                                + " WHERE code = ? AND day = ?")
                        .params(code, day)
                        .query(String.class)
                        .single())
                .isEqualTo("3/1/2");
        assertThat(jdbc.sql("SELECT sum(clicks) FROM links.click_hourly WHERE code = ?")
                        .param(code)
                        .query(Long.class)
                        .single())
                .isEqualTo(3);

        // the raw rows of that day are no longer read: removing them changes nothing
        jdbc.sql("DELETE FROM links.click WHERE code = ? AND at < ?")
                .params(code, Timestamp.from(Instant.now().minus(1, ChronoUnit.DAYS)))
                .update();
        Clicks.Totals totals = Clicks.total(clicks.byDay(List.of(code)));
        assertThat(totals).isEqualTo(new Clicks.Totals(4, 3, 1));
        assertThat(clicks.byDay(List.of(code))).hasSize(2);
        assertThat(clicks.perCode(List.of(code))).containsEntry(code, new Clicks.Totals(4, 3, 1));

        // rolling up again adds nothing twice
        rollups.rollUpUntil(Instant.now());
        assertThat(Clicks.total(clicks.byDay(List.of(code)))).isEqualTo(new Clicks.Totals(4, 3, 1));
    }

    @Test
    void partitionsOlderThanTheRetentionAreDroppedAndRecentOnesKept() {
        YearMonth now = YearMonth.now(ZoneOffset.UTC);
        partitions.ensure(now.minusMonths(20).atDay(3).atStartOfDay().toInstant(ZoneOffset.UTC));
        partitions.ensure(now.minusMonths(5).atDay(3).atStartOfDay().toInstant(ZoneOffset.UTC));
        String old = "click_" + now.minusMonths(20).toString().replace('-', '_');
        String recent = "click_" + now.minusMonths(5).toString().replace('-', '_');
        assertThat(partitions.existing()).contains(old, recent);

        partitions.dropBefore(now.minusMonths(13));

        assertThat(partitions.existing()).doesNotContain(old).contains(recent);
        assertThat(partitions.existing())
                .contains("click_" + now.plusMonths(3).toString().replace('-', '_'));
    }
}
