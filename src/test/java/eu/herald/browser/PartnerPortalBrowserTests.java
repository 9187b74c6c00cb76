package eu.herald.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.jayway.jsonpath.JsonPath;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Page;
import eu.herald.HeraldTest;
import eu.herald.TestMail;
import eu.herald.TestTokens;
import eu.herald.partners.domain.DigestFrequency;
import eu.herald.partners.domain.DigestService;
import jakarta.mail.internet.MimeMessage;
import java.io.StringReader;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The partner portal's "done means", in a browser with axe on every page: a neighbourhood network coordinator signs in,
 * finds the starter kit in French, asks a question that a prevention officer answers, registers for a training, reads
 * it back from their iCal feed and receives the weekly digest (GreenMail) — while a member of another group gets 404
 * for all of it. The officer's urgent alert is pinned for the coordinator.
 */
@HeraldTest
@Tag("browser")
class PartnerPortalBrowserTests {

    @RegisterExtension
    static final BrowserHarness browsers = new BrowserHarness();

    @RegisterExtension
    static final GreenMailExtension mail = TestMail.server();

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DigestService digests;

    @Test
    void aCoordinatorFindsAsksRegistersSubscribesAndGetsTheDigestWhileAnotherGroupSeesNothing() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String admin = TestTokens.of(jdbc, "admin@herald.test");
        String gent = organisation("Buurtinformatienetwerk Sint-Amandsberg");
        String groupName = "BIN Dampoort " + suffix;
        String group = JsonPath.read(
                mvc.perform(post("/api/v1/partners/groups")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"organisationId\": \"%s\", \"name\": \"%s\", \"kind\":"
                                                .formatted(gent, groupName)
                                        + " \"NEIGHBOURHOOD_NETWORK\"}")
                                .header("Authorization", "Bearer " + admin))
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");
        String coordinator = coordinatorOf(gent, group, admin);
        String training = "Formation : sécuriser les groupes de quartier " + suffix;
        LocalDate day = LocalDate.now(ZoneId.of("Europe/Brussels")).plusDays(6);
        String event = JsonPath.read(
                mvc.perform(post("/api/v1/partners/events")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("""
                                        {"organisationId": "%s", "kind": "TRAINING", "title": "%s",
                                         "description": "Modération et réaction", "place": "Wijkcentrum Dampoort",
                                         "start": "%sT19:00", "end": "%sT21:00", "capacity": 15,
                                         "language": "FR", "groups": ["%s"]}""".formatted(gent, training, day, day, group))
                                .header("Authorization", "Bearer " + admin))
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");

        // the coordinator finds the starter kit in French
        Page page = browsers.newPage(Viewport.DESKTOP);
        PageCheck check = new PageCheck(page, Viewport.DESKTOP);
        BrowserSignIn.as(page, coordinator);
        check.visit("/partners");
        page.locator("#q").fill("fréquences");
        page.locator("#language").selectOption("fr");
        page.locator("form.herald-search button[type=submit]").click();
        assertThat(page.locator("#toolbox-results")).containsText("Fréquence : la qualité plutôt que la quantité");
        page.locator("#toolbox-results a", new Page.LocatorOptions().setHasText("Fréquence : la qualité"))
                .click();
        page.waitForURL(url -> url.matches(".*/partners/resources/[0-9a-f-]{36}$"));
        assertThat(page.locator("h1")).hasText("Fréquence : la qualité plutôt que la quantité");
        check.here();

        // asks the group a question
        check.visit("/partners/groups/" + group);
        String question = "Peut-on publier les plaques des voitures suspectes " + suffix + " ?";
        page.locator("#question-title").fill(question);
        page.locator("#question-body").fill("Un voisin veut les mettre sur le groupe.");
        page.locator("#question-language").selectOption("FR");
        page.locator("form[action$='/questions'] button[type=submit]").click();
        page.waitForURL(url -> url.matches(".*/partners/questions/[0-9a-f-]{36}$"));
        String questionPath = URI.create(page.url()).getPath();
        check.here();

        // a prevention officer answers it, and sends an urgent alert to the group
        Page officer = browsers.newPage(Viewport.DESKTOP);
        PageCheck officerCheck = new PageCheck(officer, Viewport.DESKTOP);
        BrowserSignIn.as(officer, "admin@herald.test");
        officerCheck.visit(questionPath);
        officer.locator("#answer-body").fill("Non : ne publiez pas de plaques. Signalez-les à la police au 101.");
        officer.locator("form[action$='/answers'] button[type=submit]").click();
        assertThat(officer.locator("main")).containsText("ne publiez pas de plaques");
        officerCheck.visit("/partners/alerts/new");
        officer.locator("label", new Page.LocatorOptions().setHasText(groupName))
                .click();
        officer.locator("#title").fill("Vague de fraude téléphonique " + suffix);
        officer.locator("#body").fill("De faux employés de banque appellent les aînés. Prévenez vos voisins.");
        officer.locator("form[action='/partners/alerts'] button[type=submit]").click();
        officer.waitForURL(url -> url.matches(".*/partners/alerts/[0-9a-f-]{36}$"));
        assertThat(officer.locator("#deliveries")).containsText("Sent");
        officerCheck.here();
        officerCheck.assertNoProblems();

        check.visit(questionPath);
        assertThat(page.locator("main")).containsText("ne publiez pas de plaques");
        check.visit("/partners");
        assertThat(page.locator(".govuk-notification-banner")).containsText("Vague de fraude téléphonique " + suffix);

        // registers for the training
        check.visit("/partners/events");
        page.locator("main table a", new Page.LocatorOptions().setHasText(training))
                .click();
        page.waitForURL("**/partners/events/" + event);
        check.here();
        page.locator("form[action$='/registration'] button[type=submit]").click();
        assertThat(page.locator("#registration-status")).isVisible();
        assertThat(page.locator("#registrants-table")).hasCount(0);
        check.here();

        // the officer, who organises it, sees who registered — on a desktop and on a phone — and the event form
        officerCheck.visit("/partners/events/" + event);
        assertThat(officer.locator("#registrants-table")).containsText("Chloé Coordinatrice");
        assertThat(officer.locator("#registrants-table")).containsText(groupName);
        assertThat(officer.locator("#registrants-download")).isVisible();
        officerCheck.visit("/partners/events/new");
        assertThat(officer.locator("#needToKnow")).isVisible();
        officerCheck.assertNoProblems();
        Page officerPhone = browsers.newPage(Viewport.PHONE);
        PageCheck officerPhoneCheck = new PageCheck(officerPhone, Viewport.PHONE);
        BrowserSignIn.as(officerPhone, "admin@herald.test");
        officerPhoneCheck.visit("/partners/events/" + event);
        assertThat(officerPhone.locator("#registrants-table")).containsText("Chloé Coordinatrice");
        officerPhoneCheck.assertNoProblems();

        // chooses the weekly digest and makes a calendar feed address
        check.visit("/partners/settings");
        page.locator("label[for='frequency-WEEKLY']").click();
        page.locator("form[action='/partners/settings/digest'] button[type=submit]")
                .click();
        assertThat(page.locator("#frequency-WEEKLY")).isChecked();
        page.locator("form[action='/partners/settings/feed'] button[type=submit]")
                .click();
        String feedUrl = page.locator("#feed-url").inputValue();
        assertThat(feedUrl).matches(Pattern.compile("https?://.+/partners/feed/[A-Za-z0-9_-]+"));
        check.here();

        // a calendar app fetches the feed without any session: the training is in it
        APIResponse feed = browsers.newContext(Viewport.DESKTOP)
                .request()
                .get(browsers.baseUrl() + URI.create(feedUrl).getPath());
        assertThat(feed.status()).isEqualTo(200);
        assertThat(feed.headers().get("content-type")).startsWith("text/calendar");
        Calendar calendar = new CalendarBuilder().build(new StringReader(feed.text()));
        List<VEvent> entries = calendar.getComponents("VEVENT");
        // the registered training as it is; any other coming event of the group marked "not registered" in French
        assertThat(entries)
                .filteredOn(entry -> !entry.getUid().orElseThrow().getValue().equals(event + "@herald"))
                .allSatisfy(entry -> assertThat(entry.getSummary().getValue()).startsWith("(pas inscrit) "));
        assertThat(entries)
                .filteredOn(entry -> entry.getUid().orElseThrow().getValue().equals(event + "@herald"))
                .singleElement()
                .satisfies(entry -> {
                    assertThat(entry.getSummary().getValue()).isEqualTo(training);
                    assertThat(entry.getProperty("DTSTART").orElseThrow().getValue())
                            .isEqualTo(day.toString().replace("-", "") + "T190000");
                });

        // the weekly digest (the job's run triggered here) tells the answer and the training, in French
        digests.send(
                DigestFrequency.WEEKLY,
                ZonedDateTime.now(ZoneId.of("Europe/Brussels")).plusMinutes(1));
        MimeMessage digest = Arrays.stream(mail.getReceivedMessages())
                .filter(m -> recipient(m).equals(coordinator) && subject(m).contains("hebdomadaire"))
                .findFirst()
                .orElseThrow();
        assertThat(subject(digest)).isEqualTo("Votre récapitulatif hebdomadaire du portail partenaires");
        assertThat((String) digest.getContent())
                .contains(question)
                .contains(training)
                .contains("/partners/digest/unsubscribe?token=");
        check.assertNoProblems();

        // the digest's unsubscribe link works without signing in: a confirmation page, then the button
        Matcher link = Pattern.compile("https?://[^/\\s]+(/partners/digest/unsubscribe\\?token=\\S+)")
                .matcher((String) digest.getContent());
        assertThat(link.find()).isTrue();
        Page anonymous = browsers.newPage(Viewport.PHONE);
        PageCheck anonymousCheck = new PageCheck(anonymous, Viewport.PHONE);
        anonymousCheck.visit(link.group(1));
        anonymous.locator("main form button[type=submit]").click();
        assertThat(anonymous.locator("#unsubscribe-outcome")).isVisible();
        anonymousCheck.here();
        anonymousCheck.assertNoProblems();
        assertThat(jdbc.sql("SELECT s.frequency FROM partners.digest_setting s JOIN accounts.app_user u"
                                + " ON u.id = s.user_id WHERE u.email = ?")
                        .param(coordinator)
                        .query(String.class)
                        .single())
                .isEqualTo("NONE");

        // a member of another group sees none of it
        Page other = browsers.newPage(Viewport.PHONE);
        PageCheck otherCheck = new PageCheck(other, Viewport.PHONE);
        BrowserSignIn.as(other, "partner@herald.test");
        otherCheck.visit("/partners/groups/" + group, 404);
        otherCheck.visit(questionPath, 404);
        otherCheck.visit("/partners/events/" + event, 404);
        otherCheck.visit("/partners/events");
        assertThat(other.locator("main")).not().containsText(training);
        otherCheck.visit("/partners");
        assertThat(other.locator("main")).not().containsText("Vague de fraude téléphonique " + suffix);
        otherCheck.assertNoProblems();
    }

    /** A French-speaking PARTNER of the Ghent network who signs in with the demo password, coordinator of the group. */
    private String coordinatorOf(String organisation, String group, String admin) throws Exception {
        String email = "coordinatrice-" + UUID.randomUUID() + "@herald.test";
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO accounts.app_user (id, home_organisation, email, display_name, language, password_hash)"
                        + " SELECT ?, ?::uuid, ?, 'Chloé Coordinatrice', 'fr', password_hash FROM accounts.app_user"
                        + " WHERE email = 'partner@herald.test'")
                .params(id, organisation, email)
                .update();
        jdbc.sql(
                        "INSERT INTO accounts.membership (id, user_id, organisation_id, role) VALUES (?, ?, ?::uuid, 'PARTNER')")
                .params(UUID.randomUUID(), id, organisation)
                .update();
        mvc.perform(put("/api/v1/partners/groups/" + group + "/members")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\": \"%s\", \"needToKnow\": \"BASIC\", \"coordinator\": true}"
                                .formatted(email))
                        .header("Authorization", "Bearer " + admin))
                .andExpect(status().isOk());
        return email;
    }

    private String organisation(String name) {
        return jdbc.sql("SELECT id::text FROM accounts.organisation WHERE ? IN (name_fr, name_nl)")
                .param(name)
                .query(String.class)
                .list()
                .getFirst();
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
