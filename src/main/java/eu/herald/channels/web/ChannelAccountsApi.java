package eu.herald.channels.web;

import eu.herald.accounts.OrganisationId;
import eu.herald.channels.ChannelAccount;
import eu.herald.channels.ChannelAccountId;
import eu.herald.channels.ChannelType;
import eu.herald.channels.domain.AccountView;
import eu.herald.channels.domain.ChannelAccountService;
import eu.herald.common.RefusedException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Channel accounts: connect (checked with the platform first), read with their health, reconnect, check, disable. */
@RestController
@RequestMapping("/api/v1/channel-accounts")
@Tag(name = "Channel accounts", description = "Accounts an organisation publishes to; credentials are never returned")
class ChannelAccountsApi {

    private final ChannelAccountService accounts;

    ChannelAccountsApi(ChannelAccountService accounts) {
        this.accounts = accounts;
    }

    /**
     * @param settings per type (see the README): e.g. MASTODON {@code baseUrl}, {@code accessToken}; PRESS
     *     {@code contacts} as a list of {@code {"name", "email", "kind"}} or lines
     */
    record ConnectRequest(
            @NotBlank(message = "{form.required}") String type,

            @NotBlank(message = "{form.required}") @Size(max = 100, message = "{form.tooLong}")
            String name,

            @NotNull(message = "{form.required}") UUID organisationId,
            @Nullable Map<String, Object> settings) {}

    record ReconnectRequest(
            @NotBlank(message = "{form.required}") @Size(max = 100, message = "{form.tooLong}")
            String name,

            @NotNull(message = "{form.required}") Integer version,
            @Nullable Map<String, Object> settings) {}

    record VersionRequest(
            @NotNull(message = "{form.required}") Integer version) {}

    record HealthJson(
            @Nullable Instant lastSuccessAt,
            @Nullable Instant lastCheckedAt,
            @Nullable Instant lastErrorAt,
            @Nullable String lastError,
            @Nullable Instant tokenExpiresAt,
            @Nullable Long rateLimitRemaining,
            @Nullable Instant rateLimitResetAt) {}

    record AccountJson(
            UUID id,
            UUID organisationId,
            ChannelType type,
            String name,
            ChannelAccount.Status status,
            @Nullable String handle,
            @Nullable String profileUrl,
            Map<String, String> settings,
            Set<String> secretsStored,
            HealthJson health,
            int version) {

        static AccountJson of(AccountView v) {
            ChannelAccount a = v.account();
            return new AccountJson(
                    a.id().value(),
                    a.organisation().value(),
                    a.type(),
                    a.name(),
                    a.status(),
                    a.handle(),
                    a.profileUrl(),
                    v.settings(),
                    v.storedSecrets(),
                    new HealthJson(
                            a.lastSuccessAt(),
                            v.lastCheckedAt(),
                            v.lastErrorAt(),
                            v.lastError(),
                            a.tokenExpiresAt(),
                            v.rateLimitRemaining(),
                            v.rateLimitResetAt()),
                    v.version());
        }
    }

    @PostMapping
    @Operation(summary = "Connect a channel account (ADMIN or COMMUNICATOR of the organisation); checked first")
    ResponseEntity<AccountJson> connect(@Valid @RequestBody ConnectRequest request) {
        ChannelType type = type(request.type());
        ChannelAccount account = accounts.connect(
                new OrganisationId(request.organisationId()), type, request.name(), values(request.settings()));
        return ResponseEntity.created(URI.create("/api/v1/channel-accounts/" + account.id()))
                .body(AccountJson.of(accounts.account(account.id())));
    }

    @GetMapping
    @Operation(summary = "The organisation's channel accounts with their health")
    List<AccountJson> list(@RequestParam UUID organisationId) {
        return accounts.accounts(new OrganisationId(organisationId)).stream()
                .map(AccountJson::of)
                .toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One channel account with its health (never its credentials)")
    AccountJson get(@PathVariable UUID id) {
        return AccountJson.of(accounts.account(new ChannelAccountId(id)));
    }

    @PutMapping("/{id}")
    @Operation(
            summary = "Reconnect: new settings or credentials (a secret left out keeps the stored one); checked first")
    AccountJson reconnect(@PathVariable UUID id, @Valid @RequestBody ReconnectRequest request) {
        ChannelAccountId account = new ChannelAccountId(id);
        accounts.reconnect(account, request.version(), request.name(), values(request.settings()));
        return AccountJson.of(accounts.account(account));
    }

    @PostMapping("/{id}/check")
    @Operation(summary = "Ask the platform now; a refused credential marks the account as needing reconnecting")
    AccountJson check(@PathVariable UUID id) {
        ChannelAccountId account = new ChannelAccountId(id);
        try {
            accounts.checkNow(account);
        } catch (eu.herald.channels.ConnectorException e) {
            // recorded as the account's last error, shown in its health
        }
        return AccountJson.of(accounts.account(account));
    }

    @PostMapping("/{id}/disable")
    @Operation(summary = "Disable the account: nothing is published through it any more")
    AccountJson disable(@PathVariable UUID id, @Valid @RequestBody VersionRequest request) {
        ChannelAccountId account = new ChannelAccountId(id);
        accounts.disable(account, request.version());
        return AccountJson.of(accounts.account(account));
    }

    private static ChannelType type(String type) {
        try {
            return ChannelType.valueOf(type.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new RefusedException("channels.type.unknown", type);
        }
    }

    /** Settings as text; a PRESS list of contact objects becomes one line per contact. */
    private static Map<String, String> values(@Nullable Map<String, Object> settings) {
        Map<String, String> values = new LinkedHashMap<>();
        if (settings == null) {
            return values;
        }
        settings.forEach((key, value) -> {
            if (value == null) {
                return;
            }
            if (value instanceof List<?> list) {
                List<String> lines = new ArrayList<>();
                for (Object item : list) {
                    if (item instanceof Map<?, ?> contact) {
                        lines.add(text(contact.get("name")) + "; " + text(contact.get("email")) + "; "
                                + text(contact.get("kind")));
                    } else {
                        lines.add(text(item));
                    }
                }
                values.put(key, String.join("\n", lines));
            } else if (value instanceof Map<?, ?>) {
                throw new RefusedException("channels.setting.notText", key);
            } else {
                values.put(key, String.valueOf(value));
            }
        });
        return values;
    }

    private static String text(@Nullable Object value) {
        return value == null ? "" : String.valueOf(value).replace(';', ',').replaceAll("\\R", " ");
    }
}
