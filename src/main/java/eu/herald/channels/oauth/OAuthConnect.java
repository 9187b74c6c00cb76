package eu.herald.channels.oauth;

import eu.herald.accounts.OrganisationId;
import eu.herald.channels.ChannelAccount;
import eu.herald.channels.ChannelAccountId;
import eu.herald.channels.ConnectorException;
import eu.herald.channels.connectors.support.Forms;
import eu.herald.channels.connectors.support.OAuth2Client;
import eu.herald.channels.connectors.support.PlatformHttp;
import eu.herald.common.HeraldProperties;
import eu.herald.common.NotFoundException;
import eu.herald.common.RefusedException;
import java.io.Serializable;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * The authorisation-code flow with PKCE for X and YouTube. {@link #start} keeps a state and a code verifier in the
 * owner's session and sends them to the platform with the S256 challenge; {@link #finish} takes the state back
 * (once: a replayed or forged callback finds nothing), exchanges the code with the verifier at the token endpoint,
 * and connects the account (or reconnects it) through the account store, which checks it with the platform.
 */
@Service
class OAuthConnect {

    static final Duration PENDING_FOR = Duration.ofMinutes(15);
    private static final Logger log = LoggerFactory.getLogger(OAuthConnect.class);

    /** One started authorisation, kept in the owner's HTTP session under its state. */
    record Pending(
            String slug, UUID organisation, @Nullable UUID account, String name, String verifier, Instant startedAt)
            implements Serializable {}

    private final OAuthProviders providers;
    private final ChannelAccountStore accounts;
    private final URI baseUrl;
    private final Clock clock;

    @Autowired
    OAuthConnect(OAuthProviders providers, ChannelAccountStore accounts, HeraldProperties herald) {
        this(providers, accounts, herald.publicBaseUrl(), Clock.systemUTC());
    }

    OAuthConnect(OAuthProviders providers, ChannelAccountStore accounts, URI baseUrl, Clock clock) {
        this.providers = providers;
        this.accounts = accounts;
        this.baseUrl = baseUrl;
        this.clock = clock;
    }

    /**
     * Where to send the owner: the platform's authorisation page for a new account of the organisation, or for new
     * credentials of {@code reconnect}.
     */
    URI start(
            String slug,
            @Nullable UUID organisationId,
            @Nullable UUID reconnect,
            @Nullable String name,
            Map<String, Pending> pending) {
        OAuthProvider provider = providers.bySlug(slug).orElseThrow(() -> new NotFoundException("OAuth platform"));
        OrganisationId organisation;
        if (reconnect != null) {
            organisation = accounts.organisationOf(new ChannelAccountId(reconnect));
        } else if (organisationId != null && accounts.canManage(new OrganisationId(organisationId))) {
            organisation = new OrganisationId(organisationId);
        } else {
            throw new NotFoundException("organisation");
        }
        if (provider.clientId() == null || provider.clientId().isBlank()) {
            throw new RefusedException("channels.oauth.notConfigured");
        }
        Instant now = clock.instant();
        pending.values().removeIf(p -> p.startedAt().plus(PENDING_FOR).isBefore(now));
        String state = Pkce.state();
        String verifier = Pkce.verifier();
        String accountName = name == null || name.isBlank() ? defaultName(provider) : name.strip();
        pending.put(state, new Pending(slug, organisation.value(), reconnect, accountName, verifier, now));
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", provider.clientId());
        query.put("redirect_uri", redirectUri(provider));
        query.put("scope", provider.scopes());
        query.put("state", state);
        query.put("code_challenge", Pkce.challenge(verifier));
        query.put("code_challenge_method", "S256");
        query.putAll(provider.extraParameters());
        return URI.create(provider.authorizeUrl() + "?" + Forms.encode(query));
    }

    /** Completes the flow the platform redirected back from; refuses a state it did not start. */
    ChannelAccount finish(
            String slug,
            @Nullable String state,
            @Nullable String code,
            @Nullable String error,
            Map<String, Pending> pending) {
        OAuthProvider provider = providers.bySlug(slug).orElseThrow(() -> new NotFoundException("OAuth platform"));
        Pending started = state == null ? null : pending.remove(state);
        if (started == null
                || !started.slug().equals(slug)
                || started.startedAt().plus(PENDING_FOR).isBefore(clock.instant())) {
            throw new RefusedException("channels.oauth.unknownState");
        }
        if (error != null || code == null || code.isBlank()) {
            throw new RefusedException("channels.oauth.denied");
        }
        String clientId = provider.clientId();
        if (clientId == null) {
            throw new RefusedException("channels.oauth.notConfigured");
        }
        OAuth2Client.Tokens tokens;
        try {
            PlatformHttp http =
                    new PlatformHttp(provider.type().name(), provider.connectTimeout(), provider.readTimeout());
            tokens = new OAuth2Client(http, provider.tokenUrl(), provider.authentication())
                    .exchange(clientId, provider.clientSecret(), code, started.verifier(), redirectUri(provider));
        } catch (ConnectorException e) {
            log.info(
                    "The {} token endpoint refused an authorisation code ({})",
                    provider.type(),
                    e.getClass().getSimpleName());
            throw new RefusedException("channels.oauth.exchangeFailed");
        }
        Map<String, String> values = new LinkedHashMap<>();
        values.put("accessToken", tokens.accessToken());
        if (tokens.refreshToken() != null) {
            values.put("refreshToken", tokens.refreshToken());
        }
        values.put("clientId", clientId);
        if (started.account() != null) {
            return accounts.reconnect(new ChannelAccountId(started.account()), values);
        }
        return accounts.connect(new OrganisationId(started.organisation()), provider.type(), started.name(), values);
    }

    String redirectUri(OAuthProvider provider) {
        return baseUrl.toString().replaceAll("/+$", "") + "/channels/oauth/" + provider.slug() + "/callback";
    }

    private static String defaultName(OAuthProvider provider) {
        return switch (provider.type()) {
            case X -> "X";
            case YOUTUBE -> "YouTube";
            default -> provider.type().name();
        };
    }
}
