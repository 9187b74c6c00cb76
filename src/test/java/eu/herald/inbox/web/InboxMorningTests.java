package eu.herald.inbox.web;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import eu.herald.HeraldTest;
import eu.herald.SignIn;
import eu.herald.TestEnvironment;
import eu.herald.inbox.domain.Polling;
import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 6's "done means", on the real application: last night's reactions come in by polling a Mastodon account
 * (notifications of type mention, https://docs.joinmastodon.org/methods/notifications/) and by a Facebook Page
 * webhook (https://developers.facebook.com/docs/graph-api/webhooks/getting-started); in the morning they are triaged,
 * the emergency already answered with the emergency numbers (a reply status on the Mastodon fake,
 * https://docs.joinmastodon.org/methods/statuses/#create) and escalated, the abuse hidden on Facebook ({@code POST
 * /{comment-id}} with {@code is_hidden=true}, https://developers.facebook.com/docs/graph-api/reference/comment/#updating),
 * questions with a proposed reply and an SLA; then the moderator edits the playbook and sees it apply on the test bench
 * and on a new reaction. Both platforms are WireMock fakes on 127.0.0.1.
 */
@HeraldTest
class InboxMorningTests {

    static WireMockServer mastodon;
    static WireMockServer facebook;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    /** The bicycle rules this test adds go again, so other tests meet the starter playbook as seeded. */
    @org.junit.jupiter.api.AfterEach
    void removeTheBicycleRules() throws Exception {
        jakarta.servlet.http.Cookie moderator = eu.herald.SignIn.as(mvc, "moderator@herald.test");
        for (UUID rule : jdbc.sql("SELECT id FROM inbox.rule WHERE name LIKE 'Fietsen %'")
                .query(UUID.class)
                .list()) {
            mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                                    "/inbox/playbook/rules/" + rule + "/delete")
                            .with(org.springframework.security.test.web.servlet.request
                                    .SecurityMockMvcRequestPostProcessors.csrf())
                            .cookie(moderator))
                    .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status()
                            .is3xxRedirection());
        }
    }

    @Autowired
    Polling polling;

    @BeforeAll
    static void startFakes() {
        mastodon = new WireMockServer(
                WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        mastodon.start();
        facebook = new WireMockServer(
                WireMockConfiguration.options().bindAddress("127.0.0.1").port(TestEnvironment.FACEBOOK_FAKE_PORT));
        facebook.start();
    }

    @AfterAll
    static void stopFakes() {
        mastodon.stop();
        facebook.stop();
    }

    @Test
    void inTheMorningTheInboxIsTriagedAnsweredEscalatedHiddenAndRoutedAndAnEditedPlaybookApplies() throws Exception {
        String marker = "m" + UUID.randomUUID().toString().substring(0, 8);
        UUID zone = NightShift.run(mvc, jdbc, polling, mastodon, facebook, marker);

        // the emergency: answered at once on Mastodon with the numbers, in Dutch, and escalated
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> mastodon.verify(postRequestedFor(urlEqualTo("/" + marker + "/api/v1/statuses"))
                        .withHeader("Authorization", equalTo("Bearer mastodon-token"))
                        .withRequestBody(equalToJson("{\"in_reply_to_id\": \"" + marker + "-2\"}", true, true))
                        .withRequestBody(containing("112"))
                        .withRequestBody(containing("09 266 61 11"))
                        .withRequestBody(containing("niet dag en nacht gevolgd"))));
        Map<String, Object> emergency = item(marker + "-2");
        assertThat(emergency.get("category")).isEqualTo("EMERGENCY");
        assertThat(emergency.get("escalated")).isEqualTo(true);
        await().atMost(Duration.ofSeconds(20)).until(() -> item(marker + "-2").get("alerted_at") != null);
        assertThat(jdbc.sql(
                                "SELECT count(*) FROM notifications.notice n JOIN accounts.app_user u ON u.id = n.recipient_id"
                                        + " WHERE n.message_key = 'inbox.notice.emergency' AND n.link = ? AND u.email = ?")
                        .params("/inbox/items/" + emergency.get("id"), "moderator@herald.test")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        // the abuse: hidden on Facebook
        await().atMost(Duration.ofSeconds(20))
                .until(() -> Boolean.TRUE.equals(item("page" + marker + "_c1").get("hidden_on_platform")));
        assertThat(item("page" + marker + "_c1").get("category")).isIn("ABUSE", "SPAM");
        facebook.verify(postRequestedFor(urlEqualTo("/v21.0/page" + marker + "_c1"))
                .withRequestBody(containing("is_hidden=true"))
                .withRequestBody(containing("access_token=facebook-token")));

        // the question: a proposed reply and an SLA, assigned by the starter playbook
        Map<String, Object> question = item(marker + "-3");
        assertThat(question.get("category")).isEqualTo("QUESTION");
        assertThat((String) question.get("proposed_reply"))
                .contains("an@other.example")
                .contains("09 266 61 11");
        assertThat(question.get("sla_due")).isNotNull();
        assertThat(question.get("assignee_team")).isEqualTo("communication");
        assertThat(question.get("in_reply_to")).isEqualTo("109372843234");

        // the moderator sees them, the emergency first
        Cookie moderator = SignIn.as(mvc, "moderator@herald.test");
        String inbox = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/inbox")
                        .cookie(moderator)
                        .header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(inbox.indexOf("glas breken")).isPositive().isLessThan(inbox.indexOf("gestolen fiets"));

        // the moderator adds a rule for bicycles, moves it first, tries it on the bench, and a new reaction follows it
        mvc.perform(post("/inbox/playbook/rules")
                        .with(csrf())
                        .cookie(moderator)
                        .param("organisation", zone.toString())
                        .param("name", "Fietsen " + marker)
                        .param("keywords", "fiets, vélo")
                        .param("assignTeam", "fietsteam-" + marker)
                        .param("slaMinutes", "120")
                        .param("replyNl", "Dag {author}, fietsdiefstal meldt u online of op {nonUrgentNumber}."))
                .andExpect(status().is3xxRedirection());
        UUID rule = jdbc.sql("SELECT id FROM inbox.rule WHERE name = ?")
                .param("Fietsen " + marker)
                .query(UUID.class)
                .single();
        for (int i = 0; i < 20; i++) {
            mvc.perform(post("/inbox/playbook/rules/" + rule + "/up")
                            .with(csrf())
                            .cookie(moderator))
                    .andExpect(status().is3xxRedirection());
        }
        assertThat(jdbc.sql("SELECT position FROM inbox.rule WHERE id = ?")
                        .param(rule)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        String bench = mvc.perform(post("/inbox/playbook/bench")
                        .with(csrf())
                        .cookie(moderator)
                        .header("Accept-Language", "en")
                        .param("organisation", zone.toString())
                        .param("text", NightShift.QUESTION)
                        .param("channel", "MASTODON"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(bench)
                .contains("Fietsen " + marker)
                .contains("fietsteam-" + marker)
                .contains("fietsdiefstal meldt u online");

        mastodon.stubFor(
                get(urlPathEqualTo("/" + marker + "/api/v1/notifications")).willReturn(okJson("""
                [{"id": "904", "type": "mention", "created_at": "2026-11-29T08:10:00.000Z", "account": {"acct": "lies"},
                  "status": {"id": "%1$s-4", "in_reply_to_id": null, "visibility": "public", "created_at": "2026-11-29T08:10:00.000Z",
                             "url": "https://social.example/@lies/4", "content": "<p>Iemand heeft mijn fiets gestolen aan het station, wat nu?</p>",
                             "account": {"acct": "lies"}}}]
                """.formatted(marker))));
        polling.pollAll();
        Map<String, Object> bike = item(marker + "-4");
        assertThat(bike.get("assignee_team")).isEqualTo("fietsteam-" + marker);
        assertThat((String) bike.get("proposed_reply"))
                .isEqualTo("Dag lies, fietsdiefstal meldt u online of op 09 266 61 11.");
        mastodon.verify(WireMock.getRequestedFor(urlPathEqualTo("/" + marker + "/api/v1/notifications"))
                .withQueryParam("min_id", equalTo("903")));
    }

    Map<String, Object> item(String platformId) {
        return jdbc.sql("SELECT * FROM inbox.item WHERE platform_id = ?")
                .param(platformId)
                .query()
                .singleRow();
    }
}
