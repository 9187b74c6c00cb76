package eu.herald.channels.domain;

import eu.herald.accounts.Access;
import eu.herald.accounts.OrganisationId;
import eu.herald.accounts.Role;
import eu.herald.channels.ChannelAccount;
import eu.herald.channels.ChannelAccountChanged;
import eu.herald.channels.ChannelAccountId;
import eu.herald.channels.ChannelType;
import eu.herald.channels.ConnectorException;
import eu.herald.channels.connectors.Connector;
import eu.herald.channels.connectors.Health;
import eu.herald.channels.connectors.Setting;
import eu.herald.channels.connectors.press.PressContact;
import eu.herald.common.Actor;
import eu.herald.common.NotFoundException;
import eu.herald.common.RefusedException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Connects, reconnects, checks and disables an organisation's channel accounts. Owners (ADMIN, COMMUNICATOR of the
 * organisation or above) manage; MODERATORs and ANALYSTs read. Accounts outside the user's reach do not exist for
 * them. New settings are checked with the platform before anything is saved.
 */
@Service
public class ChannelAccountService {

    static final List<Role> OWNERS = List.of(Role.ADMIN, Role.COMMUNICATOR);
    static final List<Role> READERS = List.of(Role.ADMIN, Role.COMMUNICATOR, Role.MODERATOR, Role.ANALYST);
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private final ChannelAccounts accounts;
    private final DatabaseChannelGateway gateway;
    private final SealedSecrets sealed;
    private final Access access;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock = Clock.systemUTC();

    ChannelAccountService(
            ChannelAccounts accounts,
            DatabaseChannelGateway gateway,
            SealedSecrets sealed,
            Access access,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactions) {
        this.accounts = accounts;
        this.gateway = gateway;
        this.sealed = sealed;
        this.access = access;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** The types this Herald can connect (those with a connector), in their declared order. */
    public List<ChannelType> connectableTypes() {
        return Arrays.stream(ChannelType.values())
                .filter(t -> gateway.connector(t).isPresent())
                .toList();
    }

    /** What an owner enters for a type. */
    public List<Setting> settings(ChannelType type) {
        return gateway.connector(type).map(Connector::settings).orElseGet(() -> Setting.defaultsFor(type));
    }

    public boolean canManage(OrganisationId organisation) {
        return OWNERS.stream().anyMatch(role -> access.currentUserCan(role, organisation));
    }

    public boolean canRead(OrganisationId organisation) {
        return READERS.stream().anyMatch(role -> access.currentUserCan(role, organisation));
    }

    public List<AccountView> accounts(OrganisationId organisation) {
        if (!canRead(organisation)) {
            throw new NotFoundException("organisation");
        }
        boolean manageable = canManage(organisation);
        return accounts.ofOrganisation(organisation).stream()
                .map(a -> view(a, manageable))
                .toList();
    }

    public AccountView account(ChannelAccountId id) {
        StoredAccount stored = readable(id);
        return view(stored, canManage(stored.organisation()));
    }

    /**
     * Connects an account: the values are validated per the type's settings, checked with the platform, then the
     * secrets sealed and stored. A failed check saves nothing.
     */
    public ChannelAccount connect(
            OrganisationId organisation, ChannelType type, String name, Map<String, String> values) {
        if (!canManage(organisation)) {
            throw new NotFoundException("organisation");
        }
        if (gateway.connector(type).isEmpty()) {
            throw new RefusedException("channels.type.unavailable", type.name());
        }
        String cleanName = name(name);
        if (accounts.nameTaken(organisation, cleanName, null)) {
            throw new RefusedException("channels.name.taken", cleanName);
        }
        Split split = split(type, values, Map.of());
        ChannelAccountId id = ChannelAccountId.random();
        ChannelAccount draft = new ChannelAccount(
                id, organisation, type, cleanName, ChannelAccount.Status.ACTIVE, null, null, null, null);
        Map<String, String> secrets = new HashMap<>(split.secrets());
        Health health = check(draft, split.settings(), secrets);
        Instant now = clock.instant();
        ChannelAccount account = new ChannelAccount(
                id,
                organisation,
                type,
                cleanName,
                ChannelAccount.Status.ACTIVE,
                health.handle(),
                health.profileUrl(),
                now,
                health.tokenExpiresAt());
        transaction.executeWithoutResult(tx -> {
            if (accounts.nameTaken(organisation, cleanName, null)) {
                throw new RefusedException("channels.name.taken", cleanName);
            }
            accounts.insert(
                    new StoredAccount(
                            account,
                            split.settings(),
                            sealed.seal(id, secrets),
                            null,
                            null,
                            now,
                            health.rateLimitRemaining(),
                            health.rateLimitResetAt(),
                            0),
                    now);
            events.publishEvent(new ChannelAccountChanged(
                    Actor.current(),
                    "channels.account.connected",
                    id,
                    organisation.value(),
                    Map.of(),
                    summary(account, split.settings())));
        });
        return account;
    }

    /**
     * New credentials or settings for an account (also one needing reconnecting or disabled): a secret left blank
     * keeps the stored one. Checked with the platform first; on success the account is active again.
     */
    public ChannelAccount reconnect(ChannelAccountId id, int version, String name, Map<String, String> values) {
        StoredAccount stored = manageable(id);
        String cleanName = name(name);
        if (accounts.nameTaken(stored.organisation(), cleanName, id)) {
            throw new RefusedException("channels.name.taken", cleanName);
        }
        if (stored.version() != version) {
            throw new org.springframework.dao.OptimisticLockingFailureException("channel account changed meanwhile");
        }
        Map<String, String> current = sealed.open(id, stored.sealedSecrets());
        Split split = split(stored.type(), values, current);
        Map<String, String> secrets = new HashMap<>(split.secrets());
        Health health = check(stored.account(), split.settings(), secrets);
        transaction.executeWithoutResult(tx -> {
            accounts.reconnect(
                    id, version, cleanName, split.settings(), sealed.seal(id, secrets), health, clock.instant());
            Map<String, Object> before = summary(stored.account(), stored.settings());
            Map<String, Object> after = new LinkedHashMap<>(summary(stored.account(), split.settings()));
            after.put("name", cleanName);
            after.put("status", ChannelAccount.Status.ACTIVE.name());
            if (health.handle() != null) {
                after.put("handle", health.handle());
            }
            after.put("credentialsReplaced", !secrets.equals(current));
            events.publishEvent(new ChannelAccountChanged(
                    Actor.current(),
                    "channels.account.reconnected",
                    id,
                    stored.organisation().value(),
                    before,
                    after));
        });
        return accounts.find(id).orElseThrow().account();
    }

    public void disable(ChannelAccountId id, int version) {
        StoredAccount stored = manageable(id);
        if (stored.account().status() == ChannelAccount.Status.DISABLED) {
            return;
        }
        transaction.executeWithoutResult(tx -> {
            accounts.disable(id, version, clock.instant());
            events.publishEvent(new ChannelAccountChanged(
                    Actor.current(),
                    "channels.account.disabled",
                    id,
                    stored.organisation().value(),
                    Map.of("status", stored.account().status().name()),
                    Map.of("status", ChannelAccount.Status.DISABLED.name())));
        });
    }

    /** Asks the platform now; a refusal of the credentials marks the account and tells its owners. */
    public Health checkNow(ChannelAccountId id) {
        manageable(id);
        return gateway.check(id);
    }

    private Health check(ChannelAccount draft, Map<String, String> settings, Map<String, String> secrets) {
        try {
            Map<String, String> refreshed = new HashMap<>();
            Health health = gateway.checkUnsaved(draft, settings, secrets, refreshed);
            secrets.putAll(refreshed);
            return health;
        } catch (ConnectorException e) {
            throw new CheckFailedException(e.explanation());
        }
    }

    private StoredAccount readable(ChannelAccountId id) {
        StoredAccount stored = accounts.find(id).orElseThrow(() -> new NotFoundException("channel account"));
        if (!canRead(stored.organisation())) {
            throw new NotFoundException("channel account");
        }
        return stored;
    }

    private StoredAccount manageable(ChannelAccountId id) {
        StoredAccount stored = accounts.find(id).orElseThrow(() -> new NotFoundException("channel account"));
        if (!canManage(stored.organisation())) {
            throw new NotFoundException("channel account");
        }
        return stored;
    }

    private static String name(String name) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty()) {
            throw new RefusedException("channels.name.missing");
        }
        if (clean.length() > 100) {
            throw new RefusedException("channels.name.tooLong");
        }
        return clean;
    }

    record Split(Map<String, String> settings, Map<String, String> secrets) {}

    /** Validates the entered values per the type's settings; a blank secret keeps {@code currentSecrets}' value. */
    private Split split(ChannelType type, Map<String, String> values, Map<String, String> currentSecrets) {
        Map<String, String> settings = new LinkedHashMap<>();
        Map<String, String> secrets = new LinkedHashMap<>();
        Set<String> known = new TreeSet<>();
        for (Setting setting : settings(type)) {
            known.add(setting.key());
            String value = values.getOrDefault(setting.key(), "");
            value = value == null ? "" : value.strip();
            if (value.isEmpty() && setting.secret() && currentSecrets.containsKey(setting.key())) {
                value = currentSecrets.get(setting.key());
            }
            if (value.isEmpty()) {
                if (setting.required()) {
                    throw new RefusedException("channels.setting.missing", label(setting));
                }
                continue;
            }
            if (value.length() > (setting.kind() == Setting.Kind.LINES ? 20_000 : 2_000)) {
                throw new RefusedException("channels.setting.tooLong", label(setting));
            }
            value = validate(setting, value);
            (setting.secret() ? secrets : settings).put(setting.key(), value);
        }
        for (String key : values.keySet()) {
            if (!known.contains(key)) {
                throw new RefusedException("channels.setting.unknown", key);
            }
        }
        return new Split(settings, secrets);
    }

    private static String validate(Setting setting, String value) {
        return switch (setting.kind()) {
            case URL -> {
                try {
                    URI uri = new URI(value);
                    String scheme =
                            uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                    if (!(scheme.equals("https") || scheme.equals("http"))
                            || uri.getHost() == null
                            || uri.getUserInfo() != null) {
                        throw new RefusedException("channels.invalid.url", label(setting));
                    }
                } catch (URISyntaxException e) {
                    throw new RefusedException("channels.invalid.url", label(setting));
                }
                yield value;
            }
            case EMAIL -> {
                if (!EMAIL.matcher(value).matches()) {
                    throw new RefusedException("channels.invalid.email", label(setting));
                }
                yield value;
            }
            case LINES -> {
                try {
                    yield PressContact.format(PressContact.parse(value));
                } catch (PressContact.InvalidLine e) {
                    String key = switch (e.problem()) {
                        case "email" -> "channels.press.contact.email";
                        case "kind" -> "channels.press.contact.kind";
                        case "empty" -> "channels.press.contact.empty";
                        default -> "channels.press.contact.format";
                    };
                    throw new RefusedException(key, e.line());
                }
            }
            case TEXT, PASSWORD -> value;
        };
    }

    private static DefaultMessageSourceResolvable label(Setting setting) {
        return new DefaultMessageSourceResolvable("channels.setting." + setting.key());
    }

    private static Map<String, Object> summary(ChannelAccount account, Map<String, String> settings) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("type", account.type().name());
        summary.put("name", account.name());
        summary.put("status", account.status().name());
        if (account.handle() != null) {
            summary.put("handle", account.handle());
        }
        summary.put("settings", Map.copyOf(settings));
        return summary;
    }

    private AccountView view(StoredAccount a, boolean manageable) {
        Set<String> stored;
        try {
            stored = new TreeSet<>(sealed.open(a.id(), a.sealedSecrets()).keySet());
        } catch (eu.herald.common.Secrets.TamperedException e) {
            stored = Set.of();
        }
        return new AccountView(
                a.account(),
                a.settings(),
                stored,
                a.lastErrorAt(),
                a.lastError(),
                a.lastCheckedAt(),
                a.rateLimitRemaining(),
                a.rateLimitResetAt(),
                a.version(),
                manageable);
    }
}
