package eu.herald.partners.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.jayway.jsonpath.JsonPath;
import eu.herald.HeraldTest;
import eu.herald.TestMail;
import eu.herald.TestTokens;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Questions and answers in a group: a member asks in French, a prevention officer (an admin of the organisation)
 * answers, the asker gets an email and accepts the answer; a coordinator hides a post; the search reads French; a
 * member of another group gets 404 for all of it.
 */
@HeraldTest
class PartnerQuestionsTests {

    @RegisterExtension
    static GreenMailExtension mail = TestMail.server();

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aMemberAsksAnOfficerAnswersTheAskerIsToldByEmailAndAnotherGroupSeesNothing() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String admin = TestTokens.of(jdbc, "admin@herald.test");
        String liege = organisation("Association des commerçants du centre de Liège");
        String gent = organisation("Buurtinformatienetwerk Sint-Amandsberg");
        String group = JsonPath.read(
                mvc.perform(post("/api/v1/partners/groups")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"organisationId\": \"%s\", \"name\": \"Q&A %s\", \"kind\": \"SHOPKEEPERS\"}"
                                        .formatted(liege, suffix))
                                .header("Authorization", "Bearer " + admin))
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");
        String other = JsonPath.read(
                mvc.perform(post("/api/v1/partners/groups")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"organisationId\": \"%s\", \"name\": \"Other %s\", \"kind\": \"SCHOOL\"}"
                                        .formatted(gent, suffix))
                                .header("Authorization", "Bearer " + admin))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");
        String asker = partnerUser("claire-" + suffix + "@herald.test", liege);
        String coordinator = partnerUser("coord-" + suffix + "@herald.test", liege);
        String outsider = partnerUser("olivier-" + suffix + "@herald.test", gent);
        member(admin, group, "claire-" + suffix + "@herald.test", false);
        member(admin, group, "coord-" + suffix + "@herald.test", true);
        member(admin, other, "olivier-" + suffix + "@herald.test", false);

        String question = JsonPath.read(
                mvc.perform(post("/api/v1/partners/groups/" + group + "/questions")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(
                                        "{\"title\": \"Comment réagir aux vols à l'étalage ?\","
                                                + " \"body\": \"Faut-il publier les photos des voleurs ?\", \"language\": \"FR\"}")
                                .header("Authorization", "Bearer " + asker))
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");

        // the prevention officer (admin of the organisation) answers; the asker receives an email in French
        String answer = JsonPath.read(
                mvc.perform(post("/api/v1/partners/questions/" + question + "/answers")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"body\": \"Non : ne publiez jamais de photos. Portez plainte au 101.\"}")
                                .header("Authorization", "Bearer " + admin))
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");
        await().atMost(Duration.ofSeconds(10)).until(() -> mail.getReceivedMessages().length == 1);
        MimeMessage email = mail.getReceivedMessages()[0];
        assertThat(email.getAllRecipients()[0].toString()).isEqualTo("claire-" + suffix + "@herald.test");
        assertThat(email.getSubject())
                .isEqualTo("Votre question a reçu une réponse : Comment réagir aux vols à l'étalage ?");
        assertThat((String) email.getContent())
                .contains("/partners/questions/" + question)
                .doesNotContain("ne publiez jamais");

        // the asker accepts it; French search finds the question ("vol" → "vols")
        mvc.perform(post("/api/v1/partners/questions/" + question + "/accept")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"answerId\": \"" + answer + "\"}")
                        .header("Authorization", "Bearer " + asker))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/partners/groups/" + group + "/questions")
                        .param("q", "vol étalage")
                        .header("Authorization", "Bearer " + coordinator))
                .andExpect(jsonPath("$[0].id").value(question))
                .andExpect(jsonPath("$[0].acceptedAnswerId").value(answer));

        // a member who is not a coordinator cannot hide; the coordinator can, and the answer is gone for members
        mvc.perform(post("/api/v1/partners/answers/" + answer + "/hide").header("Authorization", "Bearer " + asker))
                .andExpect(status().is(422));
        mvc.perform(post("/api/v1/partners/answers/" + answer + "/hide")
                        .header("Authorization", "Bearer " + coordinator))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/partners/questions/" + question).header("Authorization", "Bearer " + asker))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.answers.length()").value(0))
                .andExpect(jsonPath("$.question.acceptedAnswerId").doesNotExist());
        mvc.perform(get("/api/v1/partners/questions/" + question).header("Authorization", "Bearer " + coordinator))
                .andExpect(jsonPath("$.answers[0].hidden").value(true));

        // a member of another group sees none of it
        mvc.perform(get("/api/v1/partners/questions/" + question).header("Authorization", "Bearer " + outsider))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/partners/groups/" + group + "/questions")
                        .header("Authorization", "Bearer " + outsider))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/partners/questions/" + question + "/answers")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"body\": \"intrus\"}")
                        .header("Authorization", "Bearer " + outsider))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/partners/groups/" + group + "/questions")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\": \"intrus\", \"language\": \"FR\"}")
                        .header("Authorization", "Bearer " + outsider))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/partners/groups/" + other + "/questions")
                        .header("Authorization", "Bearer " + outsider))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id", not(hasItem(question))));

        // the coordinator hides the question: members no longer find it
        mvc.perform(post("/api/v1/partners/questions/" + question + "/hide")
                        .header("Authorization", "Bearer " + coordinator))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/partners/questions/" + question).header("Authorization", "Bearer " + asker))
                .andExpect(status().isNotFound());
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(jdbc.sql("SELECT action FROM audit.audit_entry WHERE subject_id = ?")
                                .param(question)
                                .query(String.class)
                                .list())
                        .contains(
                                "partners.question.asked",
                                "partners.question.answered",
                                "partners.question.accepted",
                                "partners.question.hidden"));
    }

    private void member(String admin, String group, String email, boolean coordinator) throws Exception {
        mvc.perform(put("/api/v1/partners/groups/" + group + "/members")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\": \"%s\", \"needToKnow\": \"BASIC\", \"coordinator\": %s}"
                                .formatted(email, coordinator))
                        .header("Authorization", "Bearer " + admin))
                .andExpect(status().isOk());
    }

    private String partnerUser(String email, String organisation) {
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO accounts.app_user (id, home_organisation, email, display_name, language)"
                        + " VALUES (?, ?::uuid, ?, ?, 'fr')")
                .params(id, organisation, email, email.substring(0, email.indexOf('@')))
                .update();
        jdbc.sql(
                        "INSERT INTO accounts.membership (id, user_id, organisation_id, role) VALUES (?, ?, ?::uuid, 'PARTNER')")
                .params(UUID.randomUUID(), id, organisation)
                .update();
        return TestTokens.of(jdbc, email);
    }

    private String organisation(String name) {
        return jdbc.sql("SELECT id::text FROM accounts.organisation WHERE ? IN (name_fr, name_nl)")
                .param(name)
                .query(String.class)
                .list()
                .getFirst();
    }
}
