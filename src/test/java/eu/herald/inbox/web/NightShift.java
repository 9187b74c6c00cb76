package eu.herald.inbox.web;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import eu.herald.SignIn;
import eu.herald.TestEnvironment;
import eu.herald.inbox.domain.Polling;
import eu.herald.inbox.domain.Signatures;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Last night, for the done-means tests: a question and an emergency mentioning the Ghent zone's Mastodon account
 * (notifications, https://docs.joinmastodon.org/methods/notifications/), and an abusive comment on its Facebook Page
 * pushed by a signed webhook (https://developers.facebook.com/docs/graph-api/webhooks/getting-started); the fakes
 * answer replies (https://docs.joinmastodon.org/methods/statuses/#create) and hiding
 * (https://developers.facebook.com/docs/graph-api/reference/comment/#updating).
 */
public final class NightShift {

    private NightShift() {}

    public static final String QUESTION =
            "Waar kan ik aangifte doen van een gestolen fiets? Moet ik naar het kantoor komen?";
    public static final String EMERGENCY =
            "HELP!! Er wordt nu ingebroken bij mijn buren, ik hoor glas breken, kom snel!!";
    public static final String ABUSE = "Vuile smerige flikken, jullie zijn allemaal waardeloze idioten, rot op!!";

    /**
     * Sets the Mastodon and Facebook fakes up for the Ghent police zone, connects both accounts, names the Page in the
     * zone's inbox settings, polls Mastodon once and pushes the Facebook comment; returns the zone.
     */
    public static UUID run(
            MockMvc mvc,
            JdbcClient jdbc,
            Polling polling,
            WireMockServer mastodon,
            WireMockServer facebook,
            String marker)
            throws Exception {
        UUID zone = jdbc.sql("SELECT id FROM accounts.organisation WHERE kind = 'POLICE_ZONE'"
                        + " AND concat(name_nl, name_fr, name_de, name_en) ILIKE '%Gent%' LIMIT 1")
                .query(UUID.class)
                .single();
        String path = "/" + marker;
        mastodon.stubFor(get(urlEqualTo(path + "/api/v1/accounts/verify_credentials"))
                .willReturn(okJson("{\"id\": \"1\", \"username\": \"politiegent\", \"acct\": \"politiegent\","
                                + " \"url\": \"https://social.example/@politiegent\"}")
                        .withHeader("X-RateLimit-Remaining", "299")));
        mastodon.stubFor(get(urlPathEqualTo(path + "/api/v1/notifications"))
                .willReturn(okJson("""
                [{"id": "903", "type": "mention", "created_at": "2026-11-29T02:10:00.000Z", "account": {"acct": "an@other.example"},
                  "status": {"id": "%1$s-3", "in_reply_to_id": "109372843234", "visibility": "public", "created_at": "2026-11-29T02:10:00.000Z",
                             "url": "https://other.example/@an/3", "content": "<p>%2$s</p>", "account": {"acct": "an@other.example"}}},
                 {"id": "902", "type": "mention", "created_at": "2026-11-29T01:40:00.000Z", "account": {"acct": "piet"},
                  "status": {"id": "%1$s-2", "in_reply_to_id": "109372843234", "visibility": "public", "created_at": "2026-11-29T01:40:00.000Z",
                             "url": "https://social.example/@piet/2", "content": "<p>%3$s</p>", "account": {"acct": "piet"}}}]
                """.formatted(marker, QUESTION, EMERGENCY))));
        mastodon.stubFor(WireMock.post(urlEqualTo(path + "/api/v1/statuses"))
                .willReturn(okJson("{\"id\": \"" + marker + "-reply\", \"created_at\": \"2026-11-29T02:11:00.000Z\","
                        + " \"url\": \"https://social.example/@politiegent/" + marker
                        + "\", \"content\": \"<p>ok</p>\","
                        + " \"account\": {\"acct\": \"politiegent\"}}")));
        String page = "page" + marker;
        facebook.stubFor(get(urlPathEqualTo("/v21.0/" + page))
                .willReturn(okJson("{\"id\": \"" + page
                        + "\", \"name\": \"Politie Gent\", \"link\": \"https://www.facebook.com/" + page + "\"}")));
        facebook.stubFor(WireMock.post(urlEqualTo("/v21.0/" + page + "_c1")).willReturn(okJson("{\"success\": true}")));

        String token = "Bearer " + TestEnvironment.DEMO_API_TOKEN;
        mvc.perform(post("/api/v1/channel-accounts")
                        .header("Authorization", token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"type": "MASTODON", "name": "Mastodon %s", "organisationId": "%s",
                                 "settings": {"baseUrl": "%s", "accessToken": "mastodon-token"}}""".formatted(marker, zone, mastodon.baseUrl() + path)))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/v1/channel-accounts")
                        .header("Authorization", token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"type": "FACEBOOK", "name": "Facebook %s", "organisationId": "%s",
                                 "settings": {"pageId": "%s", "pageAccessToken": "facebook-token"}}""".formatted(marker, zone, page)))
                .andExpect(status().isCreated());
        Cookie moderator = SignIn.as(mvc, "moderator@herald.test");
        mvc.perform(post("/inbox/settings")
                        .with(csrf())
                        .cookie(moderator)
                        .param("organisation", zone.toString())
                        .param("emergencyNumber", "112")
                        .param("nonUrgentNumber", "09 266 61 11")
                        .param("facebookPage", page))
                .andExpect(status().is3xxRedirection());

        // the night: Mastodon mentions are polled, a Facebook comment is pushed
        polling.pollAll();
        String comment = """
                {"object":"page","entry":[{"id":"%1$s","time":1764378000,"changes":[{"field":"feed","value":{
                  "from":{"id":"555","name":"Troll"},"item":"comment","comment_id":"%1$s_c1","post_id":"%1$s_p1",
                  "parent_id":"%1$s_p1","verb":"add","created_time":1764378000,"message":"%2$s"}}]}]}""".formatted(page, ABUSE);
        byte[] bytes = comment.getBytes(StandardCharsets.UTF_8);
        mvc.perform(post("/api/v1/inbox/webhooks/facebook")
                        .contentType(MediaType.APPLICATION_JSON)
                        .header("X-Hub-Signature-256", Signatures.sign(TestEnvironment.FACEBOOK_APP_SECRET, bytes))
                        .content(bytes))
                .andExpect(status().isOk());
        return zone;
    }
}
