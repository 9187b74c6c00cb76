package eu.herald.channels.connectors.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import eu.herald.accounts.OrganisationId;
import eu.herald.channels.ChannelAccount;
import eu.herald.channels.ChannelAccountId;
import eu.herald.channels.ChannelType;
import eu.herald.channels.ConnectorException;
import eu.herald.channels.Post;
import eu.herald.channels.Published;
import eu.herald.channels.connectors.ConnectedAccount;
import eu.herald.channels.connectors.Connector;
import eu.herald.common.Language;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every platform connector must show against its fake (a WireMock server on 127.0.0.1 built from the platform's
 * published reference): the documented request on success; 5xx and the platform's rate-limit answer are
 * {@link ConnectorException.Transient} with the platform's wait; a read timeout after the platform accepted the post
 * is an {@link ConnectorException.UnknownOutcome} after which {@code find} returns the post (where the platform can
 * look it up); malformed JSON in a 200 is an unknown outcome; a revoked token is
 * {@link ConnectorException.Permanent} with {@code credentialsRejected} and the platform's words; a validation error
 * is permanent with the platform's message. Each platform's test class supplies the fake's answers.
 */
public abstract class ConnectorContract {

    /** Short, so the timeout case runs fast (yet not flaky on a busy machine); the fake delays well beyond it. */
    protected static final Duration READ_TIMEOUT = Duration.ofSeconds(2);

    protected static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

    protected WireMockServer platform;
    protected final RecordingSink sink = new RecordingSink();
    protected final ChannelAccountId accountId = ChannelAccountId.random();

    @BeforeEach
    void startThePlatformsFake() {
        platform = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        platform.start();
        warmUp();
    }

    /** The fake's first answer is slow (class loading): take it before a test measures time. */
    private void warmUp() {
        try (var client = java.net.http.HttpClient.newHttpClient()) {
            client.send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl() + "/__admin/health"))
                            .build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @AfterEach
    void stopThePlatformsFake() {
        platform.stop();
    }

    protected String baseUrl() {
        return "http://127.0.0.1:" + platform.port();
    }

    // ---- what each platform's test supplies ----

    protected abstract Connector connector();

    protected abstract ConnectedAccount account();

    /** The request that creates the post answers {@code answer} (earlier steps, e.g. a session, succeed). */
    protected abstract void stubPublish(ResponseDefinitionBuilder answer);

    /** The platform's documented success answer to that request, for {@link #samplePost()}. */
    protected abstract ResponseDefinitionBuilder published();

    protected abstract String expectedExternalId();

    /** Verifies the documented request: method, path, auth header and body fields. */
    protected abstract void verifyPublishRequest(Post post);

    /** After the lost answer, the platform's lookup shows the post (not called when it cannot look up). */
    protected abstract void stubLookupFinding(Post post);

    protected abstract ResponseDefinitionBuilder serverError();

    /** The platform's own rate-limit answer, and the wait it announces. */
    protected abstract ResponseDefinitionBuilder rateLimited();

    protected abstract Duration announcedWait();

    /** Stubs whatever the platform answers when the account's credentials were revoked. */
    protected abstract void stubRevokedCredentials();

    protected abstract String revokedExplanation();

    protected abstract ResponseDefinitionBuilder validationError();

    protected abstract String validationExplanation();

    // ---- shared helpers ----

    protected Post samplePost() {
        return new Post(
                "delivery-" + getClass().getSimpleName() + "-1",
                "Fietsdiefstal? Registreer je fiets gratis: https://politie.example.be/fiets",
                Language.NL,
                "Registreer je fiets",
                "https://politie.example.be/fiets",
                List.of(),
                Map.of("campaign", "Fietsdiefstal"));
    }

    protected ConnectedAccount account(ChannelType type, Map<String, String> settings, Map<String, String> secrets) {
        ChannelAccount account = new ChannelAccount(
                accountId,
                new OrganisationId(UUID.fromString("00000000-0000-0000-0000-000000000001")),
                type,
                "Politie test",
                ChannelAccount.Status.ACTIVE,
                null,
                null,
                null,
                null);
        return new ConnectedAccount(account, settings, secrets, sink);
    }

    protected static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody(body);
    }

    protected void assertWaitIsAnnounced(ConnectorException.Transient e) {
        assertThat(e.retryAfter()).isNotNull();
        assertThat(e.retryAfter())
                .isBetween(announcedWait().minusSeconds(3), announcedWait().plusSeconds(1));
    }

    // ---- the contract ----

    @Test
    void publishesWithThePlatformsDocumentedRequest() {
        stubPublish(published());
        Published published = connector().publish(account(), samplePost());
        assertThat(published.externalId()).isEqualTo(expectedExternalId());
        verifyPublishRequest(samplePost());
    }

    @Test
    void aServerErrorIsTransient() {
        stubPublish(serverError());
        assertThatThrownBy(() -> connector().publish(account(), samplePost()))
                .isInstanceOf(ConnectorException.Transient.class);
    }

    @Test
    void aRateLimitIsTransientWithThePlatformsWait() {
        stubPublish(rateLimited());
        ConnectorException.Transient e = catchThrowableOfType(
                ConnectorException.Transient.class, () -> connector().publish(account(), samplePost()));
        assertThat(e).as("a Transient exception").isNotNull();
        assertWaitIsAnnounced(e);
    }

    @Test
    void aTimeoutAfterThePlatformAcceptedIsAnUnknownOutcomeAndFindThenFindsThePost() {
        stubPublish(published().withFixedDelay((int) READ_TIMEOUT.toMillis() + 2000));
        assertThatThrownBy(() -> connector().publish(account(), samplePost()))
                .isInstanceOf(ConnectorException.UnknownOutcome.class);
        if (connector().canLookUp()) {
            stubLookupFinding(samplePost());
            Optional<Published> found = connector().find(account(), samplePost());
            assertThat(found).map(Published::externalId).contains(expectedExternalId());
        } else {
            assertThat(connector().find(account(), samplePost())).isEmpty();
        }
    }

    @Test
    void malformedJsonInASuccessIsAnUnknownOutcome() {
        stubPublish(json(200, "{\"data\": {\"id\": \"12"));
        assertThatThrownBy(() -> connector().publish(account(), samplePost()))
                .isInstanceOf(ConnectorException.UnknownOutcome.class);
    }

    @Test
    void revokedCredentialsArePermanentWithThePlatformsExplanation() {
        stubRevokedCredentials();
        ConnectorException.Permanent e = catchThrowableOfType(
                ConnectorException.Permanent.class, () -> connector().publish(account(), samplePost()));
        assertThat(e).as("a Permanent exception").isNotNull();
        assertThat(e.credentialsRejected()).isTrue();
        assertThat(e.explanation()).contains(revokedExplanation());
    }

    @Test
    void aValidationErrorIsPermanentWithThePlatformsMessage() {
        stubPublish(validationError());
        ConnectorException.Permanent e = catchThrowableOfType(
                ConnectorException.Permanent.class, () -> connector().publish(account(), samplePost()));
        assertThat(e).as("a Permanent exception").isNotNull();
        assertThat(e.credentialsRejected()).isFalse();
        assertThat(e.explanation()).contains(validationExplanation());
    }

    /** Remembers what a connector stored through the secrets sink. */
    public static final class RecordingSink implements ConnectedAccount.SecretsSink {
        public record Stored(
                Map<String, String> secrets, @Nullable Instant expiresAt) {}

        private final List<Stored> stored = new CopyOnWriteArrayList<>();

        @Override
        public void store(Map<String, String> secrets, @Nullable Instant expiresAt) {
            stored.add(new Stored(Map.copyOf(secrets), expiresAt));
        }

        public List<Stored> stored() {
            return List.copyOf(stored);
        }

        public Stored last() {
            assertThat(stored).as("secrets stored").isNotEmpty();
            return stored.getLast();
        }
    }
}
