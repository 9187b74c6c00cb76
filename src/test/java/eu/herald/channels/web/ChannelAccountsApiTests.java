package eu.herald.channels.web;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import eu.herald.HeraldTest;
import eu.herald.TestTokens;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The channel-accounts API against a WireMock Mastodon (https://docs.joinmastodon.org/methods/accounts/#verify_credentials):
 * accounts are checked before they are saved, credentials are sealed and never returned, and every error is a
 * Problem.
 */
@HeraldTest
class ChannelAccountsApiTests {

    @RegisterExtension
    static WireMockExtension mastodon = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    static String communicator;
    static String moderator;
    static UUID ixelles;
    static UUID federal;

    @BeforeAll
    static void tokens(@Autowired JdbcClient jdbc) {
        communicator = TestTokens.of(jdbc, "communicator@herald.test");
        moderator = TestTokens.of(jdbc, "moderator@herald.test");
        ixelles = jdbc.sql("SELECT id FROM accounts.organisation WHERE name_fr = 'Commune d''Ixelles'")
                .query(UUID.class)
                .single();
        federal = jdbc.sql("SELECT id FROM accounts.organisation WHERE kind = 'FEDERAL'")
                .query(UUID.class)
                .single();
    }

    static String base() {
        return "http://127.0.0.1:" + mastodon.getPort();
    }

    String connect(String token, UUID organisation, String name, String settings) throws Exception {
        return """
                {"type": "mastodon", "name": "%s", "organisationId": "%s", "settings": %s}
                """.formatted(name, organisation, settings);
    }

    @Test
    void aCommunicatorConnectsAMastodonAccountCheckedFirstAndSealed() throws Exception {
        mastodon.stubFor(get("/api/v1/accounts/verify_credentials")
                .willReturn(okJson("{\"id\": \"7\", \"acct\": \"elsene\", \"url\": \"https://social.example/@elsene\"}")
                        .withHeader("X-RateLimit-Remaining", "299")));
        String name = "Mastodon " + UUID.randomUUID();

        MvcResult result = mvc.perform(post("/api/v1/channel-accounts")
                        .header("Authorization", "Bearer " + communicator)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(connect(
                                communicator,
                                ixelles,
                                name,
                                "{\"baseUrl\": \"" + base() + "\", \"accessToken\": \"tok-SEALED-123\"}")))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", org.hamcrest.Matchers.startsWith("/api/v1/channel-accounts/")))
                .andExpect(jsonPath("$.type").value("MASTODON"))
                .andExpect(jsonPath("$.status").value("ACTIVE"))
                .andExpect(jsonPath("$.handle").value("@elsene@127.0.0.1"))
                .andExpect(jsonPath("$.settings.baseUrl").value(base()))
                .andExpect(jsonPath("$.secretsStored[0]").value("accessToken"))
                .andExpect(jsonPath("$.health.rateLimitRemaining").value(299))
                .andReturn();
        String body = result.getResponse().getContentAsString();
        assertThat(body).doesNotContain("tok-SEALED-123");
        mastodon.verify(getRequestedFor(urlEqualTo("/api/v1/accounts/verify_credentials"))
                .withHeader("Authorization", equalTo("Bearer tok-SEALED-123")));

        String location = result.getResponse().getHeader("Location");
        UUID id = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
        byte[] stored = jdbc.sql("SELECT secrets FROM channels.account WHERE id = ?")
                .param(id)
                .query(byte[].class)
                .single();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("tok-SEALED-123");
        String everything = jdbc.sql("SELECT row_to_json(a)::text FROM channels.account a WHERE id = ?")
                .param(id)
                .query(String.class)
                .single();
        assertThat(everything).doesNotContain("tok-SEALED-123");
        String audit = jdbc.sql("SELECT string_agg(before::text || after::text, ' ') FROM audit.audit_entry"
                        + " WHERE subject_id = ?")
                .param(id.toString())
                .query(String.class)
                .optional()
                .orElse("");
        assertThat(audit).doesNotContain("tok-SEALED-123");

        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(location)
                        .header("Authorization", "Bearer " + moderator))
                .andExpect(status().isNotFound());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(location)
                        .header("Authorization", "Bearer " + communicator))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value(name));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                                "/api/v1/channel-accounts?organisationId=" + ixelles)
                        .header("Authorization", "Bearer " + communicator))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.name == '" + name + "')]").exists());
    }

    @Test
    void aRefusedCheckIs422WithThePlatformsExplanationAndSavesNothing() throws Exception {
        mastodon.stubFor(get("/api/v1/accounts/verify_credentials")
                .withHeader("Authorization", equalTo("Bearer wrong-token"))
                .willReturn(aResponse()
                        .withStatus(401)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\": \"The access token is invalid\"}")));
        String name = "Refused " + UUID.randomUUID();

        mvc.perform(post("/api/v1/channel-accounts")
                        .header("Authorization", "Bearer " + communicator)
                        .header("Accept-Language", "fr")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(connect(
                                communicator,
                                ixelles,
                                name,
                                "{\"baseUrl\": \"" + base() + "\", \"accessToken\": \"wrong-token\"}")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("channels.check.failed"))
                .andExpect(jsonPath("$.explanation")
                        .value(org.hamcrest.Matchers.containsString("The access token is invalid")))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("La plateforme")));

        assertThat(jdbc.sql("SELECT count(*) FROM channels.account WHERE name = ?")
                        .param(name)
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void everyErrorIsAProblem() throws Exception {
        mvc.perform(post("/api/v1/channel-accounts")
                        .header("Authorization", "Bearer " + communicator)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\": \"myspace\", \"name\": \"x\", \"organisationId\": \"" + ixelles
                                + "\", \"settings\": {}}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("channels.type.unknown"));
        mvc.perform(post("/api/v1/channel-accounts")
                        .header("Authorization", "Bearer " + communicator)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(connect(communicator, ixelles, "No token", "{\"baseUrl\": \"" + base() + "\"}")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("channels.setting.missing"))
                .andExpect(jsonPath("$.detail").value("Fill in Access token."));
        mvc.perform(post("/api/v1/channel-accounts")
                        .header("Authorization", "Bearer " + communicator)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(connect(
                                communicator,
                                ixelles,
                                "Bad url",
                                "{\"baseUrl\": \"ftp://x\", \"accessToken\": \"t\"}")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("channels.invalid.url"));
        mvc.perform(post("/api/v1/channel-accounts")
                        .header("Authorization", "Bearer " + communicator)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(connect(
                                communicator,
                                federal,
                                "Out of reach",
                                "{\"baseUrl\": \"" + base() + "\", \"accessToken\": \"t\"}")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("https://herald.eu/problems/notFound"));
        mvc.perform(post("/api/v1/channel-accounts")
                        .header("Authorization", "Bearer " + communicator)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\": \"MASTODON\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors").isArray());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                                "/api/v1/channel-accounts/" + UUID.randomUUID())
                        .header("Authorization", "Bearer " + communicator))
                .andExpect(status().isNotFound());
    }
}
