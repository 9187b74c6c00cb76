package eu.herald.accounts.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.herald.HeraldTest;
import eu.herald.SignIn;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The organisation tree: what may sit where, who may change what, and reach through the hierarchy. */
@HeraldTest
class OrganisationAdministrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    Cookie admin;

    @BeforeEach
    void signIn() throws Exception {
        admin = SignIn.as(mvc, "admin@herald.test");
    }

    @Test
    void anAdminAddsAPartnerUnderAMunicipalityWithItsNamesLanguagesAndArea() throws Exception {
        String gent = id("Stad Gent");
        String name = "Scholengroep " + System.nanoTime();
        mvc.perform(create(gent, "PARTNER", name, "nl")
                        .param("municipalityCodes", "44021")
                        .param("postcodes", "9000 9050"))
                .andExpect(status().is3xxRedirection());
        var row = jdbc.sql("SELECT kind, parent_id::text AS parent, official_languages::text AS languages,"
                        + " postcodes::text AS postcodes, path FROM accounts.organisation WHERE name_nl = ?")
                .param(name)
                .query()
                .singleRow();
        assertThat(row.get("kind")).isEqualTo("PARTNER");
        assertThat(row.get("parent")).isEqualTo(gent);
        assertThat(row.get("languages")).isEqualTo("{nl}");
        assertThat(row.get("postcodes")).isEqualTo("{9000,9050}");
        assertThat((String) row.get("path")).contains(gent);
    }

    @Test
    void refusesAKindThatCannotSitUnderTheParent() throws Exception {
        String partner = id("Buurtinformatienetwerk Sint-Amandsberg");
        long before = count();
        mvc.perform(create(id("Stad Gent"), "POLICE_ZONE", "Verkeerde zone", "nl"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasErrors("form"));
        mvc.perform(get("/admin/organisations/new").param("parent", partner).cookie(admin))
                .andExpect(status().isOk())
                .andExpect(model().attribute("kinds", java.util.List.of()));
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void requiresTheNameInEveryOfficialLanguage() throws Exception {
        long before = count();
        mvc.perform(create(
                        id("FOD Binnenlandse Zaken – Algemene Directie Veiligheid en Preventie"),
                        "MUNICIPALITY",
                        "Alleen Nederlands",
                        "nl",
                        "fr"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasErrors("form"));
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void refusesMalformedCodesAndEmailWithFieldErrors() throws Exception {
        mvc.perform(create(id("Stad Gent"), "PARTNER", "Codes fout", "nl")
                        .param("municipalityCodes", "4402")
                        .param("postcodes", "90000")
                        .param("contactEmail", "not-an-email"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("form", "municipalityCodes", "postcodes", "contactEmail"));
    }

    @Test
    void aZoneAdminReachesTheZoneAndItsDescendantsOnly() throws Exception {
        String zone = id("Politiezone Gent");
        String email = "zone-admin-" + System.nanoTime() + "@herald.test";
        jdbc.sql("INSERT INTO accounts.app_user (id, home_organisation, email, display_name, language, password_hash)"
                        + " SELECT gen_random_uuid(), ?::uuid, ?, 'Zone Admin', 'nl', password_hash FROM accounts.app_user"
                        + " WHERE email = 'admin@herald.test'")
                .params(zone, email)
                .update();
        jdbc.sql("INSERT INTO accounts.membership (id, user_id, organisation_id, role) SELECT gen_random_uuid(), id,"
                        + " ?::uuid, 'ADMIN' FROM accounts.app_user WHERE email = ?")
                .params(zone, email)
                .update();
        Cookie zoneAdmin = SignIn.as(mvc, email);

        mvc.perform(get("/admin/organisations/" + id("Stad Gent")).cookie(zoneAdmin))
                .andExpect(status().isOk());
        mvc.perform(get("/admin/organisations/" + id("Zone de police de Liège")).cookie(zoneAdmin))
                .andExpect(status().isNotFound());
        mvc.perform(get("/admin/organisations/" + id("Commune d'Ixelles")).cookie(zoneAdmin))
                .andExpect(status().isNotFound());
        long before = count();
        mvc.perform(post("/admin/organisations")
                        .cookie(zoneAdmin)
                        .with(csrf())
                        .param("parentId", id("Zone de police de Liège"))
                        .param("kind", "PARTNER")
                        .param("nameFr", "Intrus")
                        .param("officialLanguages", "fr"))
                .andExpect(status().isNotFound());
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void deactivatingAnOrganisationEndsTheReachOfItsMemberships() throws Exception {
        String name = "Tijdelijk " + System.nanoTime();
        mvc.perform(create(id("Stad Gent"), "PARTNER", name, "nl")).andExpect(status().is3xxRedirection());
        String partner = id(name);
        mvc.perform(post("/admin/organisations/" + partner + "/deactivate")
                        .cookie(admin)
                        .with(csrf())
                        .param("version", "0"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("SELECT active FROM accounts.organisation WHERE id = ?::uuid")
                        .param(partner)
                        .query(Boolean.class)
                        .single())
                .isFalse();
        mvc.perform(post("/admin/organisations/"
                                + id("FOD Binnenlandse Zaken – Algemene Directie Veiligheid en Preventie")
                                + "/deactivate")
                        .cookie(admin)
                        .with(csrf())
                        .param("version", "0"))
                .andExpect(result -> assertThat(result.getFlashMap().get("refusal"))
                        .isEqualTo("organisation.error.rootStaysActive"));
    }

    private MockHttpServletRequestBuilder create(String parent, String kind, String nlName, String... languages) {
        return post("/admin/organisations")
                .cookie(admin)
                .with(csrf())
                .param("parentId", parent)
                .param("kind", kind)
                .param("nameNl", nlName)
                .param("officialLanguages", languages);
    }

    private String id(String name) {
        return jdbc.sql("SELECT id::text FROM accounts.organisation WHERE ? IN (name_nl, name_fr, name_de)")
                .param(name)
                .query(String.class)
                .single();
    }

    private long count() {
        return jdbc.sql("SELECT count(*) FROM accounts.organisation")
                .query(Long.class)
                .single();
    }
}
