package eu.herald.accounts.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.herald.HeraldTest;
import eu.herald.TestEnvironment;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The accounts API: bearer tokens, /me, service-account tokens, Problem Details in the caller's language. */
@HeraldTest
class AccountsApiTests {

    static final String ADMIN = "Bearer " + TestEnvironment.DEMO_API_TOKEN;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void meTellsWhoTheTokenBelongsToWithMembershipsAndRoles() throws Exception {
        mvc.perform(get("/api/v1/me").header("Authorization", ADMIN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.email").value("admin@herald.test"))
                .andExpect(jsonPath("$.roles[0]").value("ADMIN"))
                .andExpect(jsonPath("$.memberships[0].role").value("ADMIN"))
                .andExpect(jsonPath("$.memberships[0].organisationId").isNotEmpty());
    }

    @Test
    void organisationsListsWhatTheCallerReaches() throws Exception {
        mvc.perform(get("/api/v1/organisations").header("Authorization", ADMIN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].kind", hasItem("FEDERAL")))
                .andExpect(jsonPath("$[*].names.fr", hasItem("Commune d'Ixelles")));
    }

    @Test
    void anUnknownTokenIsAProblemDetailInTheCallersLanguage() throws Exception {
        mvc.perform(get("/api/v1/me")
                        .header("Authorization", "Bearer hrld_not-a-real-token-at-all")
                        .header("Accept-Language", "de"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(jsonPath("$.title").value(org.hamcrest.Matchers.not("Not authenticated")))
                .andExpect(jsonPath("$.type").value("https://herald.eu/problems/unauthenticated"));
    }

    @Test
    void anAdminMintsATokenForAServiceAccountThatThenWorks() throws Exception {
        String id = serviceAccount();
        String body = mvc.perform(post("/api/v1/admin/users/" + id + "/tokens")
                        .header("Authorization", ADMIN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"newsletter export\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.token").value(org.hamcrest.Matchers.startsWith("hrld_")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String token = body.replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.displayName").value("Export robot"));
        assertThat(jdbc.sql("SELECT count(*) FROM accounts.api_token WHERE token_hash = ?")
                        .param(eu.herald.common.Secrets.hash(token))
                        .query(Long.class)
                        .single())
                .as("stored as a hash only")
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM accounts.api_token WHERE token_hash = ? OR hint = ?")
                        .params(token, token)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void mintingForAPersonIsRefusedWithAReason() throws Exception {
        String analyst = jdbc.sql("SELECT id::text FROM accounts.app_user WHERE email = 'analyst@herald.test'")
                .query(String.class)
                .single();
        mvc.perform(post("/api/v1/admin/users/" + analyst + "/tokens")
                        .header("Authorization", ADMIN)
                        .header("Accept-Language", "nl")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"not for people\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("token.error.notServiceAccount"))
                .andExpect(jsonPath("$.detail").isNotEmpty());
    }

    @Test
    void invalidInputGivesFieldErrorsAndMalformedJsonIsABadRequest() throws Exception {
        String id = serviceAccount();
        mvc.perform(post("/api/v1/admin/users/" + id + "/tokens")
                        .header("Authorization", ADMIN)
                        .header("Accept-Language", "fr")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"\", \"expiresAt\": \"2001-01-01T00:00:00Z\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(
                        jsonPath("$.errors[*].field", org.hamcrest.Matchers.containsInAnyOrder("name", "expiresAt")));
        mvc.perform(post("/api/v1/admin/users/" + id + "/tokens")
                        .header("Authorization", ADMIN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{not json"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://herald.eu/problems/unreadable"));
        assertThat(jdbc.sql("SELECT count(*) FROM accounts.api_token WHERE user_id = ?::uuid")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aRevokedTokenStopsWorkingAtOnce() throws Exception {
        String id = serviceAccount();
        String body = mvc.perform(post("/api/v1/admin/users/" + id + "/tokens")
                        .header("Authorization", ADMIN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"short-lived\"}"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String token = body.replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
        jdbc.sql("UPDATE accounts.api_token SET revoked_at = now() WHERE token_hash = ?")
                .param(eu.herald.common.Secrets.hash(token))
                .update();
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void theOpenApiDocumentDescribesTheApiAndItsTokenScheme() throws Exception {
        mvc.perform(get("/api/docs/openapi.json").header("Authorization", ADMIN))
                .andExpect(status().is3xxRedirection());
        String session = eu.herald.SignIn.as(mvc, "analyst@herald.test").getValue();
        mvc.perform(get("/api/docs/openapi.json").cookie(new jakarta.servlet.http.Cookie("HERALD_SESSION", session)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/me']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/admin/users/{id}/tokens'].post")
                        .exists())
                .andExpect(jsonPath("$.components.securitySchemes.token.scheme").value("bearer"));
    }

    @Test
    void answersCarrySecurityHeaders() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(header().string(
                                "Content-Security-Policy", org.hamcrest.Matchers.containsString("script-src 'self'")))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("X-Frame-Options", "DENY"));
    }

    private String serviceAccount() {
        String id = java.util.UUID.randomUUID().toString();
        jdbc.sql("INSERT INTO accounts.app_user (id, home_organisation, email, display_name, language, service_account)"
                        + " SELECT ?::uuid, id, ?, 'Export robot', 'en', TRUE FROM accounts.organisation"
                        + " WHERE kind = 'FEDERAL'")
                .params(id, "robot-" + id + "@herald.test")
                .update();
        return id;
    }
}
