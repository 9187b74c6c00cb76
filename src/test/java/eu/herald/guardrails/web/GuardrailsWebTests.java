package eu.herald.guardrails.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.herald.HeraldTest;
import eu.herald.SignIn;
import eu.herald.TestEnvironment;
import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The check page, its htmx fragment, the API and the admin page, on the real application. */
@HeraldTest
class GuardrailsWebTests {

    static final String ADMIN = "Bearer " + TestEnvironment.DEMO_API_TOKEN;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theApiDetectsTheLanguageAndExplainsFindingsInTheCallersLanguage() throws Exception {
        mvc.perform(post("/api/v1/guardrails/check")
                        .header("Authorization", ADMIN)
                        .header("Accept-Language", "fr")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"text": "Een schokkende inbraakgolf teistert de wijk: niemand is veilig! \
                                Vanavond maar één patrouille.", "channel": "x"}"""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.language").value("nl"))
                .andExpect(jsonPath("$.length.limit").value(280))
                .andExpect(jsonPath("$.length.unit").value("WEIGHTED_CHARACTERS"))
                .andExpect(jsonPath("$.findings[*].rule", hasItem("ANXIETY")))
                .andExpect(jsonPath("$.findings[*].rule", hasItem("OPSEC")))
                .andExpect(jsonPath("$.findings[*].rule", hasItem("LINK")))
                .andExpect(jsonPath("$.findings[0].severity").value("BLOCK"))
                .andExpect(jsonPath("$.findings[*].message", hasItem(containsString("« maar één patrouille »"))));
    }

    @Test
    void theApiTakesTheLanguageWhenGiven() throws Exception {
        mvc.perform(post("/api/v1/guardrails/check")
                        .header("Authorization", ADMIN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\": \"Fermez votre porte.\", \"channel\": \"POSTER\", \"language\": \"de\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.language").value("de"))
                .andExpect(jsonPath("$.length.limit").doesNotExist());
    }

    @Test
    void anInvalidRequestIsAProblemDetailNamingTheFields() throws Exception {
        mvc.perform(post("/api/v1/guardrails/check")
                        .header("Authorization", ADMIN)
                        .header("Accept-Language", "nl")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\": \"Hallo\", \"channel\": \"fax\", \"language\": \"it\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field", hasItem("channel")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("language")))
                .andExpect(jsonPath("$.errors[*].message", hasItem("Kies een kanaal.")));
    }

    @Test
    void thePageWorksAsAPlainFormAndMarksFindingsInTheText() throws Exception {
        Cookie communicator = SignIn.as(mvc, "communicator@herald.test");
        mvc.perform(get("/guardrails").cookie(communicator))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("hx-trigger=\"input changed delay:400ms\"")));
        mvc.perform(post("/guardrails")
                        .cookie(communicator)
                        .with(csrf())
                        .param("text", "Only one patrol tonight in the north of the town.")
                        .param("channel", "FACEBOOK")
                        .param("language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<html")))
                .andExpect(content().string(containsString("herald-mark herald-mark--BLOCK")))
                .andExpect(content().string(containsString("Only one patrol")));
    }

    @Test
    void withHtmxTheSameUrlAnswersWithTheFindingsFragmentOnly() throws Exception {
        Cookie approver = SignIn.as(mvc, "approver@herald.test");
        mvc.perform(post("/guardrails")
                        .cookie(approver)
                        .with(csrf())
                        .header("HX-Request", "true")
                        .param("text", "Fietsdiefstal? Graveer uw fiets.")
                        .param("channel", "X"))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("<html"))))
                .andExpect(content().string(containsString("id=\"guardrails-findings\"")))
                .andExpect(content().string(containsString("of 280 weighted characters")))
                .andExpect(content().string(containsString("guardrails-findings")));
    }

    @Test
    void theFragmentEndpointServesOtherEditorsAndRefusesAnOrganisationOutOfReach() throws Exception {
        Cookie communicator = SignIn.as(mvc, "communicator@herald.test");
        mvc.perform(post("/guardrails/check")
                        .cookie(communicator)
                        .with(csrf())
                        .param("text", "Zakkenrollers actief op de markt. Hou uw tas dicht.")
                        .param("channel", "BLUESKY"))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("<html"))))
                .andExpect(content().string(containsString("class=\"govuk-table\"")));
        mvc.perform(post("/guardrails/check")
                        .cookie(communicator)
                        .with(csrf())
                        .param("text", "Hallo")
                        .param("channel", "X")
                        .param("organisation", UUID.randomUUID().toString()))
                .andExpect(status().isNotFound());
    }

    @Test
    void anAdminAddsAndRemovesAWordListEntryAndTheChecksFollowAtOnceAudited() throws Exception {
        Cookie admin = SignIn.as(mvc, "admin@herald.test");
        String word = "paniekzaaierij" + Long.toString(System.nanoTime(), 36).replaceAll("\\d", "");
        String text = "Wat een " + word + " in de buurt.";
        assertThat(anxietyFindings(text)).isZero();

        mvc.perform(post("/admin/guardrails/entries")
                        .cookie(admin)
                        .with(csrf())
                        .param("lexicon", "anxiety")
                        .param("language", "nl")
                        .param("entry", word))
                .andExpect(status().is3xxRedirection());
        assertThat(anxietyFindings(text)).isEqualTo(1);
        mvc.perform(get("/admin/guardrails?lexicon=anxiety&language=nl").cookie(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(word)));

        mvc.perform(post("/admin/guardrails/entries/remove")
                        .cookie(admin)
                        .with(csrf())
                        .param("lexicon", "anxiety")
                        .param("language", "nl")
                        .param("entry", word))
                .andExpect(status().is3xxRedirection());
        assertThat(anxietyFindings(text)).isZero();

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(jdbc.sql(
                                        "SELECT count(*) FROM audit.audit_entry WHERE action LIKE 'guardrails.lexicon.%'"
                                                + " AND after::text LIKE ? OR before::text LIKE ?")
                                .params("%" + word + "%", "%" + word + "%")
                                .query(Long.class)
                                .single())
                        .isEqualTo(2));
    }

    @Test
    void anInvalidEntryIsRefusedWithAReason() throws Exception {
        Cookie admin = SignIn.as(mvc, "admin@herald.test");
        mvc.perform(post("/admin/guardrails/entries")
                        .cookie(admin)
                        .with(csrf())
                        .param("lexicon", "opsec")
                        .param("language", "fr")
                        .param("entry", "re:(unclosed"))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("refusal", "guardrails.admin.entry.invalid"));
    }

    @Test
    void anOrganisationsOwnEmergencySentenceSatisfiesTheRule() throws Exception {
        Cookie admin = SignIn.as(mvc, "admin@herald.test");
        String ixelles = jdbc.sql(
                        "SELECT id::text FROM accounts.organisation WHERE municipality_codes @> ARRAY['21009']")
                .query(String.class)
                .single();
        String own = "Geen noodlijn hier: bel 112 of 101, wij lezen mee op kantooruren.";
        mvc.perform(post("/admin/guardrails/wording")
                        .cookie(admin)
                        .with(csrf())
                        .param("organisation", ixelles)
                        .param("wordingNl", own))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/admin/guardrails/wording")
                        .cookie(admin)
                        .with(csrf())
                        .param("organisation", ixelles)
                        .param("wordingFr", "Pas de numéro ici."))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("refusal", "guardrails.admin.wording.numbers"));

        Cookie communicator = SignIn.as(mvc, "communicator@herald.test");
        String page = mvc.perform(post("/guardrails/check")
                        .cookie(communicator)
                        .with(csrf())
                        .param("text", "Fietsdiefstal? Graveer uw fiets. " + own)
                        .param("channel", "FACEBOOK")
                        .param("language", "nl")
                        .param("organisation", ixelles))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).doesNotContain("geen noodlijn is, bijvoorbeeld");
        String without = mvc.perform(post("/guardrails/check")
                        .cookie(communicator)
                        .with(csrf())
                        .param("text", "Fietsdiefstal? Graveer uw fiets.")
                        .param("channel", "FACEBOOK")
                        .param("language", "nl")
                        .header("Accept-Language", "nl"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(without).contains("wij lezen mee op kantooruren");
    }

    private int anxietyFindings(String text) throws Exception {
        String body = mvc.perform(post("/api/v1/guardrails/check")
                        .header("Authorization", ADMIN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\": \"" + text + "\", \"channel\": \"website\", \"language\": \"nl\"}"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return body.split("\"ANXIETY\"", -1).length - 1;
    }
}
