package eu.herald.links.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.head;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import eu.herald.HeraldTest;
import eu.herald.SignIn;
import eu.herald.TestTokens;
import jakarta.servlet.http.Cookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Tracked links end to end: a communicator of Ixelles creates links through the API, people and robots follow them,
 * and the statistics count clicks, previews and unique visitors honestly.
 */
@HeraldTest
class LinksIntegrationTests {

    static final String BROWSER =
            "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    LinksFixture fixture;
    String communicator;
    String ixelles;
    String campaign;
    String campaignTitle;

    @BeforeEach
    void setUp() throws Exception {
        fixture = new LinksFixture(mvc, jdbc);
        communicator = fixture.communicator;
        ixelles = fixture.ixelles;
        campaign = fixture.campaign;
        campaignTitle = fixture.campaignTitle;
    }

    private String createLink(String target, String channel, String location) throws Exception {
        return fixture.createLink(target, channel, location);
    }

    private long count(String code, boolean preview) {
        return fixture.count(code, preview);
    }

    @Test
    void redirectsWithCampaignParametersKeepingTheTargetsQueryAndSetsNoCookie() throws Exception {
        String code = createLink("https://www.example.be/tips?lang=fr", "POSTER", "Bibliothèque");
        MvcResult result = mvc.perform(get("/l/" + code).header("User-Agent", BROWSER))
                .andExpect(status().isFound())
                .andExpect(header().doesNotExist("Set-Cookie"))
                .andReturn();
        String location = result.getResponse().getHeader("Location");
        assertThat(location)
                .startsWith(
                        "https://www.example.be/tips?lang=fr&utm_source=poster&utm_medium=print&utm_campaign=links-")
                .endsWith("&utm_content=Biblioth%C3%A8que");
        assertThat(result.getResponse().getCookies()).isEmpty();
        // the click is in the table as soon as the redirect is answered
        assertThat(count(code, false)).isEqualTo(1);
    }

    @Test
    void headRequestsAndPreviewBotsAreCountedAsPreviewsNotClicks() throws Exception {
        String code = createLink("https://example.be/", "FACEBOOK", null);
        mvc.perform(head("/l/" + code).header("User-Agent", BROWSER)).andExpect(status().isFound());
        for (String bot : List.of(
                "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
                "Twitterbot/1.0",
                "Mozilla/5.0 (compatible; Bluesky Cardyb/1.1; +mailto:support@bsky.app)",
                "WhatsApp/2.23.20.0 A",
                "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)")) {
            mvc.perform(get("/l/" + code).header("User-Agent", bot)).andExpect(status().isFound());
        }
        assertThat(count(code, false)).isZero();
        assertThat(count(code, true)).isEqualTo(6);

        mvc.perform(get("/l/" + code).header("User-Agent", BROWSER)).andExpect(status().isFound());
        mvc.perform(get("/l/" + code).header("User-Agent", BROWSER)).andExpect(status().isFound());
        mvc.perform(get("/l/" + code).header("User-Agent", BROWSER + " other")).andExpect(status().isFound());

        mvc.perform(get("/api/v1/links/" + code + "/stats").header("Authorization", "Bearer " + communicator))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.clicks").value(3))
                .andExpect(jsonPath("$.uniqueVisitors").value(2))
                .andExpect(jsonPath("$.previews").value(6))
                .andExpect(jsonPath("$.byDay[0].clicks").value(3))
                .andExpect(jsonPath("$.byDay[0].previews").value(6))
                .andExpect(jsonPath("$.byDay[0].uniqueVisitors").value(2))
                .andExpect(jsonPath("$.byChannel.facebook").value(3));
    }

    @Test
    void theRawAddressIsNeverStored() throws Exception {
        String code = createLink("https://example.be/", "X", null);
        mvc.perform(get("/l/" + code).header("User-Agent", BROWSER).with(r -> {
                    r.setRemoteAddr("203.0.113.77");
                    return r;
                }))
                .andExpect(status().isFound());
        String row = jdbc.sql("SELECT c::text FROM links.click c WHERE code = ?")
                .param(code)
                .query(String.class)
                .single();
        assertThat(row).doesNotContain("203.0.113.77");
    }

    @Test
    void anUnknownCodeShowsAFriendlyLocalisedPage() throws Exception {
        mvc.perform(get("/l/zzzzzzzz").header("Accept-Language", "nl"))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("Deze link bestaat niet")));
        mvc.perform(get("/l/not-a-code").header("Accept-Language", "fr"))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("Ce lien n")));
    }

    @Test
    void aLinkOfAnEndedCampaignSaysSoAndLeadsOnToTheSite() throws Exception {
        String code = createLink("https://elsene-ixelles.example.org/campagne?x=1", "WEBSITE", null);
        fixture.endCampaign();
        mvc.perform(get("/l/" + code).header("Accept-Language", "en").header("User-Agent", BROWSER))
                .andExpect(status().isGone())
                .andExpect(content().string(containsString("This campaign has ended")))
                .andExpect(content().string(containsString("href=\"https://elsene-ixelles.example.org/\"")));
        assertThat(count(code, false)).isZero();
    }

    @Test
    void refusesTargetsOutsideTheAllowListAndPrivateAddresses() throws Exception {
        for (String target : List.of(
                "https://evil.example.com/", "http://127.0.0.1/", "https://user:pw@example.be/", "ftp://example.be/")) {
            mvc.perform(post("/api/v1/links")
                            .header("Authorization", "Bearer " + communicator)
                            .header("Accept-Language", "en")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"target\": \"" + target + "\", \"campaignId\": \"" + campaign
                                    + "\", \"channel\": \"X\"}"))
                    .andExpect(status().isUnprocessableContent());
        }
    }

    @Test
    void onlyTheCampaignsCommunicatorsCreateLinksAndOnlyItsReadersSeeStats() throws Exception {
        String code = createLink("https://example.be/", "EMAIL", null);
        String moderator = TestTokens.of(jdbc, "moderator@herald.test");
        mvc.perform(get("/api/v1/links/" + code + "/stats").header("Authorization", "Bearer " + moderator))
                .andExpect(status().isForbidden());
        String analyst = TestTokens.of(jdbc, "analyst@herald.test");
        mvc.perform(get("/api/v1/links/" + code + "/stats").header("Authorization", "Bearer " + analyst))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/links/zzzzzzzz/stats").header("Authorization", "Bearer " + analyst))
                .andExpect(status().isNotFound());
        await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> jdbc.sql("SELECT count(*) FROM audit.audit_entry WHERE action = 'links.link.created'"
                                        + " AND subject_id = ?")
                                .param(code)
                                .query(Long.class)
                                .single(),
                        n -> n == 1);
        await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> jdbc.sql("SELECT count(*) FROM audit.audit_entry WHERE action = 'links.domains.changed'"
                                        + " AND organisation_id = ?::uuid")
                                .param(ixelles)
                                .query(Long.class)
                                .single(),
                        n -> n >= 1);
    }

    @Test
    void everyConcurrentClickIsStoredBeforeItsRedirect() throws Exception {
        String code = createLink("https://example.be/burst", "BLUESKY", null);
        HttpClient http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        try (ExecutorService pool = Executors.newFixedThreadPool(32)) {
            List<Future<HttpResponse<Void>>> answers = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                int n = i;
                answers.add(pool.submit(() -> http.send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/l/" + code))
                                .header("User-Agent", BROWSER + " " + n)
                                .build(),
                        HttpResponse.BodyHandlers.discarding())));
            }
            for (Future<HttpResponse<Void>> answer : answers) {
                HttpResponse<Void> response = answer.get();
                assertThat(response.statusCode()).isEqualTo(302);
                assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
            }
        }
        assertThat(count(code, false)).isEqualTo(200);
        mvc.perform(get("/api/v1/links/" + code + "/stats").header("Authorization", "Bearer " + communicator))
                .andExpect(jsonPath("$.clicks").value(200))
                .andExpect(jsonPath("$.uniqueVisitors").value(200));
    }

    @Test
    void theLinksPageListsCountsAndCreatesALink() throws Exception {
        Cookie session = SignIn.as(mvc, "communicator@herald.test");
        mvc.perform(post("/links")
                        .cookie(session)
                        .with(csrf())
                        .param("campaign", campaign)
                        .param("target", "https://example.be/poster")
                        .param("channel", "POSTER")
                        .param("location", "Gare"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/links")
                        .cookie(session)
                        .with(csrf())
                        .header("Accept-Language", "en")
                        .param("campaign", campaign)
                        .param("target", "https://elsewhere.example.net/")
                        .param("channel", "POSTER"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("is not on your organisation")));
        mvc.perform(get("/links").cookie(session).param("campaign", campaign).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Gare")))
                .andExpect(content().string(containsString("Per location")));
        String code = jdbc.sql("SELECT code FROM links.link WHERE campaign_id = ?::uuid AND location = 'Gare'")
                .param(campaign)
                .query(String.class)
                .single();
        mvc.perform(get("/links/" + code + "/qr.svg").cookie(session))
                .andExpect(status().isOk())
                .andExpect(content().contentType("image/svg+xml"))
                .andExpect(content().string(containsString("<svg")));
        mvc.perform(get("/links/" + code + "/qr.png").cookie(session))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.IMAGE_PNG));
    }

    @Test
    void theOrganisationsUtmTemplateAppliesToLinksCreatedAfterwards() throws Exception {
        Cookie admin = SignIn.as(mvc, "admin@herald.test");
        String before = createLink("https://example.be/a", "X", "Hall");
        try {
            mvc.perform(post("/admin/links/utm")
                            .cookie(admin)
                            .with(csrf())
                            .param("organisationId", ixelles)
                            .param("source", "herald-{channel}")
                            .param("medium", "{medium}")
                            .param("campaign", "{campaign}")
                            .param("content", ""))
                    .andExpect(status().is3xxRedirection());
            String after = createLink("https://example.be/a", "X", "Hall");
            assertThat(mvc.perform(get("/l/" + after).header("User-Agent", BROWSER))
                            .andReturn()
                            .getResponse()
                            .getHeader("Location"))
                    .contains("utm_source=herald-x&utm_medium=social&utm_campaign=links-")
                    .doesNotContain("utm_content");
            assertThat(mvc.perform(get("/l/" + before).header("User-Agent", BROWSER))
                            .andReturn()
                            .getResponse()
                            .getHeader("Location"))
                    .contains("utm_source=x&")
                    .contains("utm_content=Hall");
            mvc.perform(post("/admin/links/utm")
                            .cookie(admin)
                            .with(csrf())
                            .param("organisationId", ixelles)
                            .param("source", "<script>"))
                    .andExpect(status().is3xxRedirection())
                    .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                            .attribute("refusal", "links.utm.invalid"));
            mvc.perform(get("/admin/links").cookie(admin).header("Accept-Language", "en"))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("herald-{channel}")));
        } finally {
            mvc.perform(post("/admin/links/utm")
                    .cookie(admin)
                    .with(csrf())
                    .param("organisationId", ixelles)
                    .param("source", "{channel}")
                    .param("medium", "{medium}")
                    .param("campaign", "{campaign}")
                    .param("content", "{content}"));
        }
    }

    @Test
    void aVariantLinkMustBeForAVariantOfTheCampaignOnItsChannel() throws Exception {
        record Variant(String id, String campaign, String channel) {}
        Variant variant = jdbc.sql("SELECT v.id::text, m.campaign_id::text, v.channel FROM campaigns.variant v"
                        + " JOIN campaigns.message m ON m.id = v.message_id JOIN campaigns.campaign c"
                        + " ON c.id = m.campaign_id WHERE c.organisation_id = ?::uuid LIMIT 1")
                .param(ixelles)
                .query((rs, n) -> new Variant(rs.getString(1), rs.getString(2), rs.getString(3)))
                .single();
        String otherChannel = variant.channel().equals("X") ? "EMAIL" : "X";
        for (String[] attempt : new String[][] {
            {campaign, variant.channel(), "This variant is not part of the campaign."},
            {variant.campaign(), otherChannel, "must be the variant"}
        }) {
            mvc.perform(post("/api/v1/links")
                            .header("Authorization", "Bearer " + communicator)
                            .header("Accept-Language", "en")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"target\": \"https://example.be/\", \"campaignId\": \"" + attempt[0]
                                    + "\", \"channel\": \"" + attempt[1] + "\", \"variantId\": \"" + variant.id()
                                    + "\"}"))
                    .andExpect(status().isUnprocessableContent())
                    .andExpect(content().string(containsString(attempt[2])));
        }
        String body = mvc.perform(post("/api/v1/links")
                        .header("Authorization", "Bearer " + communicator)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"target\": \"https://example.be/\", \"campaignId\": \"" + variant.campaign()
                                + "\", \"channel\": \"" + variant.channel() + "\", \"variantId\": \"" + variant.id()
                                + "\"}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String code = JsonPath.read(body, "$.code");
        assertThat(jdbc.sql("SELECT utm_query FROM links.link WHERE code = ?")
                        .param(code)
                        .query(String.class)
                        .single())
                .endsWith("&utm_content=" + variant.id());
    }

    @Test
    void adminsCannotAllowLocalOrMalformedDomainsAndApproversSeeNoCreateForm() throws Exception {
        Cookie admin = SignIn.as(mvc, "admin@herald.test");
        for (String bad : List.of("localhost", "printer.local", "exa mple.be", "192.168.1.1")) {
            mvc.perform(post("/admin/links")
                            .cookie(admin)
                            .with(csrf())
                            .param("organisationId", ixelles)
                            .param("domains", "example.be\n" + bad))
                    .andExpect(status().is3xxRedirection())
                    .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                            .attribute("refusal", "links.domain.invalid"));
        }
        assertThat(jdbc.sql("SELECT string_agg(domain, ',' ORDER BY domain) FROM links.allowed_domain"
                                + " WHERE organisation_id = ?::uuid")
                        .param(ixelles)
                        .query(String.class)
                        .single())
                .isEqualTo("elsene-ixelles.example.org,example.be");
        Cookie approver = SignIn.as(mvc, "approver@herald.test");
        mvc.perform(get("/links").cookie(approver).param("campaign", campaign).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Tracked links")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("Create a link"))));
        Cookie moderator = SignIn.as(mvc, "moderator@herald.test");
        mvc.perform(get("/links").cookie(moderator).param("campaign", campaign)).andExpect(status().isForbidden());
    }
}
