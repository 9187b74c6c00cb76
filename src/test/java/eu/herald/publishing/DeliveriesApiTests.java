package eu.herald.publishing;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.jayway.jsonpath.JsonPath;
import eu.herald.HeraldTest;
import eu.herald.SignIn;
import eu.herald.TestTokens;
import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Deliveries through the API and the pages: what is refused (as 422 Problems in the caller's language, or 404 for
 * what is out of reach), cancel and retry, the list and its htmx fragment, and the audit trail. Accounts are a
 * WireMock Mastodon (https://docs.joinmastodon.org/methods/accounts/#verify_credentials) and webhook receiver.
 */
@HeraldTest
class DeliveriesApiTests {

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    static PublishingFixtures fixtures;
    static PublishingFixtures.ApprovedMessage message;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @BeforeEach
    void message() {
        if (fixtures == null) {
            fixtures = new PublishingFixtures("http://127.0.0.1:" + port, jdbc);
            message = fixtures.approvedMessage(
                    PublishingFixtures.unique("Deliveries API"), List.of("MASTODON", "WEBSITE"));
        }
    }

    private String mastodon() {
        PlatformFake fake = new PlatformFake.Mastodon();
        String prefix = PlatformFake.prefix();
        return fixtures.account("MASTODON", PublishingFixtures.unique("Mastodon"), fake.connect(wm, prefix));
    }

    private static String later() {
        return Instant.now().plus(Duration.ofDays(2)).toString();
    }

    @Test
    void whatCannotGoOutIsRefusedWithAReasonAndNothingIsScheduled() {
        String account = mastodon();
        String draftVariant = jdbc.sql("SELECT v.id::text FROM campaigns.variant v JOIN campaigns.message m"
                        + " ON m.id = v.message_id WHERE m.title = ? LIMIT 1")
                .param("Buren helpen buren – Entre voisins")
                .query(String.class)
                .single();

        String notApproved = fixtures.deliver(draftVariant, account, later(), 422);
        assertThat(JsonPath.<String>read(notApproved, "$.code")).isEqualTo("publishing.error.notApproved");
        assertThat(JsonPath.<String>read(notApproved, "$.detail")).contains("not approved");

        String mismatch = fixtures.deliver(message.variant("WEBSITE", "nl"), account, later(), 422);
        assertThat(JsonPath.<String>read(mismatch, "$.code")).isEqualTo("publishing.error.channelMismatch");

        String past = fixtures.deliver(
                message.variant("MASTODON", "nl"),
                account,
                Instant.now().minus(Duration.ofHours(1)).toString(),
                422);
        assertThat(JsonPath.<String>read(past, "$.code")).isEqualTo("publishing.error.inThePast");

        fixtures.deliver(message.variant("MASTODON", "nl"), account, later(), 201);
        String twice = fixtures.deliver(message.variant("MASTODON", "nl"), account, later(), 422);
        assertThat(JsonPath.<String>read(twice, "$.code")).isEqualTo("publishing.error.duplicate");

        long live = jdbc.sql("SELECT count(*) FROM publishing.delivery WHERE channel_account_id = ?::uuid")
                .param(account)
                .query(Long.class)
                .single();
        assertThat(live).isEqualTo(1);
    }

    @Test
    void anAccountOutsideTheCommunicatorsReachIsNotFound() {
        String admin = TestTokens.of(jdbc, "admin@herald.test");
        String federal = jdbc.sql("SELECT id::text FROM accounts.organisation WHERE kind = 'FEDERAL'")
                .query(String.class)
                .single();
        String prefix = PlatformFake.prefix();
        Map<String, String> settings = new PlatformFake.Mastodon().connect(wm, prefix);
        String body = fixtures.call(
                "POST",
                admin,
                "/api/v1/channel-accounts",
                "{\"type\": \"MASTODON\", \"name\": \"Federal " + prefix + "\", \"organisationId\": \"" + federal
                        + "\", \"settings\": {\"baseUrl\": \"" + settings.get("baseUrl") + "\", \"accessToken\": \""
                        + settings.get("accessToken") + "\"}}",
                201);
        String federalAccount = JsonPath.read(body, "$.id");

        fixtures.deliver(message.variant("MASTODON", "fr"), federalAccount, later(), 404);
    }

    @Test
    void aScheduledDeliveryIsCancelledOnceAndOnlyAFailedOneIsRetried() throws Exception {
        String account = mastodon();
        String created = fixtures.deliver(message.variant("MASTODON", "fr"), account, later(), 201);
        String id = JsonPath.read(created, "$.id");
        assertThat(JsonPath.<String>read(fixtures.get("/api/v1/deliveries/" + id), "$.status"))
                .isEqualTo("SCHEDULED");

        String retry = fixtures.call("POST", fixtures.communicator, "/api/v1/deliveries/" + id + "/retry", null, 422);
        assertThat(JsonPath.<String>read(retry, "$.code")).isEqualTo("publishing.error.notRetryable");
        String cancelled = fixtures.call("POST", fixtures.approver, "/api/v1/deliveries/" + id + "/cancel", null, 200);
        assertThat(JsonPath.<String>read(cancelled, "$.status")).isEqualTo("CANCELLED");
        String again = fixtures.call("POST", fixtures.communicator, "/api/v1/deliveries/" + id + "/cancel", null, 422);
        assertThat(JsonPath.<String>read(again, "$.code")).isEqualTo("publishing.error.notCancellable");

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(
                                jdbc.sql("SELECT string_agg(action, ',' ORDER BY occurred_at) FROM audit.audit_entry"
                                                + " WHERE subject_id = ?")
                                        .param(id)
                                        .query(String.class)
                                        .single())
                        .isEqualTo("publishing.delivery.created,publishing.delivery.cancelled"));

        // a cancelled delivery frees its place: the variant may be scheduled on the account again
        fixtures.deliver(message.variant("MASTODON", "fr"), account, later(), 201);
    }

    @Test
    void theDeliveriesPageListsThemAndItsFragmentRefreshesAlone() throws Exception {
        String account = mastodon();
        String id = JsonPath.read(fixtures.deliver(message.variant("MASTODON", "nl"), account, later(), 201), "$.id");
        Cookie communicator = SignIn.as(mvc, "communicator@herald.test");

        mvc.perform(get("/deliveries").param("message", message.id()).cookie(communicator))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("/deliveries/" + id)))
                .andExpect(content().string(Matchers.containsString("<html")));
        mvc.perform(get("/deliveries")
                        .param("message", message.id())
                        .header("HX-Request", "true")
                        .cookie(communicator))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("/deliveries/" + id)))
                .andExpect(content().string(Matchers.not(Matchers.containsString("<html"))));
        mvc.perform(get("/deliveries/" + id).cookie(communicator))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("/deliveries/" + id + "/cancel")));
        mvc.perform(get("/deliveries/new").param("message", message.id()).cookie(communicator))
                .andExpect(status().isOk())
                .andExpect(
                        content().string(Matchers.containsString(message.variant("MASTODON", "nl") + ":" + account)));

        Cookie moderator = SignIn.as(mvc, "moderator@herald.test");
        mvc.perform(get("/deliveries/" + id).cookie(moderator)).andExpect(status().isForbidden());
        Cookie analyst = SignIn.as(mvc, "analyst@herald.test");
        mvc.perform(get("/deliveries/" + id).cookie(analyst))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.not(Matchers.containsString("/deliveries/" + id + "/cancel"))));
    }
}
