package eu.herald.links.web;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import eu.herald.SignIn;
import eu.herald.TestTokens;
import jakarta.servlet.http.Cookie;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What the links tests start from: Ixelles allows example.be and its own site, and a communicator of Ixelles has
 * planned a fresh campaign (running since yesterday, for a month) to make links for.
 */
final class LinksFixture {

    final MockMvc mvc;
    final JdbcClient jdbc;
    final String communicator;
    final String ixelles;
    final String campaignTitle;
    final String campaign;

    LinksFixture(MockMvc mvc, JdbcClient jdbc) throws Exception {
        this.mvc = mvc;
        this.jdbc = jdbc;
        communicator = TestTokens.of(jdbc, "communicator@herald.test");
        ixelles = jdbc.sql("SELECT id::text FROM accounts.organisation WHERE name_fr = 'Commune d''Ixelles'")
                .query(String.class)
                .single();
        Cookie admin = SignIn.as(mvc, "admin@herald.test");
        mvc.perform(post("/admin/links")
                        .cookie(admin)
                        .with(csrf())
                        .param("organisationId", ixelles)
                        .param("domains", "example.be\nelsene-ixelles.example.org"))
                .andExpect(status().is3xxRedirection());
        campaignTitle = "Links " + UUID.randomUUID().toString().substring(0, 8);
        campaign = plan(campaignTitle);
    }

    String plan(String title) throws Exception {
        UUID theme = jdbc.sql("SELECT id FROM campaigns.theme WHERE key = 'burglary'")
                .query(UUID.class)
                .single();
        UUID audience = jdbc.sql("SELECT id FROM audiences.audience ORDER BY 1 LIMIT 1")
                .query(UUID.class)
                .single();
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Brussels"));
        String body = mvc.perform(post("/api/v1/campaigns")
                        .header("Authorization", "Bearer " + communicator)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"organisationId\": \"" + ixelles + "\", \"title\": \"" + title
                                + "\", \"themeId\": \"" + theme + "\", \"objective\": \"More clicks\", \"startsOn\": \""
                                + today.minusDays(1) + "\", \"endsOn\": \"" + today.plusDays(30)
                                + "\", \"areas\": [\"21009\"], \"audiences\": [\"" + audience
                                + "\"], \"channels\": [\"FACEBOOK\", \"POSTER\"]}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(body, "$.id");
    }

    String createLink(String target, String channel, @Nullable String location) throws Exception {
        String body = mvc.perform(post("/api/v1/links")
                        .header("Authorization", "Bearer " + communicator)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"target\": \"" + target + "\", \"campaignId\": \"" + campaign
                                + "\", \"channel\": \""
                                + channel + "\"" + (location == null ? "" : ", \"location\": \"" + location + "\"")
                                + "}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.code").value(org.hamcrest.Matchers.matchesPattern("[0-9A-Za-z]{8}")))
                .andExpect(jsonPath("$.shortUrl").value(containsString("/l/")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(body, "$.code");
    }

    /** Clicks (or previews) stored for a link. */
    long count(String code, boolean preview) {
        return jdbc.sql("SELECT count(*) FROM links.click WHERE code = ? AND preview = ?")
                .params(code, preview)
                .query(Long.class)
                .single();
    }

    /** Ends the fixture's campaign ten days ago. */
    void endCampaign() {
        jdbc.sql("UPDATE campaigns.campaign SET starts_on = current_date - 40, ends_on = current_date - 10"
                        + " WHERE id = ?::uuid")
                .param(campaign)
                .update();
    }
}
