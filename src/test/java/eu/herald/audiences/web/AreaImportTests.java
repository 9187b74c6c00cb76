package eu.herald.audiences.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.herald.HeraldTest;
import eu.herald.SignIn;
import eu.herald.TestEnvironment;
import eu.herald.audiences.Area;
import eu.herald.audiences.Audiences;
import eu.herald.audiences.domain.AreaImporter;
import eu.herald.common.Language;
import jakarta.servlet.http.Cookie;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Importing official lists of municipalities: the 2020 list, a 2025 sample with mergers, files with errors (nothing
 * half-applied), stale reports, and who may do it.
 */
@HeraldTest
class AreaImportTests {

    static final String ADMIN = "Bearer " + TestEnvironment.DEMO_API_TOKEN;
    static final Path DATASET_2020 = Path.of("../shared/datasets/belgian-municipalities-2020.csv");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Audiences audiences;

    @Test
    void importsThe2020ListThenThe2025SampleKeepingRetiredAreasForOldReferences() throws Exception {
        byte[] list2020 = Files.readAllBytes(DATASET_2020);
        String preview = mvc.perform(csv(list2020, ""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.applied").value(false))
                .andExpect(jsonPath("$.counts.areasInFile").value(581))
                .andReturn()
                .getResponse()
                .getContentAsString();
        long revision = Long.parseLong(preview.replaceAll(".*\"revision\":(\\d+).*", "$1"));
        assertThat(revision).isEqualTo(revision());

        mvc.perform(csv(list2020, "?apply=true&revision=" + revision))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.applied").value(true))
                .andExpect(jsonPath("$.revision").value(revision + 1));
        assertThat(currentAreas()).isEqualTo(581);
        assertThat(audiences.area("21009").orElseThrow().officialLanguages()).containsExactly(Language.NL, Language.FR);
        assertThat(audiences.area("63040").orElseThrow().name(Language.DE)).isEqualTo("Kelmis");
        assertThat(audiences.area("63040").orElseThrow().name(Language.FR)).isEqualTo("La Calamine");
        assertThat(audiences.searchAreas("Melle", 10)).extracting(Area::nisCode).contains("44040");

        // The 2025 sample, through the pages: upload, read the report, apply
        Cookie admin = SignIn.as(mvc, "admin@herald.test");
        String review = mvc.perform(multipart("/admin/areas/import")
                        .file(new MockMultipartFile("file", "gemeenten-2025.csv", "text/csv", sample2025()))
                        .cookie(admin)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        assertThat(review).startsWith("/admin/areas/import/");
        MvcResult page = mvc.perform(get(review).cookie(admin).header("Accept-Language", "nl"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Merelbeke-Melle")))
                .andExpect(content().string(containsString("Ontbreekt in de nieuwe lijst: opgeheven")))
                .andReturn();
        AreaImporter.Review report =
                (AreaImporter.Review) page.getModelAndView().getModel().get("review");
        assertThat(report.checked().report().added())
                .extracting(c -> c.nisCode())
                .containsExactly("44086", "44087", "44088");
        assertThat(report.checked().report().retired()).hasSize(573);
        assertThat(report.checked().report().renamed())
                .extracting(c -> c.nisCode())
                .contains("62063");
        assertThat(currentAreas()).as("nothing applied before confirmation").isEqualTo(581);

        mvc.perform(post(review + "/apply")
                        .cookie(admin)
                        .with(csrf())
                        .param("revision", String.valueOf(report.checked().revision())))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("saved", "audiences.import.applied"));

        assertThat(currentAreas()).isEqualTo(11);
        mvc.perform(get("/api/v1/areas/44040").header("Authorization", ADMIN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.retired").value(true))
                .andExpect(jsonPath("$.names.nl").value("Melle"));
        assertThat(audiences.area("44040"))
                .as("a retired area stays for old references")
                .isPresent();
        assertThat(audiences.searchAreas("Melle", 10))
                .as("but it is no longer offered")
                .extracting(Area::nisCode)
                .containsExactly("44088");
        assertThat(audiences.area("62063").orElseThrow().name(Language.DE)).isEqualTo("Lüttich");
        assertThat(audiences.area("63023").orElseThrow().postcodes()).containsExactly("4700", "4701");
        assertThat(audiences.requiredLanguages(List.of("44040", "63023"), federal()))
                .containsExactlyInAnyOrder(Language.NL, Language.DE);
        assertThat(jdbc.sql("SELECT status FROM audiences.area_import WHERE id = ?::uuid")
                        .param(review.substring(review.lastIndexOf('/') + 1))
                        .query(String.class)
                        .single())
                .isEqualTo("APPLIED");
        awaitAudit("audiences.areas.imported", review.substring(review.lastIndexOf('/') + 1));

        // Back to the full list: the retired come back, the merged of the sample retire
        mvc.perform(csv(list2020, "?apply=true"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.counts.reinstated").value(573))
                .andExpect(jsonPath("$.changes.retired[*].nisCode", hasItem("44088")));
        assertThat(currentAreas()).isEqualTo(581);
    }

    @Test
    void aFileWithOneBadLineChangesNothingWhetherCheckedOrApplied() throws Exception {
        List<String> before = snapshot();
        long revision = revision();
        String bad = Files.readString(DATASET_2020)
                + "\n99999,\"Nergens\",\"Nulle part\",\"A\",\"A\",\"P\",\"P\",\"Atlantis\",\"Atlantide\",\"0\",0000"
                + "\n44021,\"Gent\",\"Gand\",\"Gent\",\"Gand\",\"Oost-Vlaanderen\",\"Flandre orientale\",\"Vlaams Gewest\","
                + "\"Région flamande\",\"263927\",9000\n";

        mvc.perform(csv(bad.getBytes(StandardCharsets.UTF_8), "?apply=true").header("Accept-Language", "nl"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("https://herald.eu/problems/area-file"))
                .andExpect(jsonPath("$.errors[0].line").value(583))
                .andExpect(jsonPath("$.errors[0].message").value("Het gewest \"Atlantis\" is geen Belgisch gewest."))
                .andExpect(jsonPath("$.errors[*].message", hasItem("De NIS-code 44021 staat al op regel 276.")));

        assertThat(snapshot()).as("nothing half-applied").isEqualTo(before);
        assertThat(revision()).isEqualTo(revision);

        Cookie admin = SignIn.as(mvc, "admin@herald.test");
        long held = heldImports();
        mvc.perform(multipart("/admin/areas/import")
                        .file(new MockMultipartFile(
                                "file", "bad.csv", "text/csv", bad.getBytes(StandardCharsets.UTF_8)))
                        .cookie(admin)
                        .header("Accept-Language", "fr")
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(model().attribute("fileError", "audiences.import.fileRefused"))
                .andExpect(content()
                        .string(containsString("Ligne 583 : La région « Atlantis » n&#39;est pas une région belge.")))
                .andExpect(content().string(containsString("govuk-form-group--error")))
                .andExpect(content().string(containsString("href=\"#file\"")));
        assertThat(heldImports()).as("a refused file is not kept").isEqualTo(held);
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void malformedFilesAreRefusedWithLineNumbersInTheReadersLanguage() throws Exception {
        mvc.perform(csv("code,name,zip\n21009,Ixelles,1050\n".getBytes(StandardCharsets.UTF_8), "")
                        .header("Accept-Language", "de"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].line").value(1))
                .andExpect(jsonPath("$.errors[0].message", containsString("Es fehlen Spalten: NIS_code")));
        mvc.perform(csv(new byte[0], "?apply=true"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].message").value("The file is empty."));
        String latin1 =
                "NIS_code,municipality_NL,municipality_FR,region_FR,zip\n62063,Luik,Liège,Région wallonne,4000\n";
        mvc.perform(csv(latin1.getBytes(Charset.forName("windows-1252")), ""))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].line").value(2))
                .andExpect(jsonPath("$.errors[0].message", containsString("UTF-8")));
        byte[] withBom = ("\uFEFF" + latin1.replace(',', ';')).getBytes(StandardCharsets.UTF_8);
        mvc.perform(csv(withBom, ""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.counts.areasInFile").value(1));

        Cookie admin = SignIn.as(mvc, "admin@herald.test");
        mvc.perform(multipart("/admin/areas/import").cookie(admin).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(model().attribute("fileError", "audiences.import.fileRequired"));
    }

    @Test
    void aReportIsAppliedOnlyOntoTheListItWasMadeFromAndCanBeDiscarded() throws Exception {
        Cookie admin = SignIn.as(mvc, "admin@herald.test");
        byte[] list2020 = Files.readAllBytes(DATASET_2020);
        String review = mvc.perform(multipart("/admin/areas/import")
                        .file(new MockMultipartFile("file", "list.csv", "text/csv", list2020))
                        .cookie(admin)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        long seen = revision();
        mvc.perform(csv(list2020, "?apply=true")).andExpect(status().isOk());

        mvc.perform(post(review + "/apply").cookie(admin).with(csrf()).param("revision", String.valueOf(seen)))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("refusal", "audiences.import.error.stale"));
        mvc.perform(csv(list2020, "?apply=true&revision=" + seen))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("audiences.import.error.stale"));

        mvc.perform(post(review + "/discard").cookie(admin).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("saved", "audiences.import.discarded"));
        Map<String, Object> row = jdbc.sql("SELECT status, content FROM audiences.area_import WHERE id = ?::uuid")
                .param(review.substring(review.lastIndexOf('/') + 1))
                .query()
                .singleRow();
        assertThat(row.get("status")).isEqualTo("DISCARDED");
        assertThat(row.get("content")).isNull();
        mvc.perform(get(review).cookie(admin))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("refusal", "audiences.import.error.notPending"));
    }

    @Test
    void onlyAnAdministratorOfTheWholeTreeChangesTheAreaList() throws Exception {
        String zone = jdbc.sql("SELECT id::text FROM accounts.organisation WHERE name_nl = 'Politiezone Gent'")
                .query(String.class)
                .single();
        String email = "zone-areas-" + System.nanoTime() + "@herald.test";
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
        List<String> before = snapshot();

        mvc.perform(multipart("/admin/areas/import")
                        .file(new MockMultipartFile("file", "list.csv", "text/csv", sample2025()))
                        .cookie(zoneAdmin)
                        .with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/admin/areas").cookie(zoneAdmin)).andExpect(status().isForbidden());
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void theAreasPageSearchesAsYouTypeWithAFragmentForHtmx() throws Exception {
        Cookie admin = SignIn.as(mvc, "admin@herald.test");
        mvc.perform(get("/admin/areas").param("q", "elsene").cookie(admin).header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("21009")))
                .andExpect(content().string(containsString("id=\"area-results\"")))
                .andExpect(content().string(not(containsString("<html"))));
        mvc.perform(get("/admin/areas").param("q", "4700").cookie(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<html")))
                .andExpect(content().string(containsString("Eupen")));
    }

    private MockHttpServletRequestBuilder csv(byte[] body, String query) {
        return post("/api/v1/admin/areas/import" + query)
                .header("Authorization", ADMIN)
                .contentType("text/csv")
                .content(body);
    }

    private static byte[] sample2025() throws IOException {
        try (InputStream in =
                AreaImportTests.class.getResourceAsStream("/eu/herald/audiences/municipalities-2025-sample.csv")) {
            return in.readAllBytes();
        }
    }

    private long revision() {
        return jdbc.sql("SELECT revision FROM audiences.area_list")
                .query(Long.class)
                .single();
    }

    private long currentAreas() {
        return jdbc.sql("SELECT count(*) FROM audiences.area WHERE retired_at IS NULL")
                .query(Long.class)
                .single();
    }

    private long heldImports() {
        return jdbc.sql("SELECT count(*) FROM audiences.area_import")
                .query(Long.class)
                .single();
    }

    private List<String> snapshot() {
        return jdbc.sql("SELECT concat_ws('|', nis_code, name_nl, name_fr, name_de, region, official_languages::text,"
                        + " postcodes::text, retired_at::text) FROM audiences.area ORDER BY nis_code")
                .query(String.class)
                .list();
    }

    private eu.herald.accounts.OrganisationId federal() {
        return eu.herald.accounts.OrganisationId.of(
                jdbc.sql("SELECT id::text FROM accounts.organisation WHERE kind = 'FEDERAL'")
                        .query(String.class)
                        .single());
    }

    private void awaitAudit(String action, String subject) {
        await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> jdbc.sql("SELECT count(*) FROM audit.audit_entry WHERE action = ? AND subject_id = ?")
                                .params(action, subject)
                                .query(Long.class)
                                .single(),
                        count -> count == 1);
    }
}
