package eu.herald.channels.oauth;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
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

    /**
     * The whole flow against a fake of X (token endpoint and {@code GET /2/users/me}, built from
     * https://docs.x.com/fundamentals/authentication/oauth-2-0/user-access-token and
     * https://docs.x.com/x-api/users/user-lookup-me): the account is stored encrypted with X's handle, and signing in
     * again from the reconnect page replaces its tokens.
     */
    @Test
    void aCommunicatorConnectsAnXAccountBySigningInAndReconnectsItTheSameWay() throws Exception {
        WireMockServer x =
                new WireMockServer(options().bindAddress("127.0.0.1").port(eu.herald.TestEnvironment.X_FAKE_PORT));
        x.start();
        try {
            x.stubFor(WireMock.post(urlEqualTo("/2/oauth2/token"))
                    .withRequestBody(containing("grant_type=authorization_code"))
                    .withRequestBody(containing("code=first-code"))
                    .withRequestBody(containing("client_id=herald-test-x-client"))
                    .willReturn(okJson("{\"token_type\":\"bearer\",\"expires_in\":7200,\"access_token\":"
                            + "\"x-access-e2e\",\"scope\":\"tweet.write offline.access\",\"refresh_token\":"
                            + "\"x-refresh-e2e\"}")));
            x.stubFor(WireMock.post(urlEqualTo("/2/oauth2/token"))
                    .withRequestBody(containing("code=second-code"))
                    .willReturn(okJson("{\"token_type\":\"bearer\",\"expires_in\":7200,\"access_token\":"
                            + "\"x-access-again\",\"refresh_token\":\"x-refresh-again\"}")));
            x.stubFor(WireMock.get(urlPathEqualTo("/2/users/me"))
                    .willReturn(okJson("{\"data\":{\"id\":\"99\",\"name\":\"Politie Elsene\","
                            + "\"username\":\"elsene_politie\"}}")));
            Cookie session = SignIn.as(mvc, "communicator@herald.test");
            String name =
                    "Elsene op X " + java.util.UUID.randomUUID().toString().substring(0, 8);

            String first = state(mvc.perform(get("/channels/oauth/x/start")
                            .param("organisationId", ixelles())
                            .param("name", name)
                            .cookie(session))
                    .andReturn()
                    .getResponse()
                    .getRedirectedUrl());
            String accountPage = mvc.perform(get("/channels/oauth/x/callback")
                            .param("state", first)
                            .param("code", "first-code")
                            .cookie(session))
                    .andExpect(flash().attribute("saved", "channels.oauth.connected"))
                    .andReturn()
                    .getResponse()
                    .getRedirectedUrl();

            String id = accountPage.substring("/channels/".length());
            var row = jdbc.sql("SELECT type, handle, secrets FROM channels.account WHERE id = ?::uuid")
                    .param(id)
                    .query((rs, n) -> new Object[] {rs.getString(1), rs.getString(2), rs.getBytes(3)})
                    .single();
            assertThat(row[0]).isEqualTo("X");
            assertThat(row[1]).isEqualTo("@elsene_politie");
            assertThat(new String((byte[]) row[2], StandardCharsets.ISO_8859_1)).doesNotContain("x-access-e2e");
            x.verify(WireMock.getRequestedFor(urlPathEqualTo("/2/users/me"))
                    .withHeader("Authorization", WireMock.equalTo("Bearer x-access-e2e")));

            String reconnectPage = mvc.perform(get(accountPage + "/reconnect").cookie(session))
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(reconnectPage).contains("/channels/oauth/x/start?accountId=" + id);
            String second = state(mvc.perform(get("/channels/oauth/x/start")
                            .param("accountId", id)
                            .cookie(session))
                    .andReturn()
                    .getResponse()
                    .getRedirectedUrl());
            mvc.perform(get("/channels/oauth/x/callback")
                            .param("state", second)
                            .param("code", "second-code")
                            .cookie(session))
                    .andExpect(redirectedUrl(accountPage));
            x.verify(WireMock.getRequestedFor(urlPathEqualTo("/2/users/me"))
                    .withHeader("Authorization", WireMock.equalTo("Bearer x-access-again")));
            assertThat(jdbc.sql("SELECT count(*) FROM channels.account WHERE name = ?")
                            .param(name)
                            .query(Long.class)
                            .single())
                    .isEqualTo(1);
        } finally {
            x.stop();
        }
    }

    private static String state(String authorizeUrl) {
        return Arrays.stream(URI.create(authorizeUrl).getRawQuery().split("&"))
                .map(p -> p.split("=", 2))
                .filter(p -> p[0].equals("state"))
                .map(p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void theConnectPageOffersTheSignInForXButNotForMastodon() throws Exception {
        Cookie session = SignIn.as(mvc, "communicator@herald.test");
        String x = mvc.perform(get("/channels/new")
                        .param("organisation", ixelles())
                        .param("type", "X")
                        .cookie(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String mastodon = mvc.perform(get("/channels/new")
                        .param("organisation", ixelles())
                        .param("type", "MASTODON")
                        .cookie(session))
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(x).contains("/channels/oauth/x/start?organisationId=" + ixelles());
        assertThat(mastodon).doesNotContain("/channels/oauth/");
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
