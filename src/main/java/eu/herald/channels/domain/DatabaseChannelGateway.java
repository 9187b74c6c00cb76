package eu.herald.channels.domain;

import eu.herald.accounts.OrganisationId;
import eu.herald.channels.ChannelAccount;
import eu.herald.channels.ChannelAccountChanged;
import eu.herald.channels.ChannelAccountId;
import eu.herald.channels.ChannelGateway;
import eu.herald.channels.ChannelType;
import eu.herald.channels.ConnectorException;
import eu.herald.channels.Post;
import eu.herald.channels.PostMetrics;
import eu.herald.channels.Published;
import eu.herald.channels.Reaction;
import eu.herald.channels.ReactionPage;
import eu.herald.channels.connectors.ConnectedAccount;
import eu.herald.channels.connectors.Connector;
import eu.herald.channels.connectors.Health;
import eu.herald.common.Actor;
import eu.herald.common.Secrets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link ChannelGateway} over the account store: finds the account's connector, opens its secrets for the one call,
 * applies the local rate limit and the platform's announced one, and records what happened — last success, last
 * error, and, when the platform refuses the credentials, the account as needing reconnecting with its owners told.
 * No database transaction is held while a platform is called.
 */
@Service
public class DatabaseChannelGateway implements ChannelGateway {

    private static final Logger log = LoggerFactory.getLogger(DatabaseChannelGateway.class);

    private final ChannelAccounts accounts;
    private final SealedSecrets sealed;
    private final LocalRateLimits limits;
    private final Owners owners;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate ownTransaction;
    private final Map<ChannelType, Connector> connectors = new EnumMap<>(ChannelType.class);
    private final Clock clock = Clock.systemUTC();

    DatabaseChannelGateway(
            ChannelAccounts accounts,
            SealedSecrets sealed,
            LocalRateLimits limits,
            Owners owners,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactions,
            List<Connector> connectors) {
        this.accounts = accounts;
        this.sealed = sealed;
        this.limits = limits;
        this.owners = owners;
        this.events = events;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        for (Connector connector : connectors) {
            if (this.connectors.put(connector.type(), connector) != null) {
                throw new IllegalStateException("Two connectors for " + connector.type());
            }
        }
    }

    /** The connector for a type, if this build has one. */
    Optional<Connector> connector(ChannelType type) {
        return Optional.ofNullable(connectors.get(type));
    }

    @Override
    public Optional<ChannelAccount> account(ChannelAccountId id) {
        return accounts.find(id).map(StoredAccount::account);
    }

    @Override
    public List<ChannelAccount> accounts(OrganisationId organisation) {
        return accounts.ofOrganisation(organisation).stream()
                .map(StoredAccount::account)
                .toList();
    }

    @Override
    public List<ChannelAccount> activeAccounts(ChannelType... types) {
        if (types.length == 0) {
            return List.of();
        }
        return accounts.active(types).stream().map(StoredAccount::account).toList();
    }

    @Override
    public Published publish(ChannelAccountId account, Post post) {
        return call(account, c -> connectorOf(c).publish(c, post));
    }

    @Override
    public Optional<Published> find(ChannelAccountId account, Post post) {
        return call(account, c -> connectorOf(c).find(c, post));
    }

    @Override
    public boolean canLookUp(ChannelAccountId account) {
        return account(account)
                .flatMap(a -> connector(a.type()))
                .map(Connector::canLookUp)
                .orElse(true);
    }

    @Override
    public void remove(ChannelAccountId account, String externalId) {
        call(account, c -> {
            connectorOf(c).remove(c, externalId);
            return Boolean.TRUE;
        });
    }

    @Override
    public ReactionPage reactions(ChannelAccountId account, @Nullable String cursor) {
        return call(account, c -> connectorOf(c).reactions(c, cursor));
    }

    @Override
    public Published reply(ChannelAccountId account, Reaction inReplyTo, String text, String idempotencyKey) {
        return call(account, c -> connectorOf(c).reply(c, inReplyTo, text, idempotencyKey));
    }

    @Override
    public boolean hide(ChannelAccountId account, String reactionExternalId) {
        return call(account, c -> connectorOf(c).hide(c, reactionExternalId));
    }

    @Override
    public List<Reaction> search(ChannelAccountId account, String query) {
        return call(account, c -> connectorOf(c).search(c, query));
    }

    @Override
    public PostMetrics metrics(ChannelAccountId account, String externalId) {
        return call(account, c -> connectorOf(c).metrics(c, externalId));
    }

    /**
     * Asks the platform about the account (any status but disabled) and records its health; an account needing
     * reconnecting stays so until an owner enters new credentials.
     */
    public Health check(ChannelAccountId id) {
        StoredAccount stored = accounts.find(id).orElseThrow(() -> gone(id));
        if (stored.account().status() == ChannelAccount.Status.DISABLED) {
            throw new ConnectorException.Permanent("The account is disabled", false, null);
        }
        Health health = invoke(stored, c -> connectorOf(c).check(c));
        accounts.health(id, health, clock.instant());
        return health;
    }

    /**
     * Checks credentials that are not stored yet (connecting or reconnecting): refreshed secrets land in
     * {@code refreshed}.
     */
    Health checkUnsaved(
            ChannelAccount account,
            Map<String, String> settings,
            Map<String, String> secrets,
            Map<String, String> refreshed) {
        Connector connector = connector(account.type())
                .orElseThrow(() -> new ConnectorException.Permanent(
                        "This Herald has no connector for " + account.type(), false, null));
        limits.acquire(account.type(), account.id());
        ConnectedAccount connected =
                new ConnectedAccount(account, settings, secrets, (values, expiresAt) -> refreshed.putAll(values));
        return connector.check(connected);
    }

    private <T> T call(ChannelAccountId id, Function<ConnectedAccount, T> operation) {
        StoredAccount stored = accounts.find(id).orElseThrow(() -> gone(id));
        switch (stored.account().status()) {
            case ACTIVE -> {}
            case DISABLED -> throw new ConnectorException.Permanent("The account is disabled in Herald", false, null);
            case NEEDS_RECONNECTING ->
                throw new ConnectorException.Permanent(
                        "The platform refused the account's credentials: an owner must reconnect it in Herald",
                        false,
                        null);
        }
        Instant now = clock.instant();
        if (stored.rateLimitRemaining() != null
                && stored.rateLimitRemaining() == 0
                && stored.rateLimitResetAt() != null
                && stored.rateLimitResetAt().isAfter(now)) {
            throw new ConnectorException.Transient(
                    "The platform's rate limit for this account is used up until " + stored.rateLimitResetAt(),
                    Duration.between(now, stored.rateLimitResetAt()),
                    null);
        }
        return invoke(stored, operation);
    }

    private <T> T invoke(StoredAccount stored, Function<ConnectedAccount, T> operation) {
        ChannelAccountId id = stored.id();
        limits.acquire(stored.type(), id);
        try {
            ConnectedAccount connected = new ConnectedAccount(
                    stored.account(),
                    stored.settings(),
                    openSecrets(stored),
                    (secrets, expiresAt) ->
                            accounts.storeSecrets(id, sealed.seal(id, secrets), expiresAt, clock.instant()));
            T result = operation.apply(connected);
            accounts.success(id, clock.instant());
            return result;
        } catch (ConnectorException e) {
            accounts.failure(id, e.explanation(), clock.instant());
            if (e instanceof ConnectorException.Permanent permanent && permanent.credentialsRejected()) {
                needsReconnecting(stored, e.explanation());
            }
            throw e;
        }
    }

    /**
     * The account's secrets; if they do not open (changed in the database, or HERALD_SECRET_KEY changed) the account
     * needs new credentials, exactly as if the platform had refused them.
     */
    private Map<String, String> openSecrets(StoredAccount stored) {
        try {
            return sealed.open(stored.id(), stored.sealedSecrets());
        } catch (Secrets.TamperedException e) {
            log.warn(
                    "The stored credentials of channel account {} do not open: changed, or another secret key",
                    stored.id());
            throw new ConnectorException.Permanent(
                    "Herald cannot open the stored credentials (they were changed, or HERALD_SECRET_KEY changed):"
                            + " reconnect the account",
                    true,
                    null);
        }
    }

    /** Once per revocation: the first caller to move the account out of ACTIVE tells its owners. */
    private void needsReconnecting(StoredAccount stored, String explanation) {
        ChannelAccount account = stored.account();
        ownTransaction.executeWithoutResult(tx -> {
            if (!accounts.changeStatus(
                    account.id(),
                    ChannelAccount.Status.ACTIVE,
                    ChannelAccount.Status.NEEDS_RECONNECTING,
                    clock.instant())) {
                return;
            }
            log.info(
                    "Channel account {} ({}) needs reconnecting: the platform refused its credentials",
                    account.id(),
                    account.type());
            events.publishEvent(new ChannelAccountChanged(
                    Actor.SYSTEM,
                    "channels.account.status-changed",
                    account.id(),
                    account.organisation().value(),
                    Map.of("status", ChannelAccount.Status.ACTIVE.name()),
                    Map.of("status", ChannelAccount.Status.NEEDS_RECONNECTING.name(), "reason", explanation)));
            owners.tell(
                    account.organisation(),
                    "channels.notice.reconnect",
                    List.of(account.name(), account.type().name(), explanation),
                    "/channels/" + account.id());
        });
    }

    private Connector connectorOf(ConnectedAccount account) {
        Connector connector = connectors.get(account.account().type());
        if (connector == null) {
            throw new ConnectorException.Permanent(
                    "This Herald has no connector for " + account.account().type() + " yet", false, null);
        }
        return connector;
    }

    private static ConnectorException gone(ChannelAccountId id) {
        return new ConnectorException.Permanent("The channel account " + id + " does not exist", false, null);
    }
}
