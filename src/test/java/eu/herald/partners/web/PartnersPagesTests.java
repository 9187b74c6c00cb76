package eu.herald.partners.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.herald.HeraldTest;
import eu.herald.SignIn;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** The partner portal's pages for the demo partner (Liège shopkeepers' coordinator) and the demo admin. */
@HeraldTest
class PartnersPagesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theDemoPartnerSeesTheirGroupAndFindsTheStarterKitInFrench() throws Exception {
        Cookie partner = SignIn.as(mvc, "partner@herald.test");
        mvc.perform(get("/partners").cookie(partner).header("Accept-Language", "fr"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Commerçants du centre de Liège")))
                .andExpect(content().string(not(containsString("Buurtinformatienetwerk Sint-Amandsberg"))))
                .andExpect(content().string(not(containsString("Nouveau groupe"))));
        mvc.perform(get("/partners")
                        .param("q", "ton positif")
                        .param("language", "fr")
                        .header("HX-Request", "true")
                        .cookie(partner))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Ton : positif, pas effrayant")))
                .andExpect(content().string(not(containsString("<html"))));
        String group = jdbc.sql(
                        "SELECT id::text FROM partners.partner_group WHERE name = 'Commerçants du centre de Liège'")
                .query(String.class)
                .single();
        mvc.perform(get("/partners/groups/" + group).cookie(partner))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Pierre Partner")));
        String ghent = jdbc.sql(
                        "SELECT id::text FROM partners.partner_group WHERE name = 'Buurtinformatienetwerk Sint-Amandsberg'")
                .query(String.class)
                .single();
        mvc.perform(get("/partners/groups/" + ghent).cookie(partner)).andExpect(status().isNotFound());
        String kit = jdbc.sql("SELECT id::text FROM partners.resource WHERE seed_key = 'starter-kit/emergency/fr'")
                .query(String.class)
                .single();
        mvc.perform(get("/partners/resources/" + kit).cookie(partner))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("appelez le 112")));
    }

    @Test
    void anAdminAddsAResourceAndAFileThatLiesAboutItsTypeIsRefusedOnTheForm() throws Exception {
        Cookie admin = SignIn.as(mvc, "admin@herald.test");
        mvc.perform(get("/partners/resources/new").cookie(admin)).andExpect(status().isOk());
        String liege = jdbc.sql("SELECT organisation_id::text FROM partners.partner_group"
                        + " WHERE name = 'Commerçants du centre de Liège'")
                .query(String.class)
                .single();
        String title = "Checklist " + UUID.randomUUID();
        byte[] html = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
        mvc.perform(multipart("/partners/resources")
                        .file(new MockMultipartFile("file", "checklist.pdf", "application/pdf", html))
                        .param("organisationId", liege)
                        .param("title", title)
                        .param("category", "Guides")
                        .param("language", "EN")
                        .param("kind", "DOCUMENT")
                        .cookie(admin)
                        .header("Accept-Language", "en")
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("which the toolbox does not accept")));
        mvc.perform(multipart("/partners/resources")
                        .param("organisationId", liege)
                        .param("title", title)
                        .param("category", "Guides")
                        .param("language", "EN")
                        .param("kind", "TEMPLATE")
                        .param("body", "Dear neighbours, ...")
                        .param("allGroups", "true")
                        .cookie(admin)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/partners/resources/*"));
        mvc.perform(post("/partners/groups")
                        .param("organisationId", liege)
                        .param("name", "Pharmacies " + UUID.randomUUID())
                        .param("kind", "SHOPKEEPERS")
                        .cookie(admin)
                        .with(csrf()))
                .andExpect(redirectedUrlPattern("/partners/groups/*"));
    }

    @Test
    void theDemoPartnerAsksTheirGroupAndAnAdminAnswersOnThePages() throws Exception {
        Cookie partner = SignIn.as(mvc, "partner@herald.test");
        Cookie admin = SignIn.as(mvc, "admin@herald.test");
        String group = jdbc.sql(
                        "SELECT id::text FROM partners.partner_group WHERE name = 'Commerçants du centre de Liège'")
                .query(String.class)
                .single();
        String title = "Affiche pour la braderie " + UUID.randomUUID();
        String location = mvc.perform(post("/partners/groups/" + group + "/questions")
                        .param("title", title)
                        .param("body", "Quelle affiche utiliser ?")
                        .param("language", "FR")
                        .cookie(partner)
                        .with(csrf()))
                .andExpect(redirectedUrlPattern("/partners/questions/*"))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        mvc.perform(post(location + "/answers")
                        .param("body", "Celle du kit de démarrage, section ton positif.")
                        .cookie(admin)
                        .with(csrf()))
                .andExpect(redirectedUrlPattern("/partners/questions/*"));
        mvc.perform(get(location).cookie(partner).header("Accept-Language", "fr"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(title)))
                .andExpect(content().string(containsString("Celle du kit de démarrage")))
                .andExpect(content().string(containsString("Accepter cette réponse")))
                .andExpect(content().string(containsString("Masquer la réponse")));
        mvc.perform(get("/partners/groups/" + group).param("q", "braderie").cookie(partner))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(title)));
    }
}
