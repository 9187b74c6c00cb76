package eu.herald.channels.domain;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import eu.herald.HeraldTest;
import eu.herald.accounts.OrganisationId;
import eu.herald.accounts.People;
import eu.herald.channels.ChannelAccount;
import eu.herald.channels.ChannelAccountId;
import eu.herald.channels.ChannelGateway;
import eu.herald.channels.ChannelType;
import eu.herald.channels.ConnectorException;
import eu.herald.channels.Post;
import eu.herald.channels.Published;
import eu.herald.common.Actor;
import eu.herald.common.Language;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The gateway over stored accounts and a WireMock Mastodon (https://docs.joinmastodon.org/methods/statuses/):
 * publishing with the sealed token, recording success and failure, a revoked token marking the account as needing
 * reconnecting once (audited), the platform's exhausted rate limit respected without a call, tampered secrets
 * detected.
 */
@HeraldTest
class ChannelGatewayTests {

    @RegisterExtension
    static WireMockExtension mastodon = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    static final String STATUS = """
            {"id": "555", "url": "https://social.example/@elsene/555", "content": "<p>x</p>",
             "created_at": "2026-11-29T09:00:00.000Z", "account": {"acct": "elsene"}}
            """;

    @Autowired
    ChannelGateway gateway;

    @Autowired
    ChannelAccountService service;

    @Autowired
    People people;

    @Autowired
    JdbcClient jdbc;

    ChannelAccountId account;

    @BeforeEach
    void connect() {
        var person = people.byEmail("communicator@herald.test").orElseThrow();
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        new TestPrincipal(person.id().value(), person.displayName()), null, List.of()));
        UUID ixelles = jdbc.sql("SELECT id FROM accounts.organisation WHERE name_fr = 'Commune d''Ixelles'")
                .query(UUID.class)
                .single();
        mastodon.stubFor(get("/api/v1/accounts/verify_credentials")
                .willReturn(
                        okJson("{\"id\": \"7\", \"acct\": \"elsene\", \"url\": \"https://social.example/@elsene\"}")));
        account = service.connect(
                        new OrganisationId(ixelles),
                        ChannelType.MASTODON,
                        "Gateway " + UUID.randomUUID(),
                        Map.of("baseUrl", "http://127.0.0.1:" + mastodon.getPort(), "accessToken", "gateway-token"))
                .id();
        SecurityContextHolder.clearContext();
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    record TestPrincipal(UUID userId, String displayName) implements Actor.Principal {}

    static Post postOf(String key) {
        return new Post(key, "Deur op slot.", Language.NL, null, null, List.of(), Map.of());
    }

    @Test
    void publishesThroughTheAccountsConnectorAndRecordsTheSuccess() {
        mastodon.stubFor(post("/api/v1/statuses").willReturn(okJson(STATUS)));

        Published published = gateway.publish(account, postOf("gw-1"));

        assertThat(published).isEqualTo(new Published("555", "https://social.example/@elsene/555"));
        mastodon.verify(postRequestedFor(urlEqualTo("/api/v1/statuses"))
                .withHeader(
                        "Authorization",
                        com.github.tomakehurst.wiremock.client.WireMock.equalTo("Bearer gateway-token")));
        assertThat(gateway.account(account).orElseThrow().lastSuccessAt())
                .isAfter(Instant.now().minusSeconds(10));
        assertThat(gateway.activeAccounts(ChannelType.MASTODON))
                .extracting(ChannelAccount::id)
                .contains(account);
    }

    @Test
    void aRevokedTokenMarksTheAccountOnceAndStopsFurtherCalls() {
        mastodon.stubFor(post("/api/v1/statuses")
                .willReturn(aResponse()
                        .withStatus(401)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\": \"The access token was revoked\"}")));

        assertThatThrownBy(() -> gateway.publish(account, postOf("gw-2")))
                .isInstanceOfSatisfying(
                        ConnectorException.Permanent.class,
                        e -> assertThat(e.credentialsRejected()).isTrue());

        assertThat(gateway.account(account).orElseThrow().status()).isEqualTo(ChannelAccount.Status.NEEDS_RECONNECTING);
        assertThat(jdbc.sql("SELECT last_error FROM channels.account WHERE id = ?")
                        .param(account.value())
                        .query(String.class)
                        .single())
                .contains("The access token was revoked");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> jdbc.sql("SELECT count(*) FROM audit.audit_entry WHERE subject_id = ? AND action ="
                                        + " 'channels.account.status-changed'")
                                .param(account.toString())
                                .query(Integer.class)
                                .single()
                        == 1);
        assertThatThrownBy(() -> gateway.publish(account, postOf("gw-3")))
                .isInstanceOfSatisfying(
                        ConnectorException.Permanent.class,
                        e -> assertThat(e.credentialsRejected()).isFalse());
        mastodon.verify(1, postRequestedFor(urlEqualTo("/api/v1/statuses")));
    }

    @Test
    void anExhaustedPlatformRateLimitIsWaitedForWithoutACall() {
        jdbc.sql("UPDATE channels.account SET rate_limit_remaining = 0, rate_limit_reset_at = now() + interval '90"
                        + " seconds' WHERE id = ?")
                .param(account.value())
                .update();

        assertThatThrownBy(() -> gateway.publish(account, postOf("gw-4")))
                .isInstanceOfSatisfying(
                        ConnectorException.Transient.class,
                        e -> assertThat(e.retryAfter()).isBetween(Duration.ofSeconds(60), Duration.ofSeconds(91)));
        mastodon.verify(0, postRequestedFor(urlEqualTo("/api/v1/statuses")));
    }

    @Test
    void tamperedCredentialsAreDetectedAndTheAccountNeedsReconnecting() {
        jdbc.sql("UPDATE channels.account SET secrets = set_byte(secrets, 20, get_byte(secrets, 20) # 1) WHERE id = ?")
                .param(account.value())
                .update();

        assertThatThrownBy(() -> gateway.publish(account, postOf("gw-5")))
                .isInstanceOfSatisfying(
                        ConnectorException.Permanent.class,
                        e -> assertThat(e.explanation()).contains("cannot open"));
        assertThat(gateway.account(account).orElseThrow().status()).isEqualTo(ChannelAccount.Status.NEEDS_RECONNECTING);
        mastodon.verify(0, postRequestedFor(urlEqualTo("/api/v1/statuses")));
    }

    @Test
    void secretsMovedToAnotherAccountDoNotOpen() {
        mastodon.stubFor(post("/api/v1/statuses").willReturn(okJson(STATUS)));
        ChannelAccountId other = account;
        connect();
        jdbc.sql("UPDATE channels.account SET secrets = (SELECT secrets FROM channels.account WHERE id = ?) WHERE id"
                        + " = ?")
                .params(other.value(), account.value())
                .update();

        assertThatThrownBy(() -> gateway.publish(account, postOf("gw-6")))
                .isInstanceOf(ConnectorException.Permanent.class);
        assertThat(gateway.publish(other, postOf("gw-7")).externalId()).isEqualTo("555");
    }
}
