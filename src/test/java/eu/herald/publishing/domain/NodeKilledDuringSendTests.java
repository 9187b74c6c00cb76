package eu.herald.publishing.domain;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.jayway.jsonpath.JsonPath;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import eu.herald.HeraldTest;
import eu.herald.campaigns.CampaignDirectory;
import eu.herald.channels.ChannelGateway;
import eu.herald.publishing.DeliveryId;
import eu.herald.publishing.DeliveryStatus;
import eu.herald.publishing.PlatformFake;
import eu.herald.publishing.PublishingFixtures;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A node killed during a send, and the delivery completed once by another node.
 *
 * <p>How it is realised: two db-scheduler instances on the same PostgreSQL. "Node A" is a second scheduler built
 * here exactly as Herald builds its own ({@link PublishingScheduler#create}, the same delivery task and engine), but
 * on a connection pool of its own; the application's scheduler is "node B" and is paused while node A picks the
 * delivery. Node A claims the send (committed: SENDING, attempt 1) and calls the platform, whose WireMock fake takes
 * the post and holds its answer. While it holds, node A is killed the way a dead process looks to the others: its
 * connection pool is closed, so nothing it does afterwards — recording the outcome, heartbeats, rescheduling — reaches
 * the database, and its scheduler is stopped. Node B resumes; its dead-execution detection finds node A's execution
 * with a stale heartbeat (4 × 500 ms in tests) and revives it; the engine sees "SENDING" left behind, treats it as an
 * unknown outcome and looks the post up before anything else. A second JVM would be closer still, but a closed pool
 * cuts node A off the database just as completely, and keeps the test inside one build.
 */
@HeraldTest
class NodeKilledDuringSendTests {

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").containerThreads(20))
            .build();

    static PublishingFixtures fixtures;
    static PublishingFixtures.ApprovedMessage message;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    HikariDataSource dataSource;

    @Autowired
    Scheduler nodeB;

    @Autowired
    ChannelGateway gateway;

    @Autowired
    CampaignDirectory directory;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    DeliveryNotices notices;

    @Autowired
    RetryPolicy retries;

    @Autowired
    PublishingProperties properties;

    static Stream<PlatformFake> platforms() {
        return Stream.of(new PlatformFake.Mastodon(), new PlatformFake.Webhook(), new PlatformFake.Bluesky());
    }

    @BeforeEach
    void message() {
        if (fixtures == null) {
            fixtures = new PublishingFixtures("http://127.0.0.1:" + port, jdbc);
            message = fixtures.approvedMessage(
                    PublishingFixtures.unique("Node killed"), List.of("MASTODON", "WEBSITE", "BLUESKY"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("platforms")
    void aNodeKilledDuringASendIsTakenOverAndTheDeliveryCompletesOnce(PlatformFake platform) throws Exception {
        String prefix = PlatformFake.prefix();
        String account = fixtures.account(
                platform.type(), PublishingFixtures.unique(platform.type()), platform.connect(wm, prefix));
        String text = PublishingFixtures.dutch();
        // the platform takes the post at once but answers only after node A is dead
        platform.answers(
                wm,
                prefix,
                List.of(platform.accepted("301", text).withFixedDelay(2500), platform.accepted("301", text)));
        platform.postExists(wm, prefix, "301", text);

        HikariConfig config = new HikariConfig();
        config.setPoolName("node-A");
        config.setJdbcUrl(dataSource.getJdbcUrl());
        config.setUsername(dataSource.getUsername());
        config.setMaximumPoolSize(4);
        HikariDataSource nodeAPool = new HikariDataSource(config);
        DeliveryEngine nodeAEngine = new DeliveryEngine(
                new Deliveries(JdbcClient.create(nodeAPool)),
                new TransactionTemplate(new DataSourceTransactionManager(nodeAPool)),
                gateway,
                directory,
                events,
                notices,
                retries,
                "node-A",
                Clock.systemUTC());
        Scheduler nodeA = PublishingScheduler.create(
                nodeAPool,
                List.of(PublishingScheduler.deliveryTask(nodeAEngine)),
                List.of(),
                new PublishingProperties.Scheduler(
                        2, Duration.ofMillis(100), Duration.ofMillis(500), 4, 0.5, 1.0, Duration.ofMillis(200), true),
                "node-A");

        nodeB.pause();
        String delivery;
        try {
            String body = fixtures.deliver(
                    message.variant(platform.channel(), "nl"),
                    account,
                    Instant.now().toString(),
                    201);
            delivery = JsonPath.read(body, "$.id");
            nodeA.start();

            await().atMost(Duration.ofSeconds(20))
                    .until(() -> !platform.postRequests(wm, prefix).isEmpty());
            Deliveries deliveries = new Deliveries(jdbc);
            DeliveryId id = new DeliveryId(UUID.fromString(delivery));
            assertThat(deliveries.find(id).orElseThrow().status()).isEqualTo(DeliveryStatus.SENDING);
            assertThat(jdbc.sql("SELECT picked_by FROM publishing.scheduled_tasks WHERE task_instance = ?")
                            .param(delivery)
                            .query(String.class)
                            .single())
                    .isEqualTo("node-A");

            // kill node A: cut off from the database, then stopped
            nodeAPool.close();
            Thread.ofVirtual().start(nodeA::stop);
        } finally {
            nodeB.resume();
        }

        String end = awaitEnd(delivery);
        assertThat(JsonPath.<String>read(end, "$.status")).isEqualTo("PUBLISHED");
        assertThat(platform.posts(wm, prefix)).isEqualTo(1);
        List<String> nodes = jdbc.sql("SELECT node FROM publishing.attempt WHERE delivery_id = ?::uuid ORDER BY id")
                .param(delivery)
                .query(String.class)
                .list();
        assertThat(nodes.getFirst()).isEqualTo("node-A");
        assertThat(nodes).hasSizeGreaterThan(1);
        assertThat(nodes.subList(1, nodes.size())).doesNotContain("node-A");
        List<String> outcomes = JsonPath.read(end, "$.history[*].kind");
        assertThat(outcomes.get(1)).isEqualTo("LOOKUP");
        if (platform instanceof PlatformFake.Mastodon) {
            assertThat(platform.postRequests(wm, prefix)).hasSize(1);
            assertThat(JsonPath.<List<String>>read(end, "$.history[*].outcome")).contains("FOUND");
        }
    }

    private static String awaitEnd(String delivery) throws InterruptedException {
        await().atMost(Duration.ofSeconds(40))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    String status = JsonPath.read(fixtures.get("/api/v1/deliveries/" + delivery), "$.status");
                    return status.equals("PUBLISHED") || status.equals("FAILED");
                });
        Thread.sleep(3000); // node A's late answer, had it got through, would show now
        return fixtures.get("/api/v1/deliveries/" + delivery);
    }
}
