package eu.herald.partners.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import eu.herald.HeraldTest;
import eu.herald.TestTokens;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/**
 * The closed partner portal through the API: an administrator sets up two groups in different areas, shares a
 * document with one; its member finds and downloads it, the member of the other group gets 404 for it and its group;
 * everyone in a group finds the starter kit in French; bad uploads are refused with a localised message.
 */
@HeraldTest
class PartnersApiTests {

    static final byte[] PDF = "%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
            .getBytes(StandardCharsets.ISO_8859_1);

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    String admin;
    String liege;
    String gent;

    @BeforeEach
    void setUp() {
        admin = TestTokens.of(jdbc, "admin@herald.test");
        liege = organisation("Association des commerçants du centre de Liège");
        gent = organisation("Buurtinformatienetwerk Sint-Amandsberg");
    }

    @Test
    void aGroupSeesWhatIsSharedWithItAndAnotherGroupSeesNoneOfIt() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String shops = createGroup(liege, "Shops " + suffix, "SHOPKEEPERS");
        String network = createGroup(gent, "Network " + suffix, "NEIGHBOURHOOD_NETWORK");
        String alice = partnerUser("alice-" + suffix + "@herald.test", liege);
        String bob = partnerUser("bob-" + suffix + "@herald.test", gent);
        addMember(shops, "alice-" + suffix + "@herald.test", "RESTRICTED", true);
        addMember(network, "bob-" + suffix + "@herald.test", "BASIC", false);

        String title = "Vitrines sûres " + suffix;
        String resource = JsonPath.read(
                mvc.perform(resourceUpload(liege, title, "DOCUMENT", "fr", shops)
                                .file(new MockMultipartFile("file", "vitrines.pdf", "application/pdf", PDF)))
                        .andExpect(status().isCreated())
                        .andExpect(jsonPath("$.mediaType").value("application/pdf"))
                        .andExpect(jsonPath("$.version").value(1))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");

        // the member of the group finds it, reads it and downloads it as an attachment
        mvc.perform(get("/api/v1/partners/resources").param("q", "vitrine").header("Authorization", "Bearer " + alice))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].title", hasItem(title)));
        mvc.perform(get("/api/v1/partners/resources/" + resource).header("Authorization", "Bearer " + alice))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.versions.length()").value(1));
        mvc.perform(get("/api/v1/partners/resources/" + resource + "/file").header("Authorization", "Bearer " + alice))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(content().bytes(PDF));
        mvc.perform(get("/api/v1/partners/groups/" + shops).header("Authorization", "Bearer " + alice))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.manageable").value(false))
                .andExpect(jsonPath("$.members[0].coordinator").value(true));

        // the member of another group sees none of it: not in search, 404 for the resource, its file and the group
        mvc.perform(get("/api/v1/partners/resources").param("q", "vitrine").header("Authorization", "Bearer " + bob))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].title", not(hasItem(title))));
        mvc.perform(get("/api/v1/partners/resources/" + resource).header("Authorization", "Bearer " + bob))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/partners/resources/" + resource + "/file").header("Authorization", "Bearer " + bob))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/partners/groups/" + shops).header("Authorization", "Bearer " + bob))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/partners/groups").header("Authorization", "Bearer " + bob))
                .andExpect(jsonPath("$[*].id", not(hasItem(shops))))
                .andExpect(jsonPath("$[*].id", hasItem(network)));

        // the demo partner (another Liège group) does not see it either
        String pierre = TestTokens.of(jdbc, "partner@herald.test");
        mvc.perform(get("/api/v1/partners/resources/" + resource).header("Authorization", "Bearer " + pierre))
                .andExpect(status().isNotFound());

        // a new version keeps the history; the old file stays downloadable
        mvc.perform(multipart("/api/v1/partners/resources/" + resource + "/versions")
                        .param("title", title + " (2)")
                        .param("category", "Guides")
                        .param("language", "FR")
                        .param("kind", "DOCUMENT")
                        .param("version", "1")
                        .param("note", "nouvelle mise en page")
                        .header("Authorization", "Bearer " + admin))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.version").value(2))
                .andExpect(jsonPath("$.fileName").value("vitrines.pdf"));
        mvc.perform(get("/api/v1/partners/resources/" + resource).header("Authorization", "Bearer " + alice))
                .andExpect(jsonPath("$.versions[*].number", org.hamcrest.Matchers.contains(2, 1)));
        // a stale version is refused
        mvc.perform(multipart("/api/v1/partners/resources/" + resource + "/versions")
                        .param("title", "stale")
                        .param("category", "Guides")
                        .param("language", "FR")
                        .param("kind", "DOCUMENT")
                        .param("version", "1")
                        .header("Authorization", "Bearer " + admin))
                .andExpect(status().is(422));

        // sharing with every group of the Liège partner organisation reaches a new member of another group there?
        // no: Bob's group is in Ghent, so sharing with "all groups" of Liège still leaves him out
        mvc.perform(put("/api/v1/partners/resources/" + resource + "/sharing")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"allGroups\": true, \"groups\": []}")
                        .header("Authorization", "Bearer " + admin))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.allGroups").value(true));
        mvc.perform(get("/api/v1/partners/resources/" + resource).header("Authorization", "Bearer " + bob))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/partners/resources/" + resource).header("Authorization", "Bearer " + pierre))
                .andExpect(status().isOk());

        // a partner cannot change anything (route-level) and every change was audited
        mvc.perform(put("/api/v1/partners/groups/" + shops + "/members")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\": \"bob-" + suffix + "@herald.test\", \"needToKnow\": \"BASIC\"}")
                        .header("Authorization", "Bearer " + alice))
                .andExpect(status().isForbidden());
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(
                        () -> assertThat(jdbc.sql("SELECT action FROM audit.audit_entry WHERE subject_id IN (?, ?)")
                                        .params(shops, resource)
                                        .query(String.class)
                                        .list())
                                .contains(
                                        "partners.group.created",
                                        "partners.group.member_set",
                                        "partners.resource.created",
                                        "partners.resource.new-version",
                                        "partners.resource.shared"));

        // removing the member ends their access at once
        String aliceId = jdbc.sql("SELECT id::text FROM accounts.app_user WHERE email = ?")
                .param("alice-" + suffix + "@herald.test")
                .query(String.class)
                .single();
        mvc.perform(delete("/api/v1/partners/groups/" + shops + "/members/" + aliceId)
                        .header("Authorization", "Bearer " + admin))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/partners/resources/" + resource).header("Authorization", "Bearer " + alice))
                .andExpect(status().isNotFound());
    }

    @Test
    void theDemoPartnerFindsTheStarterKitInFrench() throws Exception {
        String pierre = TestTokens.of(jdbc, "partner@herald.test");
        // French stemming: "publier" finds "Ne publiez pas", "fréquences" finds "Fréquence"
        mvc.perform(get("/api/v1/partners/resources")
                        .param("q", "publier")
                        .param("language", "fr")
                        .header("Authorization", "Bearer " + pierre))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].title", hasItem("Ce qu'il ne faut pas publier : les auteurs lisent aussi")));
        mvc.perform(get("/api/v1/partners/resources")
                        .param("q", "fréquences quantité")
                        .header("Authorization", "Bearer " + pierre))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].title").value("Fréquence : la qualité plutôt que la quantité"))
                .andExpect(jsonPath("$[0].language").value("fr"));
        // German compound-free stemming and Dutch too, each with its own configuration
        mvc.perform(get("/api/v1/partners/resources")
                        .param("q", "Notrufnummern")
                        .header("Authorization", "Bearer " + pierre))
                .andExpect(jsonPath("$[0].language").value("de"));
        mvc.perform(get("/api/v1/partners/resources")
                        .param("q", "doelgroepen")
                        .header("Authorization", "Bearer " + pierre))
                .andExpect(jsonPath("$[0].title").value("Een kanaal kiezen per doelgroep"));
        Integer kit = jdbc.sql("SELECT count(*) FROM partners.resource WHERE seed_key LIKE 'starter-kit/%'")
                .query(Integer.class)
                .single();
        assertThat(kit).isEqualTo(24); // six topics in four languages
    }

    @Test
    void refusesUploadsThatAreNotWhatTheyClaimWithALocalisedMessage() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String group = createGroup(liege, "Uploads " + suffix, "SHOPKEEPERS");
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), "png", png);
        mvc.perform(resourceUpload(liege, "Affiche " + suffix, "DOCUMENT", "fr", group)
                        .file(new MockMultipartFile("file", "affiche.pdf", "application/pdf", png.toByteArray()))
                        .header("Accept-Language", "fr"))
                .andExpect(status().is(422))
                .andExpect(content().string(containsString("n'est pas ce que son nom")));
        mvc.perform(resourceUpload(liege, "Logo " + suffix, "IMAGE", "fr", group)
                        .file(new MockMultipartFile(
                                "file",
                                "logo.png",
                                "image/png",
                                "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8)))
                        .header("Accept-Language", "nl"))
                .andExpect(status().is(422))
                .andExpect(content().string(containsString("gereedschapskist niet aanvaardt")));
        mvc.perform(resourceUpload(liege, "Leeg " + suffix, "DOCUMENT", "fr", group)
                        .file(new MockMultipartFile("file", "leeg.pdf", "application/pdf", new byte[0]))
                        .header("Accept-Language", "en"))
                .andExpect(status().is(422))
                .andExpect(content().string(containsString("is empty")));
        byte[] big = java.util.Arrays.copyOf(PDF, 10 * 1024 * 1024 + 1);
        mvc.perform(resourceUpload(liege, "Big " + suffix, "DOCUMENT", "fr", group)
                        .file(new MockMultipartFile("file", "big.pdf", "application/pdf", big))
                        .header("Accept-Language", "de"))
                .andExpect(status().is(422))
                .andExpect(content().string(containsString("größer als 10 MB")));
        // an image is stored re-encoded: what is appended to it is gone
        byte[] polyglot =
                UploadBytes.concat(png.toByteArray(), "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8));
        String image = JsonPath.read(
                mvc.perform(resourceUpload(liege, "Image " + suffix, "IMAGE", "fr", group)
                                .file(new MockMultipartFile("file", "image.png", "image/png", polyglot)))
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");
        byte[] stored = mvc.perform(
                        get("/api/v1/partners/resources/" + image + "/file").header("Authorization", "Bearer " + admin))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("script");
        assertThat(jdbc.sql("SELECT count(*) FROM partners.resource WHERE title LIKE ?")
                        .param("%" + suffix)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    /** Byte helpers. */
    static final class UploadBytes {
        static byte[] concat(byte[] a, byte[] b) {
            byte[] all = java.util.Arrays.copyOf(a, a.length + b.length);
            System.arraycopy(b, 0, all, a.length, b.length);
            return all;
        }
    }

    private MockMultipartHttpServletRequestBuilder resourceUpload(
            String organisation, String title, String kind, String language, String group) {
        return multipart("/api/v1/partners/resources")
                .param("organisationId", organisation)
                .param("title", title)
                .param("description", "Comment sécuriser les vitrines des commerces")
                .param("category", "Guides")
                .param("tags", "vitrine, commerce")
                .param("language", language.toUpperCase(java.util.Locale.ROOT))
                .param("kind", kind)
                .param("groups", group)
                .header("Authorization", "Bearer " + admin);
    }

    private String createGroup(String organisation, String name, String kind) throws Exception {
        return JsonPath.read(
                mvc.perform(post("/api/v1/partners/groups")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"organisationId\": \"%s\", \"name\": \"%s\", \"kind\": \"%s\"}"
                                        .formatted(organisation, name, kind))
                                .header("Authorization", "Bearer " + admin))
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");
    }

    private void addMember(String group, String email, String level, boolean coordinator) throws Exception {
        mvc.perform(put("/api/v1/partners/groups/" + group + "/members")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\": \"%s\", \"needToKnow\": \"%s\", \"coordinator\": %s}"
                                .formatted(email, level, coordinator))
                        .header("Authorization", "Bearer " + admin))
                .andExpect(status().isOk());
    }

    /** A partner user at the organisation (the accounts module offers no API to create one), with a token. */
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
        List<String> ids = jdbc.sql("SELECT id::text FROM accounts.organisation WHERE ? IN (name_fr, name_nl)")
                .param(name)
                .query(String.class)
                .list();
        return ids.getFirst();
    }
}
