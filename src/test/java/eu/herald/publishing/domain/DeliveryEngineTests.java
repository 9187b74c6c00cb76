package eu.herald.publishing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import eu.herald.accounts.OrganisationId;
import eu.herald.accounts.People;
import eu.herald.accounts.Role;
import eu.herald.accounts.UserId;
import eu.herald.campaigns.CampaignDirectory;
import eu.herald.campaigns.CampaignFacts;
import eu.herald.campaigns.CampaignId;
import eu.herald.campaigns.MessageId;
import eu.herald.campaigns.MessageStatus;
import eu.herald.campaigns.VariantFacts;
import eu.herald.campaigns.VariantId;
import eu.herald.channels.ChannelAccount;
import eu.herald.channels.ChannelAccountId;
import eu.herald.channels.ChannelGateway;
import eu.herald.channels.ChannelType;
import eu.herald.channels.ConnectorException;
import eu.herald.channels.Post;
import eu.herald.channels.PostMetrics;
import eu.herald.channels.Published;
import eu.herald.channels.Reaction;
import eu.herald.channels.ReactionPage;
import eu.herald.common.Channel;
import eu.herald.common.Language;
import eu.herald.notifications.Notice;
import eu.herald.notifications.Notifications;
import eu.herald.publishing.DeliveryChanged;
import eu.herald.publishing.DeliveryId;
import eu.herald.publishing.DeliveryStatus;
import eu.herald.publishing.PostPublished;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The engine's decisions on a real PostgreSQL (the publishing schema alone), with a scripted gateway standing in for
 * the platforms: what each connector outcome leads to, and that a post is never sent twice after an unknown outcome.
 * The same faults against real connectors and WireMock fakes are in the application-level fault suite.
 */
class DeliveryEngineTests {

    static EmbeddedPostgres postgres;
    static DataSource dataSource;

    final ScriptedGateway gateway = new ScriptedGateway();
    final FakeDirectory directory = new FakeDirectory();
    final List<Object> events = new ArrayList<>();
    final List<Notice> notices = new ArrayList<>();
    final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    Deliveries deliveries;
    DeliveryEngine engine;
    JdbcClient jdbc;

    @BeforeAll
    static void database() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        dataSource = postgres.getPostgresDatabase();
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/publishing")
                .load()
                .migrate();
    }

    @AfterAll
    static void stop() throws IOException {
        postgres.close();
    }

    @BeforeEach
    void engine() {
        jdbc = JdbcClient.create(dataSource);
        deliveries = new Deliveries(jdbc);
        Notifications notifications = notices::add;
        DeliveryNotices deliveryNotices = new DeliveryNotices(notifications, new NoPeople());
        engine = new DeliveryEngine(
                deliveries,
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)),
                gateway,
                directory,
                events::add,
                deliveryNotices,
                new RetryPolicy(Duration.ofSeconds(10), 2.0, 1.0, Duration.ofMinutes(10), 3),
                "node-test",
                clock);
    }

    @Test
    void publishesOnceAndTellsTheInbox() {
        DeliveryId id = scheduled();
        gateway.publishes.add(() -> new Published("109", "https://mastodon.example/@zone/109"));

        assertThat(engine.run(id)).isEmpty();

        Delivery d = deliveries.find(id).orElseThrow();
        assertThat(d.status()).isEqualTo(DeliveryStatus.PUBLISHED);
        assertThat(d.externalUrl()).isEqualTo("https://mastodon.example/@zone/109");
        assertThat(d.attempts()).isEqualTo(1);
        assertThat(gateway.published).hasSize(1);
        assertThat(events).anySatisfy(e -> assertThat(e).isInstanceOf(PostPublished.class));
        assertThat(events)
                .anySatisfy(e -> assertThat(e)
                        .isInstanceOfSatisfying(
                                DeliveryChanged.class,
                                c -> assertThat(c.change()).isEqualTo(DeliveryChanged.Change.PUBLISHED)));
        Post post = gateway.published.getFirst();
        assertThat(post.idempotencyKey()).isEqualTo(d.idempotencyKey());
        assertThat(post.title()).isEqualTo("Lock your bike");
        assertThat(post.context()).containsEntry("campaign", "Bike theft").containsEntry("organisationName", "Elsene");
    }

    @Test
    void aServerErrorIsRetriedLaterWithTheSameKeyAndPublishedOnce() {
        DeliveryId id = scheduled();
        gateway.publishes.add(() -> {
            throw new ConnectorException.Transient("HTTP 500: Internal Server Error", null, null);
        });
        gateway.publishes.add(() -> new Published("110", "https://mastodon.example/@zone/110"));

        Optional<Instant> next = engine.run(id);
        assertThat(next).isPresent();
        Delivery waiting = deliveries.find(id).orElseThrow();
        assertThat(waiting.status()).isEqualTo(DeliveryStatus.SCHEDULED);
        assertThat(waiting.lastError()).isEqualTo("HTTP 500: Internal Server Error");
        assertThat(waiting.lookupPending()).isFalse();

        clock.set(next.get());
        assertThat(engine.run(id)).isEmpty();
        Delivery d = deliveries.find(id).orElseThrow();
        assertThat(d.status()).isEqualTo(DeliveryStatus.PUBLISHED);
        assertThat(d.attempts()).isEqualTo(2);
        assertThat(gateway.published).hasSize(1);
        assertThat(gateway.keys).containsOnly(d.idempotencyKey());
        assertThat(deliveries.attempts(id))
                .extracting(Attempt::outcome)
                .containsExactly(Attempt.Outcome.TRANSIENT, Attempt.Outcome.PUBLISHED);
    }

    @Test
    void aRateLimitIsWaitedOutAtLeastAsLongAsThePlatformSays() {
        DeliveryId id = scheduled();
        gateway.publishes.add(() -> {
            throw new ConnectorException.Transient("Too many requests", Duration.ofMinutes(7), null);
        });

        Optional<Instant> next = engine.run(id);

        assertThat(next).isPresent();
        assertThat(next.get()).isAfterOrEqualTo(clock.instant().plus(Duration.ofMinutes(7)));
        assertThat(deliveries.find(id).orElseThrow().nextAttemptAt()).isEqualTo(next.get());
    }

    @Test
    void transientFaultsEndInAVisibleFailureOnceTheBudgetIsSpent() {
        DeliveryId id = scheduled();
        for (int i = 0; i < 3; i++) {
            gateway.publishes.add(() -> {
                throw new ConnectorException.Transient("HTTP 503: try later", null, null);
            });
        }
        Optional<Instant> next = engine.run(id);
        clock.set(next.orElseThrow());
        next = engine.run(id);
        clock.set(next.orElseThrow());
        assertThat(engine.run(id)).isEmpty();

        Delivery d = deliveries.find(id).orElseThrow();
        assertThat(d.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(d.attempts()).isEqualTo(3);
        assertThat(d.lastError()).isEqualTo("HTTP 503: try later");
        assertThat(notices).singleElement().satisfies(n -> {
            assertThat(n.key()).isEqualTo("publishing.notice.failed");
            assertThat(n.recipients()).containsExactlyInAnyOrder(directory.author, directory.approver);
            assertThat(n.args()).contains("HTTP 503: try later");
            assertThat(n.email()).isTrue();
        });
    }

    @Test
    void aPermanentRefusalFailsAtOnceWithThePlatformsOwnWords() {
        DeliveryId id = scheduled();
        gateway.publishes.add(() -> {
            throw new ConnectorException.Permanent("The access token was revoked", true, null);
        });

        assertThat(engine.run(id)).isEmpty();

        Delivery d = deliveries.find(id).orElseThrow();
        assertThat(d.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(d.lastError()).isEqualTo("The access token was revoked");
        assertThat(d.lastErrorKey()).isNull();
        assertThat(notices).hasSize(1);
        assertThat(events)
                .anySatisfy(e -> assertThat(e)
                        .isInstanceOfSatisfying(
                                DeliveryChanged.class,
                                c -> assertThat(c.change()).isEqualTo(DeliveryChanged.Change.FAILED)));
    }

    @Test
    void afterAnUnknownOutcomeThePostIsLookedUpAndNotSentAgain() {
        DeliveryId id = scheduled();
        gateway.publishes.add(() -> {
            gateway.accepted++;
            throw new ConnectorException.UnknownOutcome("Read timed out", null);
        });
        gateway.finds.add(() -> Optional.of(new Published("111", "https://mastodon.example/@zone/111")));

        Optional<Instant> next = engine.run(id);
        assertThat(deliveries.find(id).orElseThrow().lookupPending()).isTrue();
        clock.set(next.orElseThrow());
        assertThat(engine.run(id)).isEmpty();

        Delivery d = deliveries.find(id).orElseThrow();
        assertThat(d.status()).isEqualTo(DeliveryStatus.PUBLISHED);
        assertThat(d.externalId()).isEqualTo("111");
        assertThat(gateway.publishCalls).isEqualTo(1);
        assertThat(gateway.finds).isEmpty();
        assertThat(deliveries.attempts(id))
                .extracting(Attempt::kind, Attempt::outcome)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Attempt.Kind.SEND, Attempt.Outcome.UNKNOWN),
                        org.assertj.core.groups.Tuple.tuple(Attempt.Kind.LOOKUP, Attempt.Outcome.FOUND));
    }

    @Test
    void afterAnUnknownOutcomeAPostNotFoundIsSentAgain() {
        DeliveryId id = scheduled();
        gateway.publishes.add(() -> {
            throw new ConnectorException.UnknownOutcome("Unreadable answer: unexpected end of JSON", null);
        });
        gateway.finds.add(Optional::empty);
        gateway.publishes.add(() -> new Published("112", null));

        clock.set(engine.run(id).orElseThrow());
        assertThat(engine.run(id)).isEmpty();

        assertThat(deliveries.find(id).orElseThrow().status()).isEqualTo(DeliveryStatus.PUBLISHED);
        assertThat(gateway.publishCalls).isEqualTo(2);
    }

    @Test
    void aChannelThatCannotLookUpFailsVisiblyRatherThanRiskADuplicate() {
        DeliveryId id = scheduled();
        gateway.publishes.add(() -> {
            throw new ConnectorException.UnknownOutcome("Read timed out", null);
        });
        gateway.finds.add(() -> {
            throw new UnsupportedOperationException("press emails cannot be looked up");
        });

        clock.set(engine.run(id).orElseThrow());
        assertThat(engine.run(id)).isEmpty();

        Delivery d = deliveries.find(id).orElseThrow();
        assertThat(d.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(d.lastErrorKey()).isEqualTo(DeliveryEngine.CANNOT_LOOK_UP);
        assertThat(gateway.publishCalls).isEqualTo(1);
        assertThat(notices).singleElement().satisfies(n -> assertThat(n.key()).isEqualTo("publishing.notice.refused"));

        // a person who checked the platform retries: the same key, a fresh budget, no look-up in the way
        assertThat(deliveries.retry(id, clock.instant())).isTrue();
        gateway.publishes.add(() -> new Published("113", null));
        assertThat(engine.run(id)).isEmpty();
        Delivery retried = deliveries.find(id).orElseThrow();
        assertThat(retried.status()).isEqualTo(DeliveryStatus.PUBLISHED);
        assertThat(gateway.keys).containsOnly(retried.idempotencyKey());
    }

    @Test
    void aChannelWhoseEmptyLookUpProvesNothingFailsVisiblyAfterAnUnknownOutcome() {
        DeliveryId id = scheduled();
        gateway.canLookUp = false;
        gateway.publishes.add(() -> {
            throw new ConnectorException.UnknownOutcome("Connection reset", null);
        });

        clock.set(engine.run(id).orElseThrow());
        assertThat(engine.run(id)).isEmpty();

        assertThat(deliveries.find(id).orElseThrow().lastErrorKey()).isEqualTo(DeliveryEngine.CANNOT_LOOK_UP);
        assertThat(gateway.publishCalls).isEqualTo(1);
    }

    @Test
    void lookUpsThatKeepFailingSpendTheBudgetAndEndInAFailure() {
        DeliveryId id = scheduled();
        gateway.publishes.add(() -> {
            throw new ConnectorException.UnknownOutcome("Read timed out", null);
        });
        for (int i = 0; i < 5; i++) {
            gateway.finds.add(() -> {
                throw new ConnectorException.Transient("HTTP 502: Bad Gateway", null, null);
            });
        }
        Optional<Instant> next = engine.run(id);
        int runs = 1;
        while (next.isPresent() && runs < 10) {
            clock.set(next.get());
            next = engine.run(id);
            runs++;
        }
        Delivery d = deliveries.find(id).orElseThrow();
        assertThat(d.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(d.lastError()).isEqualTo("HTTP 502: Bad Gateway");
        assertThat(gateway.publishCalls).isEqualTo(1);
        assertThat(runs).isLessThanOrEqualTo(3);
    }

    @Test
    void aDeliveryLeftSendingByADeadNodeIsLookedUpFirstAndCompletesOnce() {
        DeliveryId id = scheduled();
        // what a node leaves behind when it dies between claiming the send and recording its outcome
        assertThat(deliveries.claimSend(id, clock.instant())).contains(1);
        deliveries.startAttempt(id, Attempt.Kind.SEND, 1, clock.instant(), "node-that-died");
        gateway.finds.add(() -> Optional.of(new Published("114", "https://mastodon.example/@zone/114")));

        clock.set(clock.instant().plusSeconds(120));
        assertThat(engine.run(id)).isEmpty();

        Delivery d = deliveries.find(id).orElseThrow();
        assertThat(d.status()).isEqualTo(DeliveryStatus.PUBLISHED);
        assertThat(d.attempts()).isEqualTo(1);
        assertThat(gateway.publishCalls).isZero();
    }

    @Test
    void theFatigueBudgetAskedAgainAtSendTimeStopsTheDelivery() {
        DeliveryId id = scheduled();
        directory.refusal = "send.refusal.fatigue";

        assertThat(engine.run(id)).isEmpty();

        Delivery d = deliveries.find(id).orElseThrow();
        assertThat(d.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(d.lastErrorKey()).isEqualTo("send.refusal.fatigue");
        assertThat(gateway.publishCalls).isZero();
        assertThat(deliveries.attempts(id))
                .singleElement()
                .satisfies(a -> assertThat(a.outcome()).isEqualTo(Attempt.Outcome.REFUSED));
    }

    @Test
    void anAccountThatNeedsReconnectingFailsTheDeliveryVisibly() {
        DeliveryId id = scheduled();
        gateway.status = ChannelAccount.Status.NEEDS_RECONNECTING;

        assertThat(engine.run(id)).isEmpty();

        assertThat(deliveries.find(id).orElseThrow().lastErrorKey()).isEqualTo(DeliveryEngine.ACCOUNT_UNAVAILABLE);
        assertThat(gateway.publishCalls).isZero();
    }

    @Test
    void aCancelledDeliveryIsNotSent() {
        DeliveryId id = scheduled();
        assertThat(deliveries.cancel(id, clock.instant())).isTrue();

        assertThat(engine.run(id)).isEmpty();

        assertThat(gateway.publishCalls).isZero();
        assertThat(deliveries.find(id).orElseThrow().status()).isEqualTo(DeliveryStatus.CANCELLED);
    }

    @Test
    void aSecondLiveDeliveryOfTheSameVariantOnTheSameAccountIsRefusedByTheDatabase() {
        DeliveryId first = scheduled();
        Delivery d = deliveries.find(first).orElseThrow();
        Delivery twin = copy(d, DeliveryId.random(), "herald-twin-" + UUID.randomUUID());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> deliveries.insert(twin))
                .isInstanceOf(org.springframework.dao.DuplicateKeyException.class);
        deliveries.cancel(first, clock.instant());
        deliveries.insert(twin);
    }

    @Test
    void theWatchdogRaisesOverdueDeliveriesOnce() {
        DeliveryId id = scheduled();
        jdbc.sql("UPDATE publishing.delivery SET next_attempt_at = now() - interval '1 hour' WHERE id = ?")
                .param(id.value())
                .update();
        Watchdog watchdog = new Watchdog(
                deliveries,
                directory,
                new DeliveryNotices(notices::add, new NoPeople()),
                events::add,
                new RetryProperties().defaults());

        int raised = watchdog.raiseStuck();

        assertThat(raised).isGreaterThanOrEqualTo(1);
        assertThat(deliveries.find(id).orElseThrow().stuck()).isTrue();
        assertThat(notices).anySatisfy(n -> assertThat(n.key()).isEqualTo("publishing.notice.stuck"));
        int before = notices.size();
        watchdog.raiseStuck();
        assertThat(notices.stream()
                        .filter(n -> n.link().equals("/deliveries/" + id))
                        .count())
                .isEqualTo(1);
        assertThat(notices.size()).isGreaterThanOrEqualTo(before);
    }

    /** PublishingProperties with its declared defaults (as Spring would bind them with nothing set). */
    static final class RetryProperties {
        PublishingProperties defaults() {
            return new PublishingProperties(
                    5,
                    Duration.ofSeconds(20),
                    2.0,
                    1.0,
                    Duration.ofMinutes(30),
                    Duration.ofMinutes(10),
                    Duration.ofMinutes(1),
                    new PublishingProperties.Scheduler(
                            32,
                            Duration.ofSeconds(1),
                            Duration.ofSeconds(30),
                            4,
                            0.5,
                            3.0,
                            Duration.ofSeconds(30),
                            true));
        }
    }

    private DeliveryId scheduled() {
        Instant now = clock.instant();
        Delivery d = new Delivery(
                DeliveryId.random(),
                directory.variant,
                new MessageId(UUID.randomUUID()),
                new CampaignId(UUID.randomUUID()),
                new OrganisationId(UUID.randomUUID()),
                "Elsene",
                gateway.account,
                "Zone Mastodon",
                "MASTODON",
                Channel.MASTODON,
                Language.NL,
                "Lock your bike",
                now,
                now,
                DeliveryStatus.SCHEDULED,
                DeliveryService.idempotencyKey(),
                0,
                0,
                false,
                null,
                null,
                null,
                null,
                null,
                false,
                null,
                now,
                now,
                null);
        deliveries.insert(d);
        return d.id();
    }

    private static Delivery copy(Delivery d, DeliveryId id, String key) {
        return new Delivery(
                id,
                d.variant(),
                d.message(),
                d.campaign(),
                d.organisation(),
                d.organisationName(),
                d.account(),
                d.accountName(),
                d.accountType(),
                d.channel(),
                d.language(),
                d.messageTitle(),
                d.scheduledAt(),
                d.nextAttemptAt(),
                DeliveryStatus.SCHEDULED,
                key,
                0,
                0,
                false,
                null,
                null,
                null,
                null,
                null,
                false,
                null,
                d.createdAt(),
                d.updatedAt(),
                null);
    }

    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

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
    }

    /** Each test's own variant, approved, with an author and an approver to tell. */
    static final class FakeDirectory implements CampaignDirectory {
        final VariantId variant = new VariantId(UUID.randomUUID());
        final UserId author = new UserId(UUID.randomUUID());
        final UserId approver = new UserId(UUID.randomUUID());

        @Nullable
        String refusal;

        @Override
        public Optional<CampaignFacts> facts(CampaignId id) {
            return Optional.empty();
        }

        @Override
        public Optional<eu.herald.campaigns.MediaFile> image(VariantId id) {
            return Optional.empty();
        }

        @Override
        public Optional<Channel> variantChannel(CampaignId campaign, VariantId variant) {
            return Optional.empty();
        }

        @Override
        public Optional<VariantFacts> variant(VariantId id) {
            return Optional.of(new VariantFacts(
                    id,
                    new MessageId(UUID.randomUUID()),
                    new CampaignId(UUID.randomUUID()),
                    new OrganisationId(UUID.randomUUID()),
                    Channel.MASTODON,
                    Language.NL,
                    "Sluit je fiets altijd op twee punten.",
                    List.of(new VariantFacts.MediaFacts("IMAGE", "lock.jpg", "Een fiets met twee sloten")),
                    MessageStatus.SCHEDULED,
                    null,
                    "Lock your bike",
                    "Bike theft",
                    "bike-theft",
                    "Fietsdiefstal",
                    List.of("Students"),
                    author,
                    approver));
        }

        @Override
        public List<VariantFacts> variants(MessageId message) {
            return List.of();
        }

        @Override
        public List<eu.herald.campaigns.VariantText> variants(eu.herald.campaigns.CampaignId campaign) {
            return List.of();
        }

        @Override
        public void reserve(VariantId id, Instant at) {}

        @Override
        public Optional<String> sendRefusal(VariantId id) {
            return Optional.ofNullable(refusal);
        }
    }

    /** Answers publish and find from scripts, and counts what reached it. */
    static final class ScriptedGateway implements ChannelGateway {
        final ChannelAccountId account = ChannelAccountId.random();
        final Deque<Supplier<Published>> publishes = new ArrayDeque<>();
        final Deque<Supplier<Optional<Published>>> finds = new ArrayDeque<>();
        final List<Post> published = new ArrayList<>();
        final List<String> keys = new ArrayList<>();
        ChannelAccount.Status status = ChannelAccount.Status.ACTIVE;
        boolean canLookUp = true;
        int publishCalls;
        int accepted;

        @Override
        public Optional<ChannelAccount> account(ChannelAccountId id) {
            return Optional.of(new ChannelAccount(
                    id,
                    new OrganisationId(UUID.randomUUID()),
                    ChannelType.MASTODON,
                    "Zone Mastodon",
                    status,
                    null,
                    null,
                    null,
                    null));
        }

        @Override
        public List<ChannelAccount> accounts(OrganisationId organisation) {
            return List.of();
        }

        @Override
        public List<ChannelAccount> activeAccounts(ChannelType... types) {
            return List.of();
        }

        @Override
        public Published publish(ChannelAccountId account, Post post) {
            publishCalls++;
            keys.add(post.idempotencyKey());
            Published result = publishes.removeFirst().get();
            published.add(post);
            return result;
        }

        @Override
        public Optional<Published> find(ChannelAccountId account, Post post) {
            keys.add(post.idempotencyKey());
            return finds.removeFirst().get();
        }

        @Override
        public boolean canLookUp(ChannelAccountId account) {
            return canLookUp;
        }

        @Override
        public void remove(ChannelAccountId account, String externalId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ReactionPage reactions(ChannelAccountId account, @Nullable String cursor) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Published reply(ChannelAccountId account, Reaction inReplyTo, String text, String idempotencyKey) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean hide(ChannelAccountId account, String reactionExternalId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Reaction> search(ChannelAccountId account, String query) {
            throw new UnsupportedOperationException();
        }

        @Override
        public PostMetrics metrics(ChannelAccountId account, String externalId) {
            throw new UnsupportedOperationException();
        }
    }

    static final class NoPeople implements People {
        @Override
        public Optional<Person> byEmail(String email) {
            return Optional.empty();
        }

        @Override
        public Optional<Contact> contact(UserId id) {
            return Optional.empty();
        }

        @Override
        public List<Contact> holding(Role role, OrganisationId organisation) {
            return List.of();
        }
    }
}
