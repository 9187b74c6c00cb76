package eu.herald.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import com.microsoft.playwright.Page;
import eu.herald.HeraldTest;
import eu.herald.SignIn;
import eu.herald.audiences.Audience;
import eu.herald.audiences.Audiences;
import eu.herald.common.Language;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The editorial core in a browser: a communicator of bilingual Ixelles plans a campaign for older residents, gets
 * channel advice, writes a master message, adapts it for Facebook in nl and fr while the guardrails flag alarmist and
 * revealing phrases as they type, and submits it; an approver approves it; it is scheduled and shows on the calendar;
 * a fourth message that week to the same audience and area is refused with the conflicting messages listed. Every
 * page passes the accessibility check on the way.
 */
@HeraldTest
@Tag("browser")
class CampaignBrowserTests {

    static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

    @RegisterExtension
    static final BrowserHarness browsers = new BrowserHarness();

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @Autowired
    Audiences audiences;

    @Test
    void aCommunicatorPlansWritesAndSubmitsAnApproverApprovesAndTheFourthMessageOfTheWeekIsRefused() throws Exception {
        Audience older = audiences.audiences().stream()
                .filter(a -> a.name(Language.EN).toLowerCase().contains("older"))
                .findFirst()
                .orElseThrow();
        String theme = jdbc.sql("SELECT id::text FROM campaigns.theme WHERE key = 'burglary'")
                .query(String.class)
                .single();
        LocalDate today = LocalDate.now(BRUSSELS);
        LocalDate monday = today.plusDays(ThreadLocalRandom.current().nextInt(400, 4000))
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        String title = "Safe at home " + UUID.randomUUID().toString().substring(0, 8);

        Page communicator = browsers.newPage(Viewport.DESKTOP);
        PageCheck check = new PageCheck(communicator, Viewport.DESKTOP);
        BrowserSignIn.as(communicator, SignIn.demo("COMMUNICATOR"));
        check.visit("/campaigns");
        communicator.locator("main a[href='/campaigns/new']").click();
        check.here();
        communicator.locator("#title").fill(title);
        communicator.locator("#themeId").selectOption(theme);
        communicator.locator("#objective").fill("Older residents lock doors and windows.");
        communicator.locator("#startsOn").fill(today.toString());
        communicator.locator("#endsOn").fill(monday.plusDays(13).toString());
        assertThat(communicator.locator("#areas")).hasValue("21009");
        // the area finder puts a municipality's code into the field
        communicator.locator("#areas").fill("");
        communicator.locator("#area-finder").fill("Elsene");
        communicator.locator("#area-results .herald-add-area").first().click();
        assertThat(communicator.locator("#areas")).hasValue("21009");
        check.here();
        communicator.locator("label[for='audience-" + older.id() + "']").click();
        assertThat(communicator.locator("#channel-advice .herald-advice__item").first())
                .isVisible();
        assertThat(communicator.locator("#channel-advice")).containsText("X");
        communicator.locator("label[for='channel-FACEBOOK']").click();
        communicator.locator("main form button[type=submit]").click();
        assertThat(communicator).hasURL(Pattern.compile(".*/campaigns/[0-9a-f-]{36}$"));
        check.here();

        communicator.locator("#message-title").fill("Lock the door");
        communicator.locator("#message-master").fill("Lock the door and the windows, also for a short absence.");
        communicator.locator("form[action$='/messages'] button").click();
        assertThat(communicator).hasURL(Pattern.compile(".*/messages/[0-9a-f-]{36}$"));
        check.here();
        String messageUrl = communicator.url();
        String message = messageUrl.substring(messageUrl.lastIndexOf('/') + 1);

        writeVariant(
                communicator,
                check,
                "NL",
                "Een inbraakgolf teistert Elsene! Iedereen kan het volgende slachtoffer zijn. Vannacht is er maar"
                        + " één patrouille.",
                "Sluit altijd je deur en ramen, ook als je even weg bent. Meer tips: https://www.elsene.be/preventie."
                        + " Sociale media zijn geen noodlijn: bel bij nood 112, anders 101.");
        writeVariant(
                communicator,
                check,
                "FR",
                null,
                "Fermez toujours votre porte et vos fenêtres, même pour une courte absence. Plus de conseils :"
                        + " https://www.ixelles.be/prevention. Les réseaux sociaux ne sont pas une ligne d'urgence :"
                        + " en cas d'urgence, appelez le 112, sinon le 101.");
        communicator.locator("form[action$='/submit'] button").click();
        assertThat(communicator.locator("#message-status")).hasAttribute("data-status", "IN_REVIEW");
        check.here();

        Page approver = browsers.newPage(Viewport.PHONE);
        PageCheck approverCheck = new PageCheck(approver, Viewport.PHONE);
        BrowserSignIn.as(approver, SignIn.demo("APPROVER"));
        approverCheck.visit("/approvals");
        approver.locator("main a[href='/messages/" + message + "']").first().click();
        approverCheck.here();
        approver.locator("form[action$='/approve'] button").click();
        assertThat(approver.locator(".govuk-notification-banner--success")).isVisible();
        approver.locator("#at").fill(monday.plusDays(1) + "T10:00");
        approver.locator("form[action$='/schedule'] button").click();
        assertThat(approver.locator(".govuk-notification-banner--success")).isVisible();
        approverCheck.here();

        approverCheck.visit("/calendar?view=week&date=" + monday);
        assertThat(approver.locator("#calendar-results a[href='/messages/" + message + "']"))
                .isVisible();
        assertThat(approver.locator("#week-loads")).containsText("1");
        approver.locator("#view").selectOption("month");
        assertThat(approver.locator("#calendar-results-status")).not().isEmpty();

        String campaign = jdbc.sql("SELECT campaign_id::text FROM campaigns.message WHERE id = ?::uuid")
                .param(message)
                .query(String.class)
                .single();
        String communicatorToken = token("communicator@herald.test");
        String approverToken = token("approver@herald.test");
        for (int day = 2; day <= 3; day++) {
            String other = approvedByApi(campaign, "Also this week " + day, communicatorToken, approverToken);
            api(
                    communicatorToken,
                    MockMvcRequestBuilders.post("/api/v1/messages/" + other + "/schedule"),
                    "{\"version\": " + version(other) + ", \"at\": \""
                            + monday.plusDays(day)
                                    .atTime(10, 0)
                                    .atZone(BRUSSELS)
                                    .toInstant() + "\"}");
        }
        String fourth = approvedByApi(campaign, "One too many", communicatorToken, approverToken);

        check.visit("/messages/" + fourth);
        communicator.locator("#at").fill(monday.plusDays(4) + "T10:00");
        communicator.locator("form[action$='/schedule'] button").click();
        assertThat(communicator.locator(".govuk-error-summary")).isVisible();
        assertThat(communicator.locator("#fatigue-conflicts li a")).hasCount(3);
        assertThat(communicator.locator("#message-status")).hasAttribute("data-status", "APPROVED");
        check.here();
        check.assertNoProblems();
        approverCheck.assertNoProblems();
    }

    private static void writeVariant(Page page, PageCheck check, String language, String risky, String calm) {
        page.locator("#new-channel").selectOption("FACEBOOK");
        page.locator("#new-language").selectOption(language);
        page.locator("form[action$='/variants/new'] button").click();
        assertThat(page).hasURL(Pattern.compile(".*/variants/new.*"));
        check.here();
        if (risky != null) {
            page.locator("#text").fill(risky);
            assertThat(page.locator("#live-findings .herald-mark--BLOCK").first())
                    .isVisible();
            assertThat(page.locator("#live-findings .herald-mark--WARN").first())
                    .isVisible();
        }
        page.locator("#text").fill(calm);
        assertThat(page.locator("#live-findings .herald-mark--BLOCK")).hasCount(0);
        page.locator("main form button[type=submit]").click();
        assertThat(page).hasURL(Pattern.compile(".*/messages/[0-9a-f-]{36}$"));
    }

    private String approvedByApi(String campaign, String title, String communicator, String approver) throws Exception {
        String created = api(
                communicator,
                MockMvcRequestBuilders.post("/api/v1/campaigns/" + campaign + "/messages"),
                "{\"title\": \"" + title + "\", \"masterText\": \"Lock the door.\"}");
        String id = JsonPath.read(created, "$.id");
        for (String[] variant : new String[][] {
            {"nl", "Sluit je deur, ook voor even. Tips: https://www.elsene.be/preventie. Bel bij nood 112, anders 101."
            },
            {
                "fr",
                "Fermez votre porte, même un instant. Conseils : https://www.ixelles.be/prevention. En cas d'urgence,"
                        + " appelez le 112, sinon le 101."
            }
        }) {
            api(
                    communicator,
                    MockMvcRequestBuilders.put("/api/v1/messages/" + id + "/variants"),
                    "{\"channel\": \"FACEBOOK\", \"language\": \"" + variant[0] + "\", \"text\": \"" + variant[1]
                            + "\", \"version\": " + version(id) + "}");
        }
        api(
                communicator,
                MockMvcRequestBuilders.post("/api/v1/messages/" + id + "/submit"),
                "{\"version\": " + version(id) + "}");
        api(
                approver,
                MockMvcRequestBuilders.post("/api/v1/messages/" + id + "/approve"),
                "{\"version\": " + version(id) + "}");
        return id;
    }

    private String api(
            String token,
            org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
            String body)
            throws Exception {
        var result = mvc.perform(request.header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andReturn();
        if (result.getResponse().getStatus() >= 300) {
            throw new AssertionError(result.getResponse().getStatus() + " "
                    + result.getResponse().getContentAsString());
        }
        return result.getResponse().getContentAsString();
    }

    private int version(String message) {
        return jdbc.sql("SELECT version FROM campaigns.message WHERE id = ?::uuid")
                .param(message)
                .query(Integer.class)
                .single();
    }

    private String token(String email) {
        return eu.herald.TestTokens.of(jdbc, email);
    }
}
