package eu.herald.campaigns.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import eu.herald.HeraldTest;
import eu.herald.audiences.Audience;
import eu.herald.audiences.Audiences;
import eu.herald.audiences.Suitability;
import eu.herald.common.Channel;
import eu.herald.common.Language;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The editorial core through the API: a communicator of bilingual Ixelles plans a campaign for older residents, gets
 * channel advice, writes a message with nl and fr variants, submits it; an approver approves it; it is scheduled and
 * shows on the calendar; a fourth message that week to the same audience and area is refused.
 */
@HeraldTest
class CampaignWorkflowApiTests {

    static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Audiences audiences;

    @Autowired
    eu.herald.campaigns.CampaignDirectory directory;

    @Autowired
    eu.herald.accounts.domain.SignInService signIn;

    String communicator;
    String approver;
    String ixelles;
    UUID olderResidents;
    UUID theme;
    LocalDate monday;

    @BeforeEach
    void setUp() {
        communicator = token("communicator@herald.test");
        approver = token("approver@herald.test");
        ixelles = jdbc.sql("SELECT id::text FROM accounts.organisation WHERE name_fr = 'Commune d''Ixelles'")
                .query(String.class)
                .single();
        olderResidents = audiences.audiences().stream()
                .filter(a -> a.name(Language.EN).toLowerCase().contains("older"))
                .map(Audience::id)
                .findFirst()
                .orElseThrow()
                .value();
        theme = jdbc.sql("SELECT id FROM campaigns.theme WHERE key = 'burglary'")
                .query(UUID.class)
                .single();
        // A week of its own, far ahead, so that other tests' schedules never share its fatigue budget.
        monday = LocalDate.now(BRUSSELS)
                .plusDays(ThreadLocalRandom.current().nextInt(400, 4000))
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    @Test
    void plansComposesApprovesSchedulesAndRefusesTheFourthMessageOfTheWeek() throws Exception {
        var advice =
                audiences.recommend(java.util.List.of(new eu.herald.audiences.AudienceId(olderResidents)), Language.EN);
        assertThat(advice)
                .filteredOn(r -> r.channel() == Channel.X)
                .singleElement()
                .satisfies(r -> assertThat(r.suitability()).isNotEqualTo(Suitability.GOOD));

        String campaign = plan("Safe at home " + monday);
        String first = approvedMessage(campaign, "Lock the door");
        schedule(first, monday.plusDays(1), null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SCHEDULED"));

        mvc.perform(as(
                        communicator,
                        get("/api/v1/calendar")
                                .param("from", monday.toString())
                                .param("to", monday.plusDays(6).toString())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].messageId", hasItem(first)));

        schedule(approvedMessage(campaign, "Second"), monday.plusDays(2), null).andExpect(status().isOk());
        schedule(approvedMessage(campaign, "Third"), monday.plusDays(3), null).andExpect(status().isOk());
        String fourth = approvedMessage(campaign, "Fourth");
        schedule(fourth, monday.plusDays(4), null)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("schedule.error.fatigue"))
                .andExpect(jsonPath("$.conflicts[0].area").value("21009"))
                .andExpect(jsonPath("$.conflicts[0].messages", hasSize(3)));
        mvc.perform(as(communicator, get("/api/v1/messages/" + fourth)))
                .andExpect(jsonPath("$.status").value("APPROVED"));

        // next week is another budget
        schedule(fourth, monday.plusDays(8), null).andExpect(status().isOk());
    }

    @Test
    void anApproverMayExceedTheBudgetWithAWrittenReasonWhichIsAudited() throws Exception {
        String campaign = plan("Override " + monday);
        for (int day = 0; day < 3; day++) {
            schedule(approvedMessage(campaign, "Busy " + day), monday.plusDays(day), null)
                    .andExpect(status().isOk());
        }
        String urgent = approvedMessage(campaign, "Urgent fraud warning");
        mvc.perform(as(communicator, post("/api/v1/messages/" + urgent + "/schedule"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(scheduleBody(urgent, monday.plusDays(4), "A wave of phone fraud calls this week")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("schedule.error.overrideNeedsApprover"));
        mvc.perform(as(approver, post("/api/v1/messages/" + urgent + "/schedule"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(scheduleBody(urgent, monday.plusDays(4), "A wave of phone fraud calls this week")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SCHEDULED"));
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(jdbc.sql(
                                        "SELECT count(*) FROM audit.audit_entry WHERE action = 'campaigns.message.fatigue_overridden'"
                                                + " AND subject_id = ? AND after->>'reason' LIKE 'A wave of phone fraud%'")
                                .param(urgent)
                                .query(Long.class)
                                .single())
                        .isEqualTo(1));
    }

    @Test
    void aMissingRequiredLanguageOrABlockingFindingPreventsApproval() throws Exception {
        String campaign = plan("Guarded " + monday);
        String message = message(campaign, "Only Dutch");
        variant(message, "FACEBOOK", "nl", calmDutch());
        submit(message);
        approve(message)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("message.error.missingLanguages"));

        String revealing = message(campaign, "Revealing");
        variant(
                revealing,
                "FACEBOOK",
                "nl",
                "Vannacht is er maar één patrouille in Elsene. De wagen met nummerplaat"
                        + " 1-ABC-123 werd gestolen. Bel bij nood 112, dit is geen noodlijn. Meer info: https://www.ixelles.be/preventie");
        variant(revealing, "FACEBOOK", "fr", calmFrench());
        submit(revealing);
        mvc.perform(as(approver, get("/api/v1/messages/" + revealing)))
                .andExpect(jsonPath("$.approvable").value(false))
                .andExpect(jsonPath("$.variants[?(@.language == 'nl')].findings[*].rule", hasItem("OPSEC")));
        approve(revealing)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("message.error.blockingFindings"));
    }

    @Test
    void theAuthorCannotApproveAndAnEditAfterApprovalSendsItBackToReview() throws Exception {
        String campaign = plan("Four eyes " + monday);
        String message = approvedMessage(campaign, "Approved then edited");
        mvc.perform(as(communicator, post("/api/v1/messages/" + message + "/approve"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\": " + version(message) + "}"))
                .andExpect(status().isForbidden());
        mvc.perform(as(communicator, put("/api/v1/messages/" + message))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\": \"Approved then edited\", \"masterText\": \"New text\", \"version\": "
                                + version(message) + "}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("IN_REVIEW"));
    }

    @Test
    void invalidCampaignsAreRefusedWithFieldErrorsAndNothingIsWritten() throws Exception {
        long before = jdbc.sql("SELECT count(*) FROM campaigns.campaign")
                .query(Long.class)
                .single();
        mvc.perform(as(communicator, post("/api/v1/campaigns"))
                        .header("Accept-Language", "nl")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"organisationId\": \"" + ixelles + "\", \"title\": \"\", \"themeId\": \"" + theme
                                + "\", \"startsOn\": \"2026-01-10\", \"endsOn\": \"2026-01-20\", \"areas\": [],"
                                + " \"audiences\": []}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("title")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("areas")));
        mvc.perform(as(communicator, post("/api/v1/campaigns"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(campaignBody("Backwards", monday.plusDays(10), monday, "99999")))
                .andExpect(status().isUnprocessableContent());
        assertThat(jdbc.sql("SELECT count(*) FROM campaigns.campaign")
                        .query(Long.class)
                        .single())
                .isEqualTo(before);
    }

    @Test
    void whenAFederalTemplateChangesTheAdoptersAreNotified() throws Exception {
        String federal = jdbc.sql("SELECT id::text FROM accounts.organisation WHERE kind = 'FEDERAL'")
                .query(String.class)
                .single();
        String email = "federal-writer-" + UUID.randomUUID() + "@herald.test";
        UUID writer = UUID.randomUUID();
        jdbc.sql("INSERT INTO accounts.app_user (id, home_organisation, email, display_name, language)"
                        + " VALUES (?, ?::uuid, ?, 'Federal writer', 'en')")
                .params(writer, federal, email)
                .update();
        jdbc.sql("INSERT INTO accounts.membership (id, user_id, organisation_id, role)"
                        + " VALUES (gen_random_uuid(), ?, ?::uuid, 'COMMUNICATOR')")
                .params(writer, federal)
                .update();
        String federalToken = token(email);
        String body = mvc.perform(as(federalToken, post("/api/v1/campaigns"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(campaignBody("National template " + monday, monday, monday.plusDays(20), "21009")
                                .replace(ixelles, federal)))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String federalCampaign = JsonPath.read(body, "$.id");
        String template = JsonPath.read(
                mvc.perform(as(federalToken, post("/api/v1/campaigns/" + federalCampaign + "/messages"))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"title\": \"Lock up\", \"masterText\": \"Lock your door.\"}"))
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");
        // offering needs a signed-in page session; the writer has no password, so the flag is set directly
        jdbc.sql("UPDATE campaigns.message SET template = TRUE WHERE id = ?::uuid")
                .param(template)
                .update();
        String adopted = adoptInto(template, plan("Adopting " + monday));

        mvc.perform(as(federalToken, put("/api/v1/messages/" + template))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\": \"Lock up\", \"masterText\": \"Lock your door and windows.\","
                                + " \"version\": " + version(template) + "}"))
                .andExpect(status().isOk());

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(jdbc.sql("SELECT n.link FROM notifications.notice n"
                                        + " JOIN accounts.app_user u ON u.id = n.recipient_id"
                                        + " WHERE u.email = 'communicator@herald.test'"
                                        + " AND n.message_key = 'campaigns.notice.templateChanged'")
                                .query(String.class)
                                .list())
                        .contains("/messages/" + adopted));
    }

    @Test
    void publishingAsksTheDirectoryToReserveAndAgainBeforeSending() throws Exception {
        String campaign = plan("Directory " + monday);
        String message = approvedMessage(campaign, "Reserved");
        eu.herald.campaigns.VariantId variant = new eu.herald.campaigns.VariantId(
                jdbc.sql("SELECT id FROM campaigns.variant WHERE message_id = ?::uuid AND language = 'fr'")
                        .param(message)
                        .query(UUID.class)
                        .single());
        var facts = directory.variant(variant).orElseThrow();
        assertThat(facts.language()).isEqualTo(Language.FR);
        assertThat(facts.campaignSlug()).isEqualTo("directory-" + monday);
        assertThat(facts.audiences()).singleElement().asString().containsIgnoringCase("65");
        assertThat(facts.approved()).isTrue();

        java.time.Instant at = monday.plusDays(2).atTime(9, 0).atZone(BRUSSELS).toInstant();
        withUser("communicator@herald.test", () -> directory.reserve(variant, at));
        assertThat(directory.variant(variant).orElseThrow().scheduledAt()).isEqualTo(at);
        assertThat(directory.sendRefusal(variant)).isEmpty();

        mvc.perform(as(communicator, put("/api/v1/messages/" + message))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\": \"Reserved\", \"masterText\": \"Changed after approval\", \"version\": "
                                + version(message) + "}"))
                .andExpect(status().isOk());
        assertThat(directory.sendRefusal(variant)).contains("send.refusal.notApproved");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> withUser("communicator@herald.test", () -> directory.reserve(variant, at)))
                .isInstanceOf(eu.herald.common.RefusedException.class);
    }

    /** Runs {@code work} as the demo user, signed in as a request of theirs would be. */
    private void withUser(String email, Runnable work) {
        var user = signIn.loadUserByUsername(email);
        var context = org.springframework.security.core.context.SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new org.springframework.security.authentication.UsernamePasswordAuthenticationToken(
                user, null, user.getAuthorities()));
        org.springframework.security.core.context.SecurityContextHolder.setContext(context);
        try {
            work.run();
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.clearContext();
        }
    }

    private String adoptInto(String template, String campaign) throws Exception {
        mvc.perform(
                        post("/templates/" + template + "/adopt")
                                .param("campaignId", campaign)
                                .cookie(eu.herald.SignIn.as(mvc, "communicator@herald.test"))
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().is3xxRedirection());
        return jdbc.sql("SELECT id::text FROM campaigns.message WHERE template_id = ?::uuid AND campaign_id = ?::uuid")
                .params(template, campaign)
                .query(String.class)
                .single();
    }

    private String plan(String title) throws Exception {
        String body = mvc.perform(as(communicator, post("/api/v1/campaigns"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(campaignBody(title, monday.minusDays(1), monday.plusDays(20), "21009")))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(body, "$.id");
    }

    private String campaignBody(String title, LocalDate from, LocalDate to, String area) {
        return "{\"organisationId\": \"" + ixelles + "\", \"title\": \"" + title + "\", \"themeId\": \"" + theme
                + "\", \"objective\": \"Fewer burglaries among older residents\", \"startsOn\": \"" + from
                + "\", \"endsOn\": \"" + to + "\", \"budget\": 1200.50, \"areas\": [\"" + area + "\"],"
                + " \"audiences\": [\"" + olderResidents + "\"], \"channels\": [\"FACEBOOK\", \"POSTER\"]}";
    }

    private String message(String campaign, String title) throws Exception {
        String body = mvc.perform(as(communicator, post("/api/v1/campaigns/" + campaign + "/messages"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\": \"" + title + "\", \"masterText\": \"Lock your door.\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.requiredLanguages", org.hamcrest.Matchers.containsInAnyOrder("nl", "fr")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(body, "$.id");
    }

    private String approvedMessage(String campaign, String title) throws Exception {
        String message = message(campaign, title);
        variant(message, "FACEBOOK", "nl", calmDutch());
        variant(message, "FACEBOOK", "fr", calmFrench());
        submit(message);
        approve(message)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("APPROVED"));
        return message;
    }

    private void variant(String message, String channel, String language, String text) throws Exception {
        mvc.perform(as(communicator, put("/api/v1/messages/" + message + "/variants"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"channel\": \"" + channel + "\", \"language\": \"" + language + "\", \"text\": "
                                + json(text) + ", \"version\": " + version(message) + "}"))
                .andExpect(status().isOk());
    }

    private void submit(String message) throws Exception {
        mvc.perform(as(communicator, post("/api/v1/messages/" + message + "/submit"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\": " + version(message) + "}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("IN_REVIEW"));
    }

    private ResultActions approve(String message) throws Exception {
        return mvc.perform(as(approver, post("/api/v1/messages/" + message + "/approve"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"version\": " + version(message) + "}"));
    }

    private ResultActions schedule(String message, LocalDate day, String reason) throws Exception {
        return mvc.perform(as(communicator, post("/api/v1/messages/" + message + "/schedule"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(scheduleBody(message, day, reason)));
    }

    private String scheduleBody(String message, LocalDate day, String reason) {
        String at = day.atTime(10, 0).atZone(BRUSSELS).toInstant().toString();
        return "{\"version\": " + version(message) + ", \"at\": \"" + at + "\""
                + (reason == null ? "" : ", \"overrideReason\": " + json(reason)) + "}";
    }

    private int version(String message) {
        return jdbc.sql("SELECT version FROM campaigns.message WHERE id = ?::uuid")
                .param(message)
                .query(Integer.class)
                .single();
    }

    static String calmDutch() {
        return "Sluit altijd je deur en ramen, ook als je even weg bent. Zo maak je het inbrekers moeilijk."
                + " Meer tips: https://www.elsene.be/preventie. Sociale media zijn geen noodlijn: bel bij nood 112,"
                + " anders 101.";
    }

    static String calmFrench() {
        return "Fermez toujours votre porte et vos fenêtres, même pour une courte absence. Plus de conseils :"
                + " https://www.ixelles.be/prevention. Les réseaux sociaux ne sont pas une ligne d'urgence : en cas"
                + " d'urgence, appelez le 112, sinon le 101.";
    }

    private static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private MockHttpServletRequestBuilder as(String token, MockHttpServletRequestBuilder request) {
        return request.header("Authorization", "Bearer " + token);
    }

    private String token(String email) {
        return eu.herald.TestTokens.of(jdbc, email);
    }
}
