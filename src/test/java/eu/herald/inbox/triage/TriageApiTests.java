package eu.herald.inbox.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.herald.HeraldTest;
import eu.herald.TestEnvironment;
import eu.herald.TestTokens;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** POST /api/v1/inbox/triage and its neighbours, on the running application with the model trained at start-up. */
@HeraldTest
class TriageApiTests {

    static final String ADMIN = "Bearer " + TestEnvironment.DEMO_API_TOKEN;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anEmergencyIsAnsweredAtOnceWithTheEmergencyNumbersInItsOwnLanguage() throws Exception {
        mvc.perform(post("/api/v1/inbox/triage")
                        .header("Authorization", ADMIN)
                        .header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"text": "HELP er zijn nu twee mannen aan het inbreken bij mijn buren, kom snel!!",
                                 "channel": "facebook"}"""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.category").value("EMERGENCY"))
                .andExpect(jsonPath("$.language").value("nl"))
                .andExpect(jsonPath("$.needsHuman").value(false))
                .andExpect(jsonPath("$.modelVersion", greaterThanOrEqualTo(1)))
                .andExpect(jsonPath("$.autoReply", containsString("bel bij nood nu 112")))
                .andExpect(jsonPath("$.autoReply", containsString("101")));
        mvc.perform(post("/api/v1/inbox/triage")
                        .header("Authorization", ADMIN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\": \"au secours un homme essaie d'entrer chez moi maintenant par la"
                                + " fenetre\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.category").value("EMERGENCY"))
                .andExpect(jsonPath("$.language").value("fr"))
                .andExpect(jsonPath("$.autoReply", containsString("appelez le 112 maintenant")));
    }

    @Test
    void whatIsNotAnEmergencyGetsNoAutomaticReply() throws Exception {
        mvc.perform(post("/api/v1/inbox/triage")
                        .header("Authorization", ADMIN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\": \"💰 verdien 800 euro per week van thuis uit, klik hier"
                                + " bit.ly/snel-geld-nu\", \"channel\": \"x\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.category").value("SPAM"))
                .andExpect(jsonPath("$.autoReply").doesNotExist());
    }

    @Test
    void aModeratorAndACommunicatorMayTriageWithTheirOwnTokens() throws Exception {
        for (String email : new String[] {"moderator@herald.test", "communicator@herald.test"}) {
            mvc.perform(post("/api/v1/inbox/triage")
                            .header("Authorization", "Bearer " + TestTokens.of(jdbc, email))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"text\": \"Wie kann ich einen Fahrraddiebstahl anzeigen?\"}"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.language").value("de"));
        }
    }

    @Test
    void anEmptyTextIsAProblemInTheCallersLanguage() throws Exception {
        mvc.perform(post("/api/v1/inbox/triage")
                        .header("Authorization", ADMIN)
                        .header("Accept-Language", "fr")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\": \"   \"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field", hasItem("text")))
                .andExpect(jsonPath("$.errors[*].message", hasItem("Saisissez le texte du message à trier.")));
    }

    @Test
    void anOversizedTextOrAnUnknownChannelIsAProblemInTheCallersLanguage() throws Exception {
        mvc.perform(post("/api/v1/inbox/triage")
                        .header("Authorization", ADMIN)
                        .header("Accept-Language", "de")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\": \"" + "a".repeat(TriageApi.MAX_TEXT + 1) + "\", \"channel\": \"fax\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("channel")))
                .andExpect(jsonPath("$.errors[*].message", hasItem("Der Text ist zu lang: höchstens 5.000 Zeichen.")));
    }

    @Test
    void aModeratorsCorrectionIsStoredForTheNextTraining() throws Exception {
        String moderator = "Bearer " + TestTokens.of(jdbc, "moderator@herald.test");
        String text = "correction test " + System.nanoTime() + ": iemand zit nu in mijn tuinhuis";
        mvc.perform(post("/api/v1/inbox/triage/corrections")
                        .header("Authorization", moderator)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\": \"" + text
                                + "\", \"language\": \"nl\", \"category\": \"EMERGENCY\", \"predicted\": \"TIP\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.id").isNumber());
        var row = jdbc.sql("SELECT language, category, predicted, corrected_by IS NOT NULL AS by FROM"
                        + " inbox.triage_correction WHERE text = ?")
                .param(text)
                .query()
                .singleRow();
        assertThat(row).containsEntry("language", "nl").containsEntry("category", "EMERGENCY");
        assertThat(row).containsEntry("predicted", "TIP").containsEntry("by", true);
        long id = jdbc.sql("SELECT id FROM inbox.triage_correction WHERE text = ?")
                .param(text)
                .query(Long.class)
                .single();
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(jdbc.sql("SELECT after::text FROM audit.audit_entry WHERE action ="
                                        + " 'inbox.triage.correction.recorded' AND subject_id = ?")
                                .param(Long.toString(id))
                                .query(String.class)
                                .optional())
                        .hasValueSatisfying(
                                after -> assertThat(after).contains("EMERGENCY").doesNotContain("tuinhuis")));
        jdbc.sql("DELETE FROM inbox.triage_correction WHERE text = ?")
                .param(text)
                .update();
    }

    @Test
    void adminsSeeTheVersionsWithTheirHeldOutFigures() throws Exception {
        mvc.perform(post("/api/v1/inbox/triage")
                        .header("Authorization", ADMIN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\": \"hello\"}"))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/inbox/triage/models").header("Authorization", ADMIN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.active == true)].version").isNotEmpty())
                .andExpect(jsonPath("$[0].metrics.EMERGENCY.recall").isNumber())
                .andExpect(jsonPath("$[0].heldoutSize", greaterThanOrEqualTo(80)));
    }
}
