package eu.herald.channels.connectors.support;

import eu.herald.channels.connectors.ConnectedAccount;
import eu.herald.channels.connectors.Setting;
import eu.herald.channels.connectors.support.PlatformHttp.Call;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One call's use of an OAuth 2.0 account: sends with the stored access token; on a 401 refreshes once, stores the
 * new tokens through the account's secrets sink before using them (X rotates refresh tokens: losing the new one
 * would lock the account out), and sends again. Secrets: {@code accessToken}, {@code refreshToken}, optional
 * {@code clientSecret}; setting {@code clientId}. Without them on the account, Herald's configured client is used
 * (the one the OAuth connect flow authorised).
 */
public final class OAuthSession {

    /** What every OAuth 2.0 account holds, normally filled in by the connect flow (entered by hand, Herald's client). */
    public static final List<Setting> SETTINGS = List.of(
            new Setting("accessToken", Setting.Kind.PASSWORD, true, true),
            new Setting("refreshToken", Setting.Kind.PASSWORD, true, false),
            new Setting("clientId", Setting.Kind.TEXT, false, false),
            new Setting("clientSecret", Setting.Kind.PASSWORD, true, false));

    /**
     * One platform's way to its accounts: the HTTP helper, its token endpoint and Herald's own OAuth client (null
     * when not configured). Each call opens a session of its own.
     */
    public record Platform(
            PlatformHttp http,
            OAuth2Client oauth,
            @Nullable String defaultClientId,
            @Nullable String defaultClientSecret) {

        public Platform(
                PlatformHttp http,
                URI tokenUrl,
                OAuth2Client.ClientAuthentication authentication,
                @Nullable String defaultClientId,
                @Nullable String defaultClientSecret) {
            this(http, new OAuth2Client(http, tokenUrl, authentication), defaultClientId, defaultClientSecret);
        }

        public OAuthSession open(ConnectedAccount account, Consumer<PlatformResponse> observer) {
            return new OAuthSession(account, http, oauth, defaultClientId, defaultClientSecret, observer);
        }

        public OAuthSession open(ConnectedAccount account) {
            return open(account, response -> {});
        }

        /** The same platform through another helper (e.g. longer timeouts for an upload); tokens still refresh here. */
        public Platform through(PlatformHttp other) {
            return new Platform(other, oauth, defaultClientId, defaultClientSecret);
        }
    }

    private final ConnectedAccount account;
    private final PlatformHttp http;
    private final OAuth2Client oauth;
    private final Map<String, String> secrets;
    private final @Nullable String defaultClientId;
    private final @Nullable String defaultClientSecret;
    private final Consumer<PlatformResponse> observer;
    private boolean refreshed;

    private OAuthSession(
            ConnectedAccount account,
            PlatformHttp http,
            OAuth2Client oauth,
            @Nullable String defaultClientId,
            @Nullable String defaultClientSecret,
            Consumer<PlatformResponse> observer) {
        this.account = account;
        this.observer = observer;
        this.http = http;
        this.oauth = oauth;
        this.defaultClientId = defaultClientId;
        this.defaultClientSecret = defaultClientSecret;
        this.secrets = new HashMap<>(account.secrets());
    }

    public PlatformResponse send(Function<String, HttpRequest.Builder> request, Call call) {
        PlatformResponse response = http.send(request.apply(secrets.get("accessToken")), call);
        observer.accept(response);
        if (response.status() == 401 && !refreshed && secrets.get("refreshToken") != null) {
            refresh();
            // The platform refused the first request outright, so sending it again cannot duplicate anything.
            response = http.send(request.apply(secrets.get("accessToken")), call);
            observer.accept(response);
        }
        return response;
    }

    private void refresh() {
        refreshed = true;
        String clientId = account.settings().getOrDefault("clientId", defaultClientId);
        if (clientId == null) {
            throw new eu.herald.channels.ConnectorException.Permanent(
                    http.platform() + " refused the access token and this Herald has no OAuth client to refresh it"
                            + " with: reconnect the account",
                    true,
                    null);
        }
        String clientSecret = account.optionalSecret("clientSecret");
        OAuth2Client.Tokens tokens = oauth.refresh(
                clientId, clientSecret != null ? clientSecret : defaultClientSecret, secrets.get("refreshToken"));
        Map<String, String> fresh = new HashMap<>(secrets);
        fresh.put("accessToken", tokens.accessToken());
        if (tokens.refreshToken() != null) {
            fresh.put("refreshToken", tokens.refreshToken());
        }
        secrets.putAll(Secrets.store(account, fresh, tokens.expiresAt()));
    }
}
