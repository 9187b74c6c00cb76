package eu.herald.channels.connectors.webhook;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import eu.herald.channels.ChannelType;
import eu.herald.channels.ConnectorException;
import eu.herald.channels.Post;
import eu.herald.channels.Published;
import eu.herald.channels.connectors.ConnectedAccount;
import eu.herald.channels.connectors.ConnectorFixtures;
import eu.herald.channels.connectors.support.PlatformHttp;
import eu.herald.common.Language;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The webhook connector against a WireMock receiver that speaks Herald's documented webhook protocol (see
 * {@link WebhookConnector}): the signature is recomputed from the raw body as a receiver would.
 */
class WebhookConnectorTests {

    @RegisterExtension
    static WireMockExtension receiver = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    final JsonMapper json = JsonMapper.builder().build();
    final Instant now = Instant.parse("2026-11-29T09:00:00Z");
    WebhookConnector connector;
    ConnectedAccount account;

    @BeforeEach
    void setUp() {
        connector = new WebhookConnector(
                json,
                new PlatformHttp("Webhook", Duration.ofSeconds(2), Duration.ofMillis(800)),
                new ConnectorFixtures.Observed(),
                Clock.fixed(now, ZoneOffset.UTC));
        account = ConnectorFixtures.account(
                ChannelType.WEBHOOK,
                Map.of("url", "http://127.0.0.1:" + receiver.getPort() + "/herald"),
                Map.of("signingSecret", "whsec-for-tests"));
    }

    @Test
    void postsASignedJsonBodyThatAReceiverCanVerify() {
        receiver.stubFor(post("/herald").willReturn(aResponse().withStatus(204)));
        Post post = new Post(
                "delivery-7",
                "Deur op slot, ook voor vijf minuten.",
                Language.NL,
                "Deur op slot",
                "https://www.elsene.be/preventie",
                List.of(new Post.Attachment("deur.png", "image/png", new byte[] {1, 2, 3}, "Een deur")),
                Map.of("theme", "burglary"));

        Published published = connector.publish(account, post);

        assertThat(published).isEqualTo(new Published("delivery-7", null));
        LoggedRequest request =
                receiver.findAll(postRequestedFor(urlEqualTo("/herald"))).getFirst();
        assertThat(request.getHeader("X-Herald-Signature"))
                .isEqualTo("sha256=" + WebhookConnector.signature("whsec-for-tests", request.getBody()));
        assertThat(request.getHeader("X-Herald-Signature"))
                .isNotEqualTo("sha256=" + WebhookConnector.signature("another-secret", request.getBody()));
        assertThat(request.getHeader("X-Herald-Timestamp")).isEqualTo(Long.toString(now.getEpochSecond()));
        assertThat(request.getHeader("Idempotency-Key")).isEqualTo("delivery-7");
        assertThat(request.getHeader("X-Herald-Event")).isEqualTo("publish");
        JsonNode body = json.readTree(request.getBodyAsString());
        assertThat(body.path("id").asString()).isEqualTo("delivery-7");
        assertThat(body.path("text").asString()).isEqualTo("Deur op slot, ook voor vijf minuten.");
        assertThat(body.path("title").asString()).isEqualTo("Deur op slot");
        assertThat(body.path("link").asString()).isEqualTo("https://www.elsene.be/preventie");
        assertThat(body.path("language").asString()).isEqualTo("nl");
        assertThat(body.path("media").get(0).path("altText").asString()).isEqualTo("Een deur");
        assertThat(body.path("media").get(0).path("size").asInt()).isEqualTo(3);
        assertThat(body.path("context").path("theme").asString()).isEqualTo("burglary");
        assertThat(body.path("sentAt").asString()).isEqualTo("2026-11-29T09:00:00Z");
    }

    @Test
    void takesTheReceiversOwnIdAndAddressWhenItNamesThem() {
        receiver.stubFor(
                post("/herald").willReturn(okJson("{\"id\": \"news-481\", \"url\": \"https://www.elsene.be/n/481\"}")));

        assertThat(connector.publish(account, ConnectorFixtures.post("delivery-8", "Tekst")))
                .isEqualTo(new Published("news-481", "https://www.elsene.be/n/481"));
    }

    @Test
    void mapsTheReceiversAnswersToTheThreeKindsOfFailure() {
        receiver.stubFor(
                post("/herald").willReturn(aResponse().withStatus(401).withBody("{\"error\": \"bad signature\"}")));
        assertThatThrownBy(() -> connector.publish(account, ConnectorFixtures.post("k", "Tekst")))
                .isInstanceOfSatisfying(ConnectorException.Permanent.class, e -> {
                    assertThat(e.credentialsRejected()).isTrue();
                    assertThat(e.explanation()).contains("bad signature");
                });

        receiver.stubFor(
                post("/herald").willReturn(aResponse().withStatus(400).withBody("{\"error\": \"title too long\"}")));
        assertThatThrownBy(() -> connector.publish(account, ConnectorFixtures.post("k", "Tekst")))
                .isInstanceOfSatisfying(ConnectorException.Permanent.class, e -> {
                    assertThat(e.credentialsRejected()).isFalse();
                    assertThat(e.explanation()).contains("title too long");
                });

        receiver.stubFor(post("/herald").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "12")));
        assertThatThrownBy(() -> connector.publish(account, ConnectorFixtures.post("k", "Tekst")))
                .isInstanceOfSatisfying(
                        ConnectorException.Transient.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(12)));

        receiver.stubFor(post("/herald").willReturn(aResponse().withStatus(502)));
        assertThatThrownBy(() -> connector.publish(account, ConnectorFixtures.post("k", "Tekst")))
                .isInstanceOf(ConnectorException.Transient.class);

        receiver.stubFor(post("/herald").willReturn(aResponse().withStatus(200).withFixedDelay(2_000)));
        assertThatThrownBy(() -> connector.publish(account, ConnectorFixtures.post("k", "Tekst")))
                .isInstanceOf(ConnectorException.UnknownOutcome.class);
    }

    @Test
    void findsNothingBecauseReceiversDeduplicateOnTheIdempotencyKey() {
        assertThat(connector.find(account, ConnectorFixtures.post("k", "Tekst")))
                .isEmpty();
        assertThat(receiver.getAllServeEvents()).isEmpty();
    }

    @Test
    void theCheckIsASignedPingAndARefusedSignatureMeansReconnecting() {
        receiver.stubFor(post("/herald").willReturn(aResponse().withStatus(200)));
        assertThat(connector.check(account).handle()).isEqualTo("127.0.0.1");
        LoggedRequest ping =
                receiver.findAll(postRequestedFor(urlEqualTo("/herald"))).getFirst();
        assertThat(ping.getHeader("X-Herald-Event")).isEqualTo("ping");
        assertThat(ping.getHeader("X-Herald-Signature"))
                .isEqualTo("sha256=" + WebhookConnector.signature("whsec-for-tests", ping.getBody()));

        receiver.stubFor(post("/herald").willReturn(aResponse().withStatus(403)));
        assertThatThrownBy(() -> connector.check(account))
                .isInstanceOfSatisfying(
                        ConnectorException.Permanent.class,
                        e -> assertThat(e.credentialsRejected()).isTrue());
        receiver.verify(2, postRequestedFor(urlEqualTo("/herald")).withHeader("X-Herald-Event", equalTo("ping")));
    }
}
