package eu.herald.channels.connectors.support;

import eu.herald.channels.connectors.ConnectedAccount;
import eu.herald.channels.connectors.support.PlatformHttp.Call;
import java.net.http.HttpRequest;
import java.util.HashMap;
import java.util.Map;
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

    private final ConnectedAccount account;
    private final PlatformHttp http;
    private final OAuth2Client oauth;
    private final Map<String, String> secrets;
    private final @Nullable String defaultClientId;
    private final @Nullable String defaultClientSecret;
    private boolean refreshed;

    public OAuthSession(
            ConnectedAccount account,
            PlatformHttp http,
            OAuth2Client oauth,
            @Nullable String defaultClientId,
            @Nullable String defaultClientSecret) {
        this.account = account;
        this.http = http;
        this.oauth = oauth;
        this.defaultClientId = defaultClientId;
        this.defaultClientSecret = defaultClientSecret;
        this.secrets = new HashMap<>(account.secrets());
    }

    public PlatformResponse send(Function<String, HttpRequest.Builder> request, Call call) {
        PlatformResponse response = http.send(request.apply(secrets.get("accessToken")), call);
        if (response.status() == 401 && !refreshed && secrets.get("refreshToken") != null) {
            refresh();
            // The platform refused the first request outright, so sending it again cannot duplicate anything.
            response = http.send(request.apply(secrets.get("accessToken")), call);
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
