package eu.herald.browser;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import eu.herald.HeraldTest;
import eu.herald.TestEnvironment;
import eu.herald.inbox.domain.Polling;
import eu.herald.inbox.web.NightShift;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 6's "done means" in a browser, on a laptop and on a phone: last night's reactions came in (Mastodon polled,
 * a Facebook comment pushed — WireMock fakes on 127.0.0.1, see {@link NightShift}); the Ghent zone's moderator opens
 * the inbox in the morning and finds them triaged, the emergency first and already answered with the emergency numbers
 * (the reply was posted on the Mastodon fake) and escalated, the abuse hidden (the hide call reached the Facebook
 * fake), the question with a proposed answer and an SLA; then edits the playbook, sees the new rule fire on the test
 * bench, and a new reaction follow it. Every page passes the accessibility check (axe) on the way.
 */
@HeraldTest
@Tag("browser")
class InboxBrowserTests {

    @RegisterExtension
    static final BrowserHarness browsers = new BrowserHarness();

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

    @ParameterizedTest
    @EnumSource(Viewport.class)
    void theModeratorFindsLastNightTriagedAndTheEditedPlaybookApplies(Viewport viewport) throws Exception {
        String marker = "b" + UUID.randomUUID().toString().substring(0, 8);
        NightShift.run(mvc, jdbc, polling, mastodon, facebook, marker);
        await().atMost(Duration.ofSeconds(20))
                .until(() ->
                        jdbc.sql("SELECT count(*) FROM inbox.item WHERE platform_id IN (?, ?) AND NOT actions_pending")
                                        .params(marker + "-2", "page" + marker + "_c1")
                                        .query(Long.class)
                                        .single()
                                == 2);
        mastodon.verify(
                postRequestedFor(urlEqualTo("/" + marker + "/api/v1/statuses")).withRequestBody(containing("112")));
        facebook.verify(postRequestedFor(urlEqualTo("/v21.0/page" + marker + "_c1"))
                .withRequestBody(containing("is_hidden=true")));

        Page page = browsers.newPage(viewport);
        PageCheck check = new PageCheck(page, viewport);
        BrowserSignIn.as(page, "moderator@herald.test");
        check.visit("/inbox");
        page.locator("button[name=lang][value=en]").click();
        page.waitForLoadState();
        Locator rows = page.locator("#inbox-results tbody tr");
        // open emergencies are pinned first: last night's one comes before the question received after it
        String inbox = page.locator("#inbox-results").innerText();
        assertThat(rows.first().innerText()).startsWith("Emergency");
        assertThat(inbox.indexOf("glas breken")).isNotNegative().isLessThan(inbox.indexOf("Waar kan ik aangifte doen"));

        // the emergency: answered automatically with the numbers, escalated
        rows.filter(new Locator.FilterOptions().setHasText("glas breken"))
                .locator("a")
                .first()
                .click();
        page.waitForURL(url -> url.matches(".*/inbox/items/[0-9a-f-]{36}$"));
        check.here();
        String emergency = page.locator("main").innerText();
        assertThat(emergency).contains("112").contains("09 266 61 11").contains("Escalated");

        // the abuse: hidden
        check.visit("/inbox?status=HIDDEN");
        assertThat(page.locator("#inbox-results").innerText()).contains("rot op");

        // the question: a proposed answer and a deadline
        check.visit("/inbox?category=QUESTION");
        page.locator("#inbox-results tbody tr")
                .filter(new Locator.FilterOptions().setHasText("gestolen fiets"))
                .first()
                .locator("a")
                .first()
                .click();
        page.waitForURL(url -> url.matches(".*/inbox/items/[0-9a-f-]{36}$"));
        check.here();
        assertThat(page.locator("#reply-text").inputValue())
                .contains("an@other.example")
                .contains("09 266 61 11");
        assertThat(page.locator("main").innerText()).contains("communication");

        // the playbook: a new rule, moved first, fires on the test bench
        check.visit("/inbox/playbook");
        page.locator("main a[href^='/inbox/playbook/rules/new']").click();
        page.waitForURL("**/inbox/playbook/rules/new**");
        check.here();
        page.locator("#name").fill("Fietsen " + marker);
        page.locator("#keywords").fill("fiets, vélo");
        page.locator("#assignTeam").fill("fietsteam-" + marker);
        page.locator("#slaMinutes").fill("120");
        page.locator("#replyNl").fill("Dag {author}, fietsdiefstal meldt u online of op {nonUrgentNumber}.");
        page.locator("main form button[type=submit]").last().click();
        page.waitForURL("**/inbox/playbook?organisation=*");
        Locator ours =
                page.locator("main table tbody tr").filter(new Locator.FilterOptions().setHasText("Fietsen " + marker));
        while (ours.locator("button:has-text('Up')").count() > 0) {
            ours.locator("button:has-text('Up')").click();
            page.waitForLoadState();
            ours = page.locator("main table tbody tr")
                    .filter(new Locator.FilterOptions().setHasText("Fietsen " + marker));
        }
        check.here();
        assertThat(page.locator("main table tbody tr").first().innerText()).contains("Fietsen " + marker);
        page.locator("#bench-text").fill("Waar kan ik mijn gestolen fiets melden?");
        page.locator("#bench-channel").selectOption("MASTODON");
        // dispatched rather than clicked: on the phone the button is still scrolling into view when Playwright looks
        page.locator("button:has-text('Try it')").dispatchEvent("click");
        page.locator("[data-testid=bench-rule]").waitFor();
        assertThat(page.locator("[data-testid=bench-rule]").innerText()).isEqualTo("Fietsen " + marker);
        assertThat(page.locator("#bench-result").innerText()).contains("fietsteam-" + marker);
        check.here();

        // a new reaction follows the edited playbook
        mastodon.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                        com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo(
                                "/" + marker + "/api/v1/notifications"))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson("""
                        [{"id": "904", "type": "mention", "created_at": "2026-11-29T08:10:00.000Z", "account": {"acct": "lies"},
                          "status": {"id": "%s-4", "in_reply_to_id": null, "visibility": "public", "created_at": "2026-11-29T08:10:00.000Z",
                                     "url": "https://social.example/@lies/4", "content": "<p>Iemand heeft mijn fiets gestolen aan het station</p>",
                                     "account": {"acct": "lies"}}}]
                        """.formatted(marker))));
        polling.pollAll();
        check.visit("/inbox?assignee=fietsteam-" + marker);
        assertThat(page.locator("#inbox-results").innerText()).contains("fiets gestolen aan het station");
        check.assertNoProblems();
    }
}
