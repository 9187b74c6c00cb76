package eu.herald.partners.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import eu.herald.HeraldTest;
import eu.herald.SignIn;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/**
 * The toolbox's page forms for what only the API did before: an administrator uploads a new version of a resource
 * (inspected like any upload, refused when stale) and shares it with other groups.
 */
@HeraldTest
class ToolboxFormsPagesTests {

    static final byte[] PDF = PartnersApiTests.PDF;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    PartnerFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new PartnerFixtures(mvc, jdbc);
    }

    @Test
    void anAdministratorUploadsANewVersionAndSharesItWithAnotherGroupFromThePages() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String first = fixtures.group(PartnerFixtures.LIEGE, "Forms A " + suffix, "SHOPKEEPERS");
        String second = fixtures.group(PartnerFixtures.LIEGE, "Forms B " + suffix, "SCHOOL");
        String inFirst = fixtures.partner("anne", PartnerFixtures.LIEGE, "fr");
        String inSecond = fixtures.partner("bart", PartnerFixtures.LIEGE, "fr");
        fixtures.member(first, inFirst, "BASIC", false);
        fixtures.member(second, inSecond, "BASIC", false);
        String resource = JsonPath.read(
                mvc.perform(multipart("/api/v1/partners/resources")
                                .file(new MockMultipartFile("file", "affiche.pdf", "application/pdf", PDF))
                                .param("organisationId", fixtures.organisation(PartnerFixtures.LIEGE))
                                .param("title", "Affiche " + suffix)
                                .param("category", "Affiches")
                                .param("language", "FR")
                                .param("kind", "DOCUMENT")
                                .param("groups", first)
                                .header("Authorization", "Bearer " + fixtures.admin))
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");
        Cookie admin = SignIn.as(mvc, "admin@herald.test");

        mvc.perform(get("/partners/resources/" + resource).cookie(admin))
                .andExpect(content().string(containsString("/partners/resources/" + resource + "/edit")));
        mvc.perform(get("/partners/resources/" + resource + "/edit").cookie(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"version\" value=\"1\"")));

        byte[] second2 = (new String(PDF, StandardCharsets.ISO_8859_1).replace("Catalog", "Catalog /Lang (fr)"))
                .getBytes(StandardCharsets.ISO_8859_1);
        mvc.perform(version(resource, 1, "Affiche " + suffix + " (2)")
                        .file(new MockMultipartFile("file", "affiche-v2.pdf", "application/pdf", second2))
                        .cookie(admin))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/partners/resources/" + resource));
        assertThat(jdbc.sql("SELECT current_version FROM partners.resource WHERE id = ?::uuid")
                        .param(resource)
                        .query(Integer.class)
                        .single())
                .isEqualTo(2);
        assertThat(jdbc.sql(
                                "SELECT file_name FROM partners.resource_version WHERE resource_id = ?::uuid AND number = 2")
                        .param(resource)
                        .query(String.class)
                        .single())
                .isEqualTo("affiche-v2.pdf");

        // the form is stale now; and a file that lies about its type is refused on the page, nothing saved
        mvc.perform(version(resource, 1, "Stale").cookie(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("govuk-error-summary")));
        mvc.perform(version(resource, 2, "Lying")
                        .file(new MockMultipartFile(
                                "file",
                                "image.pdf",
                                "application/pdf",
                                "<html><script>x</script>".getBytes(StandardCharsets.UTF_8)))
                        .cookie(admin)
                        .header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("govuk-error-summary")));
        assertThat(jdbc.sql("SELECT current_version FROM partners.resource WHERE id = ?::uuid")
                        .param(resource)
                        .query(Integer.class)
                        .single())
                .isEqualTo(2);

        // shared with the second group instead of the first: access follows
        mvc.perform(get("/api/v1/partners/resources/" + resource)
                        .header("Authorization", "Bearer " + fixtures.token(inSecond)))
                .andExpect(status().isNotFound());
        mvc.perform(post("/partners/resources/" + resource + "/sharing")
                        .param("groups", second)
                        .with(csrf())
                        .cookie(admin))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/v1/partners/resources/" + resource)
                        .header("Authorization", "Bearer " + fixtures.token(inSecond)))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/partners/resources/" + resource)
                        .header("Authorization", "Bearer " + fixtures.token(inFirst)))
                .andExpect(status().isNotFound());

        // a member cannot reach the administrators' forms
        mvc.perform(get("/partners/resources/" + resource + "/edit").cookie(SignIn.as(mvc, inSecond)))
                .andExpect(status().isForbidden());
    }

    private static MockMultipartHttpServletRequestBuilder version(String resource, int version, String title) {
        return multipart("/partners/resources/" + resource + "/versions")
                .param("title", title)
                .param("category", "Affiches")
                .param("language", "FR")
                .param("kind", "DOCUMENT")
                .param("needToKnow", "BASIC")
                .param("version", String.valueOf(version))
                .param("note", "nouvelle mise en page")
                .with(csrf());
    }
}
