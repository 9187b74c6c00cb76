package eu.herald.partners.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import eu.herald.TestTokens;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Groups and partner users of a test's own, made through the API by the demo admin (and JDBC for the users). */
final class PartnerFixtures {

    static final String LIEGE = "Association des commerçants du centre de Liège";
    static final String GENT = "Buurtinformatienetwerk Sint-Amandsberg";

    private final MockMvc mvc;
    private final JdbcClient jdbc;
    final String admin;

    PartnerFixtures(MockMvc mvc, JdbcClient jdbc) {
        this.mvc = mvc;
        this.jdbc = jdbc;
        this.admin = TestTokens.of(jdbc, "admin@herald.test");
    }

    String organisation(String name) {
        return jdbc.sql("SELECT id::text FROM accounts.organisation WHERE ? IN (name_fr, name_nl)")
                .param(name)
                .query(String.class)
                .list()
                .getFirst();
    }

    String group(String organisationName, String name, String kind) throws Exception {
        return JsonPath.read(
                mvc.perform(post("/api/v1/partners/groups")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"organisationId\": \"%s\", \"name\": \"%s\", \"kind\": \"%s\"}"
                                        .formatted(organisation(organisationName), name, kind))
                                .header("Authorization", "Bearer " + admin))
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");
    }

    /**
     * A PARTNER user at the organisation who signs in with the demo password, speaking {@code language}; returns
     * the email.
     */
    String partner(String prefix, String organisationName, String language) {
        String email = prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@herald.test";
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO accounts.app_user (id, home_organisation, email, display_name, language, password_hash)"
                        + " SELECT ?, ?::uuid, ?, ?, ?, password_hash FROM accounts.app_user"
                        + " WHERE email = 'partner@herald.test'")
                .params(id, organisation(organisationName), email, prefix + " Tester", language)
                .update();
        jdbc.sql(
                        "INSERT INTO accounts.membership (id, user_id, organisation_id, role) VALUES (?, ?, ?::uuid, 'PARTNER')")
                .params(UUID.randomUUID(), id, organisation(organisationName))
                .update();
        return email;
    }

    void member(String group, String email, String level, boolean coordinator) throws Exception {
        mvc.perform(put("/api/v1/partners/groups/" + group + "/members")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\": \"%s\", \"needToKnow\": \"%s\", \"coordinator\": %s}"
                                .formatted(email, level, coordinator))
                        .header("Authorization", "Bearer " + admin))
                .andExpect(status().isOk());
    }

    String token(String email) {
        return TestTokens.of(jdbc, email);
    }

    /** An event by the demo admin for one group, starting in {@code days} days at 18:30 Brussels time. */
    String event(String organisationName, String group, String title, int capacity, int days) throws Exception {
        return event(organisationName, group, title, capacity, days, "BASIC");
    }

    /** The same, for members whose need-to-know level covers {@code level}. */
    String event(String organisationName, String group, String title, int capacity, int days, String level)
            throws Exception {
        String start = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Brussels"))
                .plusDays(days)
                .atTime(18, 30)
                .toString();
        String end = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Brussels"))
                .plusDays(days)
                .atTime(21, 0)
                .toString();
        return JsonPath.read(
                mvc.perform(post("/api/v1/partners/events")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("""
                                        {"organisationId": "%s", "kind": "TRAINING", "title": "%s",
                                         "description": "Savoir réagir", "place": "Maison communale, salle 2",
                                         "start": "%s", "end": "%s", "capacity": %d, "language": "FR",
                                         "groups": ["%s"], "needToKnow": "%s"}""".formatted(
                                        organisation(organisationName), title, start, end, capacity, group, level))
                                .header("Authorization", "Bearer " + admin))
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");
    }
}
