package eu.herald.channels.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.herald.HeraldTest;
import eu.herald.SignIn;
import jakarta.servlet.http.Cookie;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The connect flow's routes in the running application: the redirect to X, the session's state, refusals. */
@HeraldTest
class OAuthConnectWebTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    private String ixelles() {
        return jdbc.sql("SELECT id::text FROM accounts.organisation WHERE 'fr' = ANY(official_languages)"
                        + " AND 'nl' = ANY(official_languages) AND kind = 'MUNICIPALITY' AND name_fr LIKE '%Ixelles%'")
                .query(String.class)
                .single();
    }

    @Test
    void aCommunicatorIsSentToXAndOnlyTheStateStartedInTheirSessionIsTakenBack() throws Exception {
        Cookie session = SignIn.as(mvc, "communicator@herald.test");

        String location = mvc.perform(get("/channels/oauth/x/start")
                        .param("organisationId", ixelles())
                        .param("name", "Elsene op X")
                        .cookie(session))
                .andExpect(status().isFound())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();

        assertThat(location).startsWith("https://x.com/i/oauth2/authorize?");
        Map<String, String> query = Arrays.stream(
                        URI.create(location).getRawQuery().split("&"))
                .map(p -> p.split("=", 2))
                .collect(Collectors.toMap(p -> p[0], p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
        assertThat(query)
                .containsEntry("client_id", "herald-test-x-client")
                .containsEntry("code_challenge_method", "S256")
                .containsEntry("redirect_uri", "http://localhost:8080/channels/oauth/x/callback");

        mvc.perform(get("/channels/oauth/x/callback")
                        .param("state", "not-the-state")
                        .param("code", "c")
                        .cookie(session))
                .andExpect(redirectedUrl("/channels"))
                .andExpect(flash().attribute("refusal", "channels.oauth.unknownState"));
        Cookie otherSession = SignIn.as(mvc, "communicator@herald.test");
        mvc.perform(get("/channels/oauth/x/callback")
                        .param("state", query.get("state"))
                        .param("code", "c")
                        .cookie(otherSession))
                .andExpect(flash().attribute("refusal", "channels.oauth.unknownState"));
        mvc.perform(get("/channels/oauth/x/callback")
                        .param("state", query.get("state"))
                        .param("error", "access_denied")
                        .cookie(session))
                .andExpect(redirectedUrl("/channels"))
                .andExpect(flash().attribute("refusal", "channels.oauth.denied"));
    }

    @Test
    void anOrganisationOutOfReachIsNotFoundAndAnUnconfiguredPlatformIsExplained() throws Exception {
        Cookie communicator = SignIn.as(mvc, "communicator@herald.test");
        String federal = jdbc.sql("SELECT id::text FROM accounts.organisation WHERE kind = 'FEDERAL'")
                .query(String.class)
                .single();
        mvc.perform(get("/channels/oauth/x/start")
                        .param("organisationId", federal)
                        .cookie(communicator))
                .andExpect(status().isNotFound());
        mvc.perform(get("/channels/oauth/youtube/start")
                        .param("organisationId", ixelles())
                        .cookie(communicator))
                .andExpect(redirectedUrl("/channels"))
                .andExpect(flash().attribute("refusal", "channels.oauth.notConfigured"));
        mvc.perform(get("/channels/oauth/x/start")
                        .param("organisationId", ixelles())
                        .cookie(SignIn.as(mvc, "moderator@herald.test")))
                .andExpect(status().isForbidden());
    }
}
