package eu.herald.channels.oauth;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import eu.herald.accounts.OrganisationId;
import eu.herald.channels.ChannelAccount;
import eu.herald.channels.ChannelAccountId;
import eu.herald.channels.ChannelType;
import eu.herald.channels.connectors.support.OAuth2Client;
import eu.herald.common.NotFoundException;
import eu.herald.common.RefusedException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The connect flow against a fake token endpoint built from the references: RFC 6749 §4.1 (authorisation code),
 * RFC 7636 (PKCE, S256), https://docs.x.com/fundamentals/authentication/oauth-2-0/user-access-token (X: Basic
 * client authentication for confidential clients, {@code code_verifier}) and
 * https://developers.google.com/identity/protocols/oauth2/web-server (Google: {@code access_type=offline}).
 */
class OAuthConnectTests {

    private static final UUID ORGANISATION = UUID.fromString("00000000-0000-0000-0000-0000000000aa");

    private WireMockServer platform;
    private final FakeStore store = new FakeStore();
    private final Map<String, OAuthConnect.Pending> pending = new HashMap<>();
    private Instant now = Instant.parse("2026-11-29T02:00:00Z");

    @BeforeEach
    void start() {
        platform = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        platform.start();
    }

    @AfterEach
    void stop() {
        platform.stop();
    }

    private OAuthConnect flow(String clientId) {
        String base = "http://127.0.0.1:" + platform.port();
        OAuthProviders providers = new OAuthProviders(List.of(
                new OAuthProvider(
                        ChannelType.X,
                        URI.create("https://x.com/i/oauth2/authorize"),
                        URI.create(base + "/2/oauth2/token"),
                        clientId,
                        "x-secret",
                        "tweet.read tweet.write offline.access",
                        OAuth2Client.ClientAuthentication.BASIC,
                        Map.of(),
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(5)),
                new OAuthProvider(
                        ChannelType.YOUTUBE,
                        URI.create("https://accounts.google.com/o/oauth2/v2/auth"),
                        URI.create(base + "/token"),
                        "herald.apps.googleusercontent.com",
                        "GOCSPX-secret",
                        "https://www.googleapis.com/auth/youtube.upload",
                        OAuth2Client.ClientAuthentication.BODY,
                        Map.of("access_type", "offline", "prompt", "consent"),
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(5))));
        Clock clock = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        };
        return new OAuthConnect(providers, store, URI.create("https://herald.example.be/"), clock);
    }

    private static Map<String, String> query(URI uri) {
        return Arrays.stream(uri.getRawQuery().split("&"))
                .map(p -> p.split("=", 2))
                .collect(Collectors.toMap(p -> p[0], p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
    }

    @Test
    void sendsTheOwnerToThePlatformWithAnS256ChallengeOfAVerifierKeptInTheSession() throws Exception {
        URI authorize = flow("x-client").start("x", ORGANISATION, null, "Politie Gent op X", pending);

        assertThat(authorize.toString()).startsWith("https://x.com/i/oauth2/authorize?");
        Map<String, String> query = query(authorize);
        assertThat(query)
                .containsEntry("response_type", "code")
                .containsEntry("client_id", "x-client")
                .containsEntry("redirect_uri", "https://herald.example.be/channels/oauth/x/callback")
                .containsEntry("scope", "tweet.read tweet.write offline.access")
                .containsEntry("code_challenge_method", "S256");
        OAuthConnect.Pending started = pending.get(query.get("state"));
        assertThat(started).isNotNull();
        assertThat(started.verifier()).matches("[A-Za-z0-9_-]{43}");
        byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                .digest(started.verifier().getBytes(StandardCharsets.US_ASCII));
        assertThat(query.get("code_challenge"))
                .isEqualTo(Base64.getUrlEncoder().withoutPadding().encodeToString(digest));
        assertThat(started.name()).isEqualTo("Politie Gent op X");
    }

    @Test
    void asksGoogleForOfflineAccessSoARefreshTokenComes() {
        Map<String, String> query = query(flow("x-client").start("youtube", ORGANISATION, null, null, pending));
        assertThat(query).containsEntry("access_type", "offline").containsEntry("prompt", "consent");
        assertThat(query.get("redirect_uri")).isEqualTo("https://herald.example.be/channels/oauth/youtube/callback");
    }

    @Test
    void anOrganisationOutOfReachOrAnUnknownPlatformIsNotFoundAndAMissingClientIsRefused() {
        store.manageable = false;
        assertThatThrownBy(() -> flow("x-client").start("x", ORGANISATION, null, null, pending))
                .isInstanceOf(NotFoundException.class);
        store.manageable = true;
        assertThatThrownBy(() -> flow("x-client").start("myspace", ORGANISATION, null, null, pending))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> flow("").start("x", ORGANISATION, null, null, pending))
                .isInstanceOfSatisfying(
                        RefusedException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("channels.oauth.notConfigured"));
        assertThat(pending).isEmpty();
    }

    @Test
    void exchangesTheCodeWithTheVerifierAndConnectsTheAccountOnce() {
        OAuthConnect flow = flow("x-client");
        String state =
                query(flow.start("x", ORGANISATION, null, "Politie X", pending)).get("state");
        String verifier = pending.get(state).verifier();
        platform.stubFor(post(urlEqualTo("/2/oauth2/token"))
                .withHeader(
                        "Authorization",
                        equalTo("Basic "
                                + Base64.getEncoder()
                                        .encodeToString("x-client:x-secret".getBytes(StandardCharsets.UTF_8))))
                .withRequestBody(containing("grant_type=authorization_code"))
                .withRequestBody(containing("code=the-code"))
                .withRequestBody(containing("code_verifier=" + verifier))
                .withRequestBody(
                        containing("redirect_uri=https%3A%2F%2Fherald.example.be%2Fchannels%2Foauth%2Fx%2Fcallback"))
                .willReturn(okJson("{\"token_type\":\"bearer\",\"expires_in\":7200,\"access_token\":\"x-access\","
                        + "\"scope\":\"tweet.read tweet.write offline.access\",\"refresh_token\":\"x-refresh\"}")));

        ChannelAccount account = flow.finish("x", state, "the-code", null, pending);

        assertThat(account.type()).isEqualTo(ChannelType.X);
        assertThat(store.connected).singleElement().satisfies(c -> {
            assertThat(c.organisation()).isEqualTo(new OrganisationId(ORGANISATION));
            assertThat(c.name()).isEqualTo("Politie X");
            assertThat(c.values())
                    .containsEntry("accessToken", "x-access")
                    .containsEntry("refreshToken", "x-refresh")
                    .containsEntry("clientId", "x-client");
        });
        assertThatThrownBy(() -> flow.finish("x", state, "the-code", null, pending))
                .isInstanceOfSatisfying(
                        RefusedException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("channels.oauth.unknownState"));
        platform.verify(1, postRequestedFor(urlEqualTo("/2/oauth2/token")));
    }

    @Test
    void aForgedOrExpiredStateIsRefusedWithoutAskingThePlatform() {
        OAuthConnect flow = flow("x-client");
        String state = query(flow.start("x", ORGANISATION, null, null, pending)).get("state");

        assertThatThrownBy(() -> flow.finish("x", "forged", "code", null, pending))
                .isInstanceOf(RefusedException.class);
        assertThatThrownBy(() -> flow.finish("youtube", state, "code", null, new HashMap<>(pending)))
                .isInstanceOf(RefusedException.class);
        now = now.plus(OAuthConnect.PENDING_FOR).plusSeconds(1);
        assertThatThrownBy(() -> flow.finish("x", state, "code", null, pending))
                .isInstanceOfSatisfying(
                        RefusedException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("channels.oauth.unknownState"));
        assertThat(platform.getAllServeEvents()).isEmpty();
        assertThat(store.connected).isEmpty();
    }

    @Test
    void aDeniedAuthorisationOrARefusedCodeConnectsNothing() {
        OAuthConnect flow = flow("x-client");
        String denied =
                query(flow.start("x", ORGANISATION, null, null, pending)).get("state");
        assertThatThrownBy(() -> flow.finish("x", denied, null, "access_denied", pending))
                .isInstanceOfSatisfying(
                        RefusedException.class, e -> assertThat(e.messageKey()).isEqualTo("channels.oauth.denied"));

        platform.stubFor(post(urlEqualTo("/token"))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"invalid_grant\",\"error_description\":\"Bad Request\"}")));
        String refused =
                query(flow.start("youtube", ORGANISATION, null, null, pending)).get("state");
        assertThatThrownBy(() -> flow.finish("youtube", refused, "stale", null, pending))
                .isInstanceOfSatisfying(
                        RefusedException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("channels.oauth.exchangeFailed"));
        assertThat(store.connected).isEmpty();
    }

    @Test
    void reconnectsAnExistingAccountWithGooglesTokensSentInTheBody() {
        UUID existing = UUID.randomUUID();
        OAuthConnect flow = flow("x-client");
        String state =
                query(flow.start("youtube", null, existing, null, pending)).get("state");
        platform.stubFor(post(urlEqualTo("/token"))
                .withRequestBody(containing("client_id=herald.apps.googleusercontent.com"))
                .withRequestBody(containing("client_secret=GOCSPX-secret"))
                .willReturn(okJson("{\"access_token\":\"ya29.new\",\"expires_in\":3599,\"refresh_token\":\"1//new\","
                        + "\"scope\":\"https://www.googleapis.com/auth/youtube.upload\",\"token_type\":\"Bearer\"}")));

        flow.finish("youtube", state, "code", null, pending);

        assertThat(store.reconnected).containsOnlyKeys(new ChannelAccountId(existing));
        assertThat(store.reconnected.get(new ChannelAccountId(existing)))
                .containsEntry("accessToken", "ya29.new")
                .containsEntry("refreshToken", "1//new");
    }

    /** The account store as the flow sees it, remembering what it was asked. */
    static final class FakeStore implements ChannelAccountStore {
        record Connected(OrganisationId organisation, ChannelType type, String name, Map<String, String> values) {}

        boolean manageable = true;
        final List<Connected> connected = new ArrayList<>();
        final Map<ChannelAccountId, Map<String, String>> reconnected = new HashMap<>();

        @Override
        public boolean canManage(OrganisationId organisation) {
            return manageable;
        }

        @Override
        public OrganisationId organisationOf(ChannelAccountId account) {
            return new OrganisationId(ORGANISATION);
        }

        @Override
        public ChannelAccount connect(
                OrganisationId organisation, ChannelType type, String name, Map<String, String> values) {
            connected.add(new Connected(organisation, type, name, Map.copyOf(values)));
            return account(ChannelAccountId.random(), organisation, type, name);
        }

        @Override
        public ChannelAccount reconnect(ChannelAccountId account, Map<String, String> values) {
            reconnected.put(account, Map.copyOf(values));
            return account(account, new OrganisationId(ORGANISATION), ChannelType.YOUTUBE, "YouTube");
        }

        private static ChannelAccount account(
                ChannelAccountId id, OrganisationId organisation, ChannelType type, String name) {
            return new ChannelAccount(
                    id, organisation, type, name, ChannelAccount.Status.ACTIVE, null, null, null, null);
        }
    }
}
