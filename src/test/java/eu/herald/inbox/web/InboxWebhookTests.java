package eu.herald.inbox.web;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import eu.herald.HeraldTest;
import eu.herald.SignIn;
import eu.herald.TestEnvironment;
import eu.herald.common.Secrets;
import eu.herald.inbox.domain.Signatures;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The pushed sources on the real application and database: Herald's signed generic webhook and Facebook Page
 * webhooks. Facebook's handshake ({@code hub.mode}, {@code hub.verify_token}, {@code hub.challenge}), its payload of
 * {@code feed} changes and its {@code X-Hub-Signature-256} follow
 * https://developers.facebook.com/docs/graph-api/webhooks/getting-started and
 * https://developers.facebook.com/docs/graph-api/webhooks/reference/page/#feed . The dispatch room is a WireMock fake
 * on 127.0.0.1 that checks the signature Herald puts on an emergency.
 */
@HeraldTest
class InboxWebhookTests {

    static WireMockServer dispatch;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Secrets secrets;

    @BeforeAll
    static void startDispatchRoom() {
        dispatch = new WireMockServer(
                WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        dispatch.start();
        dispatch.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlEqualTo("/dispatch"))
                .willReturn(aResponse().withStatus(204)));
    }

    @AfterAll
    static void stopDispatchRoom() {
        dispatch.stop();
    }

    UUID zone(String nameLike) {
        return jdbc.sql(
                        "SELECT id FROM accounts.organisation WHERE kind = 'POLICE_ZONE' AND concat(name_nl, name_fr, name_de, name_en) ILIKE ?"
                                + " ORDER BY id LIMIT 1")
                .param("%" + nameLike + "%")
                .query(UUID.class)
                .single();
    }

    String secret(UUID organisation) {
        jdbc.sql("INSERT INTO inbox.organisation_settings (organisation_id, webhook_secret) VALUES (?, ?)"
                        + " ON CONFLICT DO NOTHING")
                .params(organisation, "test-secret-" + UUID.randomUUID())
                .update();
        // a plain secret is sealed by Herald as soon as it reads the row: open the sealed one then
        return jdbc.sql("SELECT webhook_secret, webhook_secret_sealed FROM inbox.organisation_settings"
                        + " WHERE organisation_id = ?")
                .param(organisation)
                .query((rs, n) -> rs.getString(1) != null
                        ? rs.getString(1)
                        : new String(
                                secrets.open(rs.getBytes(2), "inbox.webhook:" + organisation), StandardCharsets.UTF_8))
                .single();
    }

    private org.springframework.test.web.servlet.ResultActions generic(UUID org, String secret, String body, long ts)
            throws Exception {
        String timestamp = Long.toString(ts);
        return mvc.perform(post("/api/v1/inbox/webhooks/organisations/" + org)
                .contentType(MediaType.APPLICATION_JSON)
                .header("X-Herald-Timestamp", timestamp)
                .header(
                        "X-Herald-Signature",
                        Signatures.sign(
                                secret, Signatures.genericPayload(timestamp, body.getBytes(StandardCharsets.UTF_8))))
                .content(body));
    }

    @Test
    void aSignedEventIsStoredTriagedOnceAndForgedOnesAreRefused() throws Exception {
        UUID org = zone("Gent");
        String secret = secret(org);
        String id = "evt-" + UUID.randomUUID();
        String body = "{\"id\":\"" + id + "\",\"author\":\"jan\",\"text\":\"Wanneer is het politiekantoor open?\"}";
        long now = Instant.now().getEpochSecond();

        generic(org, secret, body, now)
                .andExpect(status().isOk())
                .andExpect(content().json("{\"stored\":1,\"duplicates\":0}"));
        generic(org, secret, body, now)
                .andExpect(status().isOk())
                .andExpect(content().json("{\"stored\":0,\"duplicates\":1}"));
        generic(org, "not-the-secret", body.replace(id, id + "-x"), now).andExpect(status().isForbidden());
        generic(org, secret, body.replace(id, id + "-y"), now - 3600).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/inbox/webhooks/organisations/" + org)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body.replace(id, id + "-z")))
                .andExpect(status().isUnauthorized());

        List<String> stored = jdbc.sql("SELECT platform_id FROM inbox.item WHERE source = ? AND platform_id LIKE ?")
                .params("webhook:" + org, id + "%")
                .query(String.class)
                .list();
        assertThat(stored).containsExactly(id);
        var triaged = jdbc.sql(
                        "SELECT category, confidence, model_version, language FROM inbox.item WHERE platform_id = ?")
                .param(id)
                .query((rs, n) -> List.of(rs.getString(1), rs.getDouble(2), rs.getInt(3), rs.getString(4)))
                .single();
        assertThat((Integer) triaged.get(2)).isPositive();
        assertThat(triaged.get(3)).isEqualTo("nl");
    }

    @Test
    void facebooksHandshakeAnswersTheChallengeOnlyWithTheVerifyToken() throws Exception {
        mvc.perform(get("/api/v1/inbox/webhooks/facebook")
                        .param("hub.mode", "subscribe")
                        .param("hub.verify_token", TestEnvironment.FACEBOOK_VERIFY_TOKEN)
                        .param("hub.challenge", "1158201444"))
                .andExpect(status().isOk())
                .andExpect(content().string("1158201444"));
        mvc.perform(get("/api/v1/inbox/webhooks/facebook")
                        .param("hub.mode", "subscribe")
                        .param("hub.verify_token", "guess")
                        .param("hub.challenge", "1158201444"))
                .andExpect(status().isForbidden());
    }

    @Test
    void aSignedFacebookCommentIsStoredWithItsThreadAndUnsignedOrForgedOnesAreRefused() throws Exception {
        UUID org = zone("Liège");
        String page = "page-" + UUID.randomUUID().toString().substring(0, 8);
        secret(org);
        jdbc.sql("UPDATE inbox.organisation_settings SET facebook_page_id = ? WHERE organisation_id = ?")
                .params(page, org)
                .update();
        String comment = page + "_comment_" + UUID.randomUUID().toString().substring(0, 8);
        String body = """
                {"object":"page","entry":[{"id":"%s","time":1764380000,"changes":[{"field":"feed","value":{
                  "from":{"id":"9876","name":"Marie Dupont"},"item":"comment","comment_id":"%s",
                  "post_id":"%s_post_1","parent_id":"%s_post_1","verb":"add","created_time":1764380000,
                  "message":"Merci pour les conseils contre les cambriolages !"}}]}]}""".formatted(page, comment, page, page);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);

        mvc.perform(post("/api/v1/inbox/webhooks/facebook")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(bytes))
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/inbox/webhooks/facebook")
                        .contentType(MediaType.APPLICATION_JSON)
                        .header("X-Hub-Signature-256", Signatures.sign("wrong-secret", bytes))
                        .content(bytes))
                .andExpect(status().isForbidden());
        assertThat(count(comment)).isZero();

        mvc.perform(post("/api/v1/inbox/webhooks/facebook")
                        .contentType(MediaType.APPLICATION_JSON)
                        .header("X-Hub-Signature-256", Signatures.sign(TestEnvironment.FACEBOOK_APP_SECRET, bytes))
                        .content(bytes))
                .andExpect(status().isOk());
        var row = jdbc.sql("SELECT kind, in_reply_to, author_handle, channel, language FROM inbox.item"
                        + " WHERE source = ? AND platform_id = ?")
                .params("facebook:" + page, comment)
                .query((rs, n) ->
                        List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)))
                .single();
        assertThat(row).containsExactly("COMMENT", page + "_post_1", "Marie Dupont", "FACEBOOK", "fr");
    }

    @Test
    void anEmergencyLineIsRefusedAsTheNumberForWhatIsNotUrgent() throws Exception {
        UUID org = zone("Gent");
        String before = jdbc.sql("SELECT coalesce(non_urgent_number, '-') FROM inbox.organisation_settings"
                        + " WHERE organisation_id = ?")
                .param(org)
                .query(String.class)
                .optional()
                .orElse("-");
        for (String emergencyLine : List.of("101", "1 0 1", "112", "100")) {
            mvc.perform(post("/inbox/settings")
                            .with(csrf())
                            .cookie(SignIn.as(mvc, "moderator@herald.test"))
                            .param("organisation", org.toString())
                            .param("emergencyNumber", "112")
                            .param("nonUrgentNumber", emergencyLine))
                    .andExpect(status().is3xxRedirection())
                    .andExpect(flash().attribute("refusal", "inbox.settings.nonUrgentIsEmergency"));
        }
        assertThat(jdbc.sql("SELECT coalesce(non_urgent_number, '-') FROM inbox.organisation_settings"
                                + " WHERE organisation_id = ?")
                        .param(org)
                        .query(String.class)
                        .optional()
                        .orElse("-"))
                .isEqualTo(before);
    }

    @Test
    void anEmergencyAlertsTheModeratorsAndTheDispatchRoomWithASignedBody() throws Exception {
        UUID org = zone("Gent");
        String secret = secret(org);
        // the zone's moderator configures the dispatch room on the settings page
        mvc.perform(post("/inbox/settings")
                        .with(csrf())
                        .cookie(SignIn.as(mvc, "moderator@herald.test"))
                        .param("organisation", org.toString())
                        .param("emergencyNumber", "112")
                        .param("nonUrgentNumber", "09 266 61 11")
                        .param("dispatchUrl", dispatch.baseUrl() + "/dispatch")
                        .param("dispatchSecret", "dispatch-secret"))
                .andExpect(status().is3xxRedirection());
        String id = "evt-" + UUID.randomUUID();
        String body = "{\"id\":\"" + id + "\",\"author\":\"piet\",\"text\":\"HELP er wordt nu ingebroken bij de buren,"
                + " ik hoor glas breken! Kom snel!!\"}";
        generic(org, secret, body, Instant.now().getEpochSecond()).andExpect(status().isOk());

        assertThat(jdbc.sql("SELECT category FROM inbox.item WHERE platform_id = ?")
                        .param(id)
                        .query(String.class)
                        .single())
                .isEqualTo("EMERGENCY");
        await().atMost(Duration.ofSeconds(15))
                .until(() -> jdbc.sql("SELECT alerted_at IS NOT NULL AND auto_replied_at IS NOT NULL FROM inbox.item"
                                + " WHERE platform_id = ?")
                        .param(id)
                        .query(Boolean.class)
                        .single());
        UUID item = jdbc.sql("SELECT id FROM inbox.item WHERE platform_id = ?")
                .param(id)
                .query(UUID.class)
                .single();
        assertThat(jdbc.sql(
                                "SELECT count(*) FROM notifications.notice n JOIN accounts.app_user u ON u.id = n.recipient_id"
                                        + " WHERE n.message_key = 'inbox.notice.emergency' AND n.link = ? AND u.email = ?")
                        .params("/inbox/items/" + item, "moderator@herald.test")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        // no channel account: the automatic answer could not go out, and says so
        assertThat(jdbc.sql("SELECT outcome FROM inbox.reply WHERE item_id = ? AND automatic")
                        .param(item)
                        .query(String.class)
                        .single())
                .isEqualTo("NOT_POSSIBLE");
        List<LoggedRequest> calls = dispatch.findAll(postRequestedFor(urlEqualTo("/dispatch"))
                .withHeader("X-Herald-Timestamp", matching("\\d+"))
                .withHeader("Content-Type", equalTo("application/json")));
        LoggedRequest call = calls.stream()
                .filter(c -> c.getBodyAsString().contains(item.toString()))
                .findFirst()
                .orElseThrow();
        assertThat(call.getHeader("X-Herald-Signature"))
                .isEqualTo(Signatures.sign(
                        "dispatch-secret",
                        Signatures.genericPayload(call.getHeader("X-Herald-Timestamp"), call.getBody())));
        assertThat(call.getBodyAsString())
                .contains("\"category\":\"EMERGENCY\"")
                .contains("glas breken");
    }

    private long count(String platformId) {
        return jdbc.sql("SELECT count(*) FROM inbox.item WHERE platform_id = ?")
                .param(platformId)
                .query(Long.class)
                .single();
    }
}
