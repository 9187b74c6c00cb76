package eu.herald.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.herald.HeraldTest;
import eu.herald.SignIn;
import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Every change and sign-in reaches the append-only audit trail; admins read it within their reach. */
@HeraldTest
class AuditTrailTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void recordsAnInvitationWithWhoWhenWhereAndTheAfterState() throws Exception {
        Cookie admin = SignIn.as(mvc, "admin@herald.test");
        String email = "audited-" + System.nanoTime() + "@herald.test";
        mvc.perform(post("/admin/users/invite")
                        .cookie(admin)
                        .with(csrf())
                        .param("email", email)
                        .param("displayName", "Audrey Audited")
                        .param("language", "FR")
                        .param("organisationId", organisation("Commune d'Ixelles"))
                        .param("role", "APPROVER"))
                .andExpect(status().is3xxRedirection());

        Map<String, Object> entry = await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> jdbc.sql("SELECT actor_name, organisation_id::text AS organisation, after::text AS after"
                                        + " FROM audit.audit_entry WHERE action = 'accounts.user.invited'"
                                        + " AND after->>'email' = ?")
                                .param(email)
                                .query()
                                .listOfRows(),
                        rows -> rows.size() == 1)
                .getFirst();
        assertThat(entry.get("actor_name")).isEqualTo("Alex Admin");
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(
                                jdbc.sql("SELECT count(*) FROM event_publication WHERE completion_date IS NOT NULL")
                                        .query(Long.class)
                                        .single())
                        .as("delivered events leave the registry")
                        .isZero());
        assertThat(entry.get("organisation")).isEqualTo(organisation("Commune d'Ixelles"));
        assertThat((String) entry.get("after")).contains("\"role\": \"APPROVER\"");
    }

    @Test
    void recordsSignInsAndFailedSignInsWithoutWhatWasTyped() throws Exception {
        SignIn.as(mvc, "moderator@herald.test");
        mvc.perform(formLogin("/login")
                .userParameter("email")
                .user("moderator@herald.test")
                .password("typo-pw"));
        mvc.perform(formLogin("/login")
                .userParameter("email")
                .user("ghost-" + System.nanoTime() + "@x.test")
                .password("secret-typed-here"));
        String moderator = jdbc.sql("SELECT id::text FROM accounts.app_user WHERE email = 'moderator@herald.test'")
                .query(String.class)
                .single();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(count("accounts.sign_in.signed_in", moderator)).isPositive();
            assertThat(count("accounts.sign_in.failed", moderator)).isPositive();
            assertThat(jdbc.sql("SELECT count(*) FROM audit.audit_entry WHERE action = 'accounts.sign_in.failed'"
                                    + " AND subject_id IS NULL")
                            .query(Long.class)
                            .single())
                    .isPositive();
        });
        assertThat(jdbc.sql("SELECT count(*) FROM audit.audit_entry WHERE before::text LIKE '%secret-typed-here%'"
                                + " OR after::text LIKE '%secret-typed-here%' OR after::text LIKE '%ghost-%'")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void theTrailIsAppendOnlyEvenForTheTableOwner() {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> jdbc.sql("SELECT count(*) FROM audit.audit_entry")
                                .query(Long.class)
                                .single()
                        > 0);
        assertThatThrownBy(() -> jdbc.sql("UPDATE audit.audit_entry SET actor_name = 'someone else'")
                        .update())
                .isInstanceOf(DataAccessException.class)
                .hasStackTraceContaining("the audit trail is append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit.audit_entry").update())
                .isInstanceOf(DataAccessException.class)
                .hasStackTraceContaining("the audit trail is append-only");
        assertThatThrownBy(() -> jdbc.sql("TRUNCATE audit.audit_entry").update())
                .isInstanceOf(DataAccessException.class)
                .hasStackTraceContaining("the audit trail is append-only");
    }

    @Test
    void theAuditPageFiltersAndAnswersHtmxWithTheResultsOnly() throws Exception {
        Cookie admin = SignIn.as(mvc, "admin@herald.test");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> jdbc.sql("SELECT count(*) FROM audit.audit_entry WHERE actor_name = 'Alex Admin'")
                                .query(Long.class)
                                .single()
                        > 0);
        mvc.perform(get("/admin/audit").cookie(admin).param("who", "alex"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<html")))
                .andExpect(content().string(containsString("Alex Admin")));
        mvc.perform(get("/admin/audit").cookie(admin).param("who", "alex").header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("<html"))))
                .andExpect(content().string(containsString("audit-results")));
        mvc.perform(get("/admin/audit").cookie(admin).param("from", "not a date"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("from-error")));
    }

    @Test
    void anAdminOfOneZoneSeesOnlyThatZonesEntries() throws Exception {
        String zone = organisation("Zone de police de Liège");
        String email = "liege-admin-" + System.nanoTime() + "@herald.test";
        jdbc.sql("INSERT INTO accounts.app_user (id, home_organisation, email, display_name, language, password_hash)"
                        + " SELECT gen_random_uuid(), ?::uuid, ?, 'Liège Admin', 'fr', password_hash FROM accounts.app_user"
                        + " WHERE email = 'admin@herald.test'")
                .params(zone, email)
                .update();
        jdbc.sql("INSERT INTO accounts.membership (id, user_id, organisation_id, role) SELECT gen_random_uuid(), id,"
                        + " ?::uuid, 'ADMIN' FROM accounts.app_user WHERE email = ?")
                .params(zone, email)
                .update();
        Cookie liege = SignIn.as(mvc, email);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> jdbc.sql("SELECT count(*) FROM audit.audit_entry WHERE actor_name = 'Liège Admin'")
                                .query(Long.class)
                                .single()
                        > 0);
        mvc.perform(get("/admin/audit").cookie(liege).header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Liège Admin")))
                .andExpect(content().string(not(containsString("Alex Admin"))))
                .andExpect(content().string(not(containsString("Mona Moderator"))));
    }

    private long count(String action, String subject) {
        return jdbc.sql("SELECT count(*) FROM audit.audit_entry WHERE action = ? AND subject_id = ?")
                .params(action, subject)
                .query(Long.class)
                .single();
    }

    private String organisation(String name) {
        return jdbc.sql("SELECT id::text FROM accounts.organisation WHERE ? IN (name_nl, name_fr, name_de)")
                .param(name)
                .query(String.class)
                .single();
    }
}
