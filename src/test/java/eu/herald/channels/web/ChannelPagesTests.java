package eu.herald.channels.web;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import eu.herald.HeraldTest;
import eu.herald.SignIn;
import eu.herald.channels.ChannelTestSupport;
import jakarta.servlet.http.Cookie;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The channel pages: a communicator connects a Mastodon account (checked first against a WireMock Mastodon,
 * https://docs.joinmastodon.org/methods/accounts/#verify_credentials), sees its health, never sees its token again,
 * reconnects and disables it; a refused check shows Mastodon's explanation and saves nothing; errors in the user's
 * language; moderators read only.
 */
@HeraldTest
class ChannelPagesTests {

    @RegisterExtension
    static WireMockExtension mastodon = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    static Cookie communicator;
    static Cookie moderator;
    static UUID ixelles;

    @BeforeAll
    static void signIn(@Autowired MockMvc mvc, @Autowired JdbcClient jdbc) throws Exception {
        communicator = SignIn.as(mvc, "communicator@herald.test");
        moderator = SignIn.as(mvc, "moderator@herald.test");
        ixelles = ChannelTestSupport.ixelles(jdbc).value();
    }

    MockHttpServletResponse page(String path, Cookie who) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.get(path).cookie(who))
                .andReturn()
                .getResponse();
    }

    String base() {
        return "http://127.0.0.1:" + mastodon.getPort();
    }

    @Test
    void aCommunicatorConnectsChecksReconnectsAndDisablesAMastodonAccount() throws Exception {
        mastodon.stubFor(get("/api/v1/accounts/verify_credentials")
                .willReturn(
                        okJson("{\"id\": \"7\", \"acct\": \"elsene\", \"url\": \"https://social.example/@elsene\"}")));
        assertThat(page("/channels/new?organisation=" + ixelles, communicator).getContentAsString())
                .contains("type-MASTODON", "type-WEBHOOK", "type-PRESS", "type-FEED");
        String form = page("/channels/new?organisation=" + ixelles + "&type=MASTODON", communicator)
                .getContentAsString();
        assertThat(form).contains("settings[baseUrl]", "settings[accessToken]", "type=\"password\"");
        String name = "Pages " + UUID.randomUUID();

        MockHttpServletResponse connected = mvc.perform(post("/channels")
                        .cookie(communicator)
                        .with(csrf())
                        .param("organisationId", ixelles.toString())
                        .param("type", "MASTODON")
                        .param("name", name)
                        .param("settings[baseUrl]", base())
                        .param("settings[accessToken]", "page-token-XYZ"))
                .andReturn()
                .getResponse();
        assertThat(connected.getStatus()).isEqualTo(302);
        String location = connected.getRedirectedUrl();
        assertThat(location).matches("/channels/[0-9a-f-]{36}");

        String detail = page(location, communicator).getContentAsString();
        assertThat(detail).contains(name, "@elsene@127.0.0.1", "Active", "stored, encrypted", base());
        assertThat(detail).doesNotContain("page-token-XYZ");
        assertThat(page("/channels?organisation=" + ixelles, communicator).getContentAsString())
                .contains(name, "govuk-tag--green");

        String reconnect = page(location + "/reconnect", communicator).getContentAsString();
        assertThat(reconnect).contains("stored — enter a new value to replace").doesNotContain("page-token-XYZ");
        String version = jdbc.sql("SELECT version::text FROM channels.account WHERE name = ?")
                .param(name)
                .query(String.class)
                .single();
        assertThat(mvc.perform(post(location + "/reconnect")
                                .cookie(communicator)
                                .with(csrf())
                                .param("version", version)
                                .param("name", name + " renamed")
                                .param("settings[baseUrl]", base())
                                .param("settings[accessToken]", ""))
                        .andReturn()
                        .getResponse()
                        .getRedirectedUrl())
                .isEqualTo(location);
        mastodon.verify(
                2,
                com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                                com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo(
                                        "/api/v1/accounts/verify_credentials"))
                        .withHeader("Authorization", equalTo("Bearer page-token-XYZ")));

        assertThat(mvc.perform(post(location + "/check").cookie(communicator).with(csrf()))
                        .andReturn()
                        .getResponse()
                        .getRedirectedUrl())
                .isEqualTo(location);

        String newVersion = jdbc.sql("SELECT version::text FROM channels.account WHERE name = ?")
                .param(name + " renamed")
                .query(String.class)
                .single();
        mvc.perform(
                post(location + "/disable").cookie(communicator).with(csrf()).param("version", newVersion));
        assertThat(page(location, communicator).getContentAsString()).contains("Disabled", "govuk-tag--grey");
        assertThat(page(location, moderator).getStatus()).isEqualTo(404);
    }

    @Test
    void aRefusedCheckShowsThePlatformsExplanationAndSavesNothing() throws Exception {
        mastodon.stubFor(get("/api/v1/accounts/verify_credentials")
                .withHeader("Authorization", equalTo("Bearer revoked"))
                .willReturn(aResponse()
                        .withStatus(401)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\": \"The access token is invalid\"}")));
        String name = "Refused page " + UUID.randomUUID();

        MockHttpServletResponse response = mvc.perform(post("/channels")
                        .cookie(communicator)
                        .with(csrf())
                        .header("Accept-Language", "nl")
                        .param("organisationId", ixelles.toString())
                        .param("type", "MASTODON")
                        .param("name", name)
                        .param("settings[baseUrl]", base())
                        .param("settings[accessToken]", "revoked"))
                .andReturn()
                .getResponse();

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsString())
                .contains("govuk-error-summary", "The access token is invalid")
                .doesNotContain("value=\"revoked\"");
        assertThat(jdbc.sql("SELECT count(*) FROM channels.account WHERE name = ?")
                        .param(name)
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void aMissingSettingIsShownAtItsFieldInTheUsersLanguage() throws Exception {
        Cookie french = SignIn.as(mvc, "communicator@herald.test");
        MockHttpServletResponse response = mvc.perform(post("/channels")
                        .cookie(french)
                        .with(csrf())
                        .header("Accept-Language", "fr")
                        .param("organisationId", ixelles.toString())
                        .param("type", "WEBHOOK")
                        .param("name", "Webhook " + UUID.randomUUID())
                        .param("settings[url]", "https://www.ixelles.example/herald")
                        .param("settings[signingSecret]", ""))
                .andReturn()
                .getResponse();

        assertThat(response.getContentAsString())
                .contains(
                        "Remplissez Secret de signature.",
                        "id=\"error-signingSecret\"",
                        "href=\"#settings[signingSecret]\"");
    }

    @Test
    void moderatorsAndAnalystsReadWithoutTheConnectButton() throws Exception {
        Cookie analyst = SignIn.as(mvc, "analyst@herald.test");
        MockHttpServletResponse list = page("/channels?organisation=" + ixelles, analyst);
        assertThat(list.getStatus()).isEqualTo(200);
        assertThat(list.getContentAsString())
                .contains("administrators and communicators manage them")
                .doesNotContain("/channels/new");
        assertThat(page("/channels/new", analyst).getStatus()).isEqualTo(403);
        assertThat(page("/channels", moderator).getStatus()).isEqualTo(200);
        assertThat(page("/channels?organisation=" + ixelles, moderator).getStatus())
                .isEqualTo(404);
    }
}
