package eu.herald.audiences.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.herald.HeraldTest;
import eu.herald.SignIn;
import eu.herald.TestEnvironment;
import eu.herald.audiences.AudienceId;
import eu.herald.audiences.Audiences;
import eu.herald.audiences.Recommendation;
import eu.herald.audiences.Suitability;
import eu.herald.common.Channel;
import eu.herald.common.Language;
import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The communicators' page with its advice tool, and the administrators' pages for audiences and the matrix. */
@HeraldTest
class AudiencePagesTests {

    static final String OLDER = "6a0d7f3e-0b1c-4c55-9b1e-000000000004";
    static final String YOUNG = "6a0d7f3e-0b1c-4c55-9b1e-000000000002";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Audiences audiences;

    @Test
    void aCommunicatorSeesTheCatalogueTheMatrixAndAdviceWithoutJavaScript() throws Exception {
        Cookie communicator = SignIn.as(mvc, "communicator@herald.test");
        mvc.perform(get("/audiences").cookie(communicator).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The audience × channel matrix")))
                .andExpect(content().string(containsString("Security and prevention partners")))
                .andExpect(content().string(containsString("Choose one or more audiences to see")))
                .andExpect(content().string(not(containsString("/admin/audiences"))));

        mvc.perform(get("/audiences")
                        .param("audience", OLDER, YOUNG)
                        .cookie(communicator)
                        .header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<html")))
                .andExpect(content()
                        .string(containsString(
                                "Older residents (65+): Hardly reached on X — add posters and the newsletter.")))
                .andExpect(content().string(containsString("Young people (15–24): X reaches a younger audience")));
    }

    @Test
    void withHtmxTheAdviceComesAsAFragmentInTheReadersLanguage() throws Exception {
        Cookie approver = SignIn.as(mvc, "approver@herald.test");
        mvc.perform(get("/audiences")
                        .param("audience", OLDER)
                        .cookie(approver)
                        .header("HX-Request", "true")
                        .header("Accept-Language", "nl"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"advice\"")))
                .andExpect(content().string(not(containsString("<html"))))
                .andExpect(content().string(not(containsString("De matrix doelgroep × kanaal"))))
                .andExpect(content()
                        .string(containsString(
                                "Ouderen (65+): Nauwelijks bereikt op X — voeg affiches en de nieuwsbrief toe.")));
    }

    @Test
    void anAdministratorAddsAnAudienceWithItsNamesInEveryLanguage() throws Exception {
        Cookie admin = SignIn.as(mvc, "admin@herald.test");
        mvc.perform(post("/admin/audiences")
                        .cookie(admin)
                        .with(csrf())
                        .param("nameNl", "Hondenbezitters")
                        .param("nameEn", "Dog owners"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("form", "nameFr", "nameDe"))
                .andExpect(content().string(containsString("href=\"#nameFr\"")))
                .andExpect(content().string(containsString("govuk-input--error")));

        String english = "Dog owners " + System.nanoTime();
        String location = mvc.perform(post("/admin/audiences")
                        .cookie(admin)
                        .with(csrf())
                        .param("nameNl", "Hondenbezitters")
                        .param("nameFr", "Propriétaires de chiens")
                        .param("nameDe", "Hundebesitzer")
                        .param("nameEn", english))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("saved", "audiences.audience.created"))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        AudienceId id = AudienceId.of(location.substring(location.lastIndexOf('/') + 1));
        assertThat(audiences.audience(id).orElseThrow().name(Language.DE)).isEqualTo("Hundebesitzer");
        assertThat(audiences.audience(id).orElseThrow().key()).startsWith("dog-owners-");
        assertThat(audiences.recommend(List.of(id), Language.EN))
                .as("a new audience's channels are not assessed yet")
                .allSatisfy(r -> {
                    assertThat(r.suitability()).isEqualTo(Suitability.LIMITED);
                    assertThat(r.reasons()).singleElement().asString().contains("Not assessed yet");
                });
        mvc.perform(get("/api/v1/audiences").header("Authorization", "Bearer " + TestEnvironment.DEMO_API_TOKEN))
                .andExpect(jsonPath("$[*].names.en", hasItem(english)));
        awaitAudit("audiences.audience.created", id.toString());

        mvc.perform(post(location + "/deactivate").cookie(admin).with(csrf()).param("version", "0"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("saved", "audiences.audience.deactivated"));
        assertThat(audiences.audiences()).extracting(a -> a.id()).doesNotContain(id);
        assertThat(audiences.audience(id).orElseThrow().active()).isFalse();
        mvc.perform(post(location + "/deactivate").cookie(admin).with(csrf()).param("version", "1"))
                .andExpect(flash().attribute("refusal", "audiences.audience.error.alreadyInactive"));
        mvc.perform(post(location + "/reactivate").cookie(admin).with(csrf()).param("version", "0"))
                .andExpect(flash().attribute("refusal", "form.conflict"));
    }

    @Test
    void anAdministratorRenamesAnAudienceAndAStaleFormIsRefused() throws Exception {
        Cookie admin = SignIn.as(mvc, "admin@herald.test");
        String location = create(admin, "Cyclists " + System.nanoTime());
        mvc.perform(post(location)
                        .cookie(admin)
                        .with(csrf())
                        .param("version", "0")
                        .param("nameNl", "Fietsers")
                        .param("nameFr", "Cyclistes")
                        .param("nameDe", "Radfahrende")
                        .param("nameEn", "Cyclists and e-bikers"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("saved", "audiences.audience.saved"));
        mvc.perform(post(location)
                        .cookie(admin)
                        .with(csrf())
                        .param("version", "0")
                        .param("nameNl", "Fietsers")
                        .param("nameFr", "Cyclistes")
                        .param("nameDe", "Radfahrer")
                        .param("nameEn", "Cyclists"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasErrors("form"))
                .andExpect(content().string(containsString("Someone else changed this")));
        AudienceId id = AudienceId.of(location.substring(location.lastIndexOf('/') + 1));
        assertThat(audiences.audience(id).orElseThrow().name(Language.EN)).isEqualTo("Cyclists and e-bikers");
        awaitAudit("audiences.audience.renamed", id.toString());
    }

    @Test
    void anAdministratorRatesAChannelForAnAudienceAndTheAdviceFollows() throws Exception {
        Cookie admin = SignIn.as(mvc, "admin@herald.test");
        String location = create(admin, "Night workers " + System.nanoTime());
        AudienceId id = AudienceId.of(location.substring(location.lastIndexOf('/') + 1));
        mvc.perform(get(location + "/channels/whatsapp").cookie(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Not assessed yet")));

        mvc.perform(post(location + "/channels/whatsapp")
                        .cookie(admin)
                        .with(csrf())
                        .param("version", "0")
                        .param("reasonEn", "Their shift group chats."))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("form", "suitability", "reasonNl", "reasonFr", "reasonDe"))
                .andExpect(content().string(containsString("Give the reason in Dutch.")));

        mvc.perform(post(location + "/channels/whatsapp")
                        .cookie(admin)
                        .with(csrf())
                        .param("version", "0")
                        .param("suitability", "GOOD")
                        .param("reasonNl", "Hun groepsgesprekken per ploeg.")
                        .param("reasonFr", "Leurs conversations de groupe par équipe.")
                        .param("reasonDe", "Ihre Gruppenchats pro Schicht.")
                        .param("reasonEn", "Their shift group chats."))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("saved", "audiences.matrix.saved"));

        List<Recommendation> advice = audiences.recommend(List.of(id), Language.FR);
        assertThat(advice.getFirst().channel()).isEqualTo(Channel.WHATSAPP);
        assertThat(advice.getFirst().suitability()).isEqualTo(Suitability.GOOD);
        assertThat(advice.getFirst().reasons().getFirst()).endsWith(" : Leurs conversations de groupe par équipe.");
        mvc.perform(get(location + "/channels/myspace").cookie(admin)).andExpect(status().isNotFound());
        awaitAudit("audiences.matrix.edited", id + "/whatsapp");
    }

    @Test
    void theWorkshopsReasonsExistInEveryLanguage() {
        List<String> keys = jdbc.sql(
                        "SELECT DISTINCT reason_key FROM audiences.channel_advice WHERE reason_key IS NOT NULL")
                .query(String.class)
                .list();
        assertThat(keys).hasSizeGreaterThan(30);
        for (Language language : Language.values()) {
            for (Recommendation r : audiences.recommend(
                    audiences.audiences().stream().map(a -> a.id()).toList(), language)) {
                assertThat(r.reasons()).allSatisfy(reason -> assertThat(reason).doesNotContain("audiences.reason."));
            }
        }
    }

    private String create(Cookie admin, String english) throws Exception {
        return mvc.perform(post("/admin/audiences")
                        .cookie(admin)
                        .with(csrf())
                        .param("nameNl", english + " nl")
                        .param("nameFr", english + " fr")
                        .param("nameDe", english + " de")
                        .param("nameEn", english))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
    }

    private void awaitAudit(String action, String subject) {
        await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> jdbc.sql("SELECT count(*) FROM audit.audit_entry WHERE action = ? AND subject_id = ?")
                                .params(action, subject)
                                .query(Long.class)
                                .single(),
                        count -> count >= 1);
    }
}
