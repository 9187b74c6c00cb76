package eu.herald.audiences.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.herald.HeraldTest;
import eu.herald.SignIn;
import eu.herald.TestEnvironment;
import eu.herald.accounts.OrganisationId;
import eu.herald.audiences.Audiences;
import eu.herald.common.Language;
import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The audiences API and the language rules: catalogue, area search, channel advice, required languages. */
@HeraldTest
class AudiencesApiTests {

    static final String ADMIN = "Bearer " + TestEnvironment.DEMO_API_TOKEN;
    static final String OLDER = "6a0d7f3e-0b1c-4c55-9b1e-000000000004";
    static final String YOUNG = "6a0d7f3e-0b1c-4c55-9b1e-000000000002";
    static final String PARTNERS = "6a0d7f3e-0b1c-4c55-9b1e-000000000007";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Audiences audiences;

    @Test
    void listsTheWorkshopsAudiencesNamedInEveryLanguage() throws Exception {
        mvc.perform(get("/api/v1/audiences").header("Authorization", ADMIN).header("Accept-Language", "fr"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].key").value("all-residents"))
                .andExpect(jsonPath("$[0].name").value("Tous les habitants"))
                .andExpect(jsonPath("$[*].key", hasItem("older-residents")))
                .andExpect(jsonPath("$[*].key", hasItem("partners")))
                .andExpect(jsonPath("$[3].names.de").value("Senioren (65+)"))
                .andExpect(jsonPath("$[3].names.nl").value("Ouderen (65+)"));
    }

    @Test
    void findsAreasByNameInAnyLanguageCodeOrPostcode() throws Exception {
        mvc.perform(get("/api/v1/areas").param("q", "elsene").header("Authorization", ADMIN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].nisCode").value("21009"))
                .andExpect(jsonPath("$[0].officialLanguages", contains("nl", "fr")));
        mvc.perform(get("/api/v1/areas").param("q", "liege").header("Authorization", ADMIN))
                .andExpect(jsonPath("$[0].nisCode").value("62063"));
        mvc.perform(get("/api/v1/areas").param("q", "4700").header("Authorization", ADMIN))
                .andExpect(jsonPath("$[0].nisCode").value("63023"))
                .andExpect(jsonPath("$[0].officialLanguages", contains("de")));
        mvc.perform(get("/api/v1/areas/63023").header("Authorization", ADMIN).header("Accept-Language", "de"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Eupen"))
                .andExpect(jsonPath("$.region").value("WALLONIA"))
                .andExpect(jsonPath("$.retired").value(false));
        mvc.perform(get("/api/v1/areas/99999").header("Authorization", ADMIN))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("https://herald.eu/problems/notFound"));
    }

    @Test
    void advisesEveryChannelForTheChosenAudiencesInTheCallersLanguage() throws Exception {
        mvc.perform(advice("fr", OLDER))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(12)))
                .andExpect(jsonPath("$[0].suitability").value("GOOD"))
                .andExpect(jsonPath("$[?(@.channel == 'x')].suitability").value("POOR"))
                .andExpect(
                        jsonPath("$[?(@.channel == 'x')].reasons[0]")
                                .value(
                                        "Aînés (65+) : À peine atteints sur X — ajoutez des affiches et la lettre d'information."))
                .andExpect(jsonPath("$[?(@.channel == 'poster')].suitability").value("GOOD"));
        mvc.perform(advice("en", PARTNERS))
                .andExpect(jsonPath("$[0].channel").value("email"))
                .andExpect(jsonPath("$[0].reasons[0]", containsString("email first")))
                .andExpect(jsonPath("$[?(@.channel == 'facebook')].suitability").value("POOR"))
                .andExpect(jsonPath("$[?(@.channel == 'x')].reasons[0]", hasItem(containsString("announce events"))));
        mvc.perform(advice("en", YOUNG, OLDER))
                .andExpect(jsonPath("$[?(@.channel == 'x')].suitability").value("GOOD"))
                .andExpect(jsonPath("$[?(@.channel == 'x')].reasons[*]", hasSize(2)))
                .andExpect(jsonPath("$[?(@.channel == 'x')].reasons[1]", hasItem(containsString("Older residents"))));
    }

    @Test
    void refusesAnUnknownAudienceAndAnEmptyChoice() throws Exception {
        String unknown = UUID.randomUUID().toString();
        mvc.perform(advice("nl", OLDER, unknown))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("audiences.advice.unknownAudience"))
                .andExpect(jsonPath("$.detail", containsString(unknown)));
        mvc.perform(post("/api/v1/channel-advice")
                        .header("Authorization", ADMIN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"audiences\": []}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("audiences"));
    }

    @Test
    void brusselsNeedsDutchAndFrenchEupenGermanAndGhentDutch() throws Exception {
        mvc.perform(languageRules("21009", null))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.requiredLanguages", contains("nl", "fr")));
        mvc.perform(languageRules("63023", null)).andExpect(jsonPath("$.requiredLanguages", contains("de")));
        mvc.perform(languageRules("44021, 21009,00000", null))
                .andExpect(jsonPath("$.requiredLanguages", contains("nl", "fr")))
                .andExpect(jsonPath("$.unknownAreas", contains("00000")));
        mvc.perform(languageRules("62063,63023", null))
                .andExpect(jsonPath("$.requiredLanguages", contains("fr", "de")));
        assertThat(audiences.requiredLanguages(List.of("21009"), organisation("Stadt Eupen")))
                .containsExactly(Language.NL, Language.FR);
        assertThat(audiences.requiredLanguages(List.of(), organisation("Stadt Eupen")))
                .as("without areas, the organisation's own official languages")
                .containsExactly(Language.DE);
    }

    @Test
    void anOrganisationThatAddsEnglishNeedsItToo() throws Exception {
        Cookie admin = SignIn.as(mvc, "admin@herald.test");
        OrganisationId ixelles = organisation("Gemeente Elsene");
        mvc.perform(get("/admin/language-rules").cookie(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Municipality of Ixelles")));
        mvc.perform(post("/admin/language-rules/" + ixelles)
                        .cookie(admin)
                        .with(csrf())
                        .param("extraLanguages", "en"))
                .andExpect(status().is3xxRedirection());

        mvc.perform(languageRules("21009", ixelles.toString()))
                .andExpect(jsonPath("$.organisationLanguages", contains("en")))
                .andExpect(jsonPath("$.requiredLanguages", contains("nl", "fr", "en")));
        assertThat(audiences.requiredLanguages(List.of("21009", "44021"), ixelles))
                .containsExactly(Language.NL, Language.FR, Language.EN);
        await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> jdbc.sql("SELECT count(*) FROM audit.audit_entry WHERE action ="
                                        + " 'audiences.language-rules.changed' AND organisation_id = ?")
                                .param(ixelles.value())
                                .query(Long.class)
                                .single(),
                        count -> count >= 1);

        String communicator = token("communicator@herald.test");
        mvc.perform(get("/api/v1/language-rules")
                        .param("areas", "21009")
                        .param("organisationId", ixelles.toString())
                        .header("Authorization", communicator))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.requiredLanguages", contains("nl", "fr", "en")));
        mvc.perform(get("/api/v1/language-rules")
                        .param("areas", "62063")
                        .param(
                                "organisationId",
                                organisation("Zone de police de Liège").toString())
                        .header("Authorization", communicator))
                .andExpect(status().isNotFound());

        mvc.perform(post("/admin/language-rules/" + ixelles).cookie(admin).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(audiences.requiredLanguages(List.of("21009"), ixelles)).containsExactly(Language.NL, Language.FR);
    }

    private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder advice(
            String language, String... ids) {
        return post("/api/v1/channel-advice")
                .header("Authorization", ADMIN)
                .header("Accept-Language", language)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"audiences\": [\"" + String.join("\", \"", ids) + "\"]}");
    }

    private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder languageRules(
            String areas, String organisation) {
        var request = get("/api/v1/language-rules").param("areas", areas).header("Authorization", ADMIN);
        return organisation == null ? request : request.param("organisationId", organisation);
    }

    private OrganisationId organisation(String name) {
        return OrganisationId.of(
                jdbc.sql("SELECT id::text FROM accounts.organisation WHERE ? IN (name_nl, name_fr, name_de)")
                        .param(name)
                        .query(String.class)
                        .single());
    }

    private String token(String email) {
        return "Bearer " + eu.herald.TestTokens.of(jdbc, email);
    }
}
