package eu.herald.publishing.domain;

import com.sun.net.httpserver.HttpServer;
import eu.herald.HeraldApplication;
import eu.herald.TestEnvironment;
import eu.herald.campaigns.CampaignDirectory;
import eu.herald.campaigns.VariantFacts;
import eu.herald.campaigns.VariantId;
import eu.herald.channels.ChannelAccount;
import eu.herald.publishing.PublishingFixtures;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code bin/bench-deliveries}: 10,000 deliveries due within the same minute, on one Herald node (demo mode, its own
 * embedded PostgreSQL in a fresh folder), published through the real WEBHOOK connector to a local endpoint on
 * 127.0.0.1 (a JDK HttpServer answering at once). Reports how long until all were dispatched, the due-time lateness
 * (the endpoint's arrival time minus the delivery's due time) at p50/p95/p99/max (HdrHistogram), and whether each
 * delivery produced exactly one request. Targets: all dispatched within 60 s, p99 under 2 s.
 *
 * <p>Deliveries are created through {@link DeliveryService#create} (the service's own path, reach checks aside) for
 * due times an hour ahead, then their due times — the delivery's and its db-scheduler execution's — are set in one
 * transaction to spread evenly over one minute starting a few seconds later, so creation time does not eat into it.
 */
public final class DeliveriesBenchmark {

    static final Pattern KEY = Pattern.compile("herald-[A-Za-z0-9_-]{22}");

    private DeliveriesBenchmark() {}

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        Path dataDir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "bench-deliveries-");

        Map<String, Long> arrivals = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<String> unmatched = new ConcurrentLinkedQueue<>();
        HttpServer endpoint = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        endpoint.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        AtomicInteger served = new AtomicInteger();
        endpoint.createContext("/hook", exchange -> {
            long now = System.currentTimeMillis();
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!"publish".equals(exchange.getRequestHeaders().getFirst("X-Herald-Event"))) {
                exchange.sendResponseHeaders(204, -1); // the connect check's ping
                exchange.close();
                return;
            }
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            if (key == null) {
                Matcher m = KEY.matcher(body);
                key = m.find() ? m.group() : null;
            }
            if (key == null) {
                unmatched.add(body.length() > 80 ? body.substring(0, 80) : body);
            } else {
                arrivals.putIfAbsent(key, now);
                requests.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
            }
            served.incrementAndGet();
            byte[] answer = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        endpoint.start();
        String hook = "http://127.0.0.1:" + endpoint.getAddress().getPort() + "/hook";

        Map<String, Object> properties = new HashMap<>();
        properties.put("herald.data-dir", dataDir.toString());
        properties.put("herald.demo.password", TestEnvironment.DEMO_PASSWORD);
        properties.put("logging.level.root", "WARN");
        properties.put("logging.level.eu.herald.publishing", "WARN");
        System.getProperties().forEach((k, v) -> {
            if (k.toString().startsWith("herald.")) {
                properties.put(k.toString(), v);
            }
        });
        // above application.yml's HERALD_PORT default: never take another Herald's port
        System.setProperty("server.port", "0");
        SpringApplication application = new SpringApplication(HeraldApplication.class);
        application.setDefaultProperties(properties);
        ConfigurableApplicationContext context = application.run();
        try {
            run(context, count, hook, arrivals, requests, unmatched, served);
        } finally {
            context.close();
            endpoint.stop(0);
        }
    }

    private static void run(
            ConfigurableApplicationContext context,
            int count,
            String hook,
            Map<String, Long> arrivals,
            Map<String, AtomicInteger> requests,
            ConcurrentLinkedQueue<String> unmatched,
            AtomicInteger served)
            throws InterruptedException {
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        PublishingFixtures fixtures = new PublishingFixtures("http://127.0.0.1:" + port, jdbc);
        PublishingProperties.Scheduler tuning =
                context.getBean(PublishingProperties.class).scheduler();
        System.out.printf(
                "db-scheduler: %d threads, polling every %s, lock-and-fetch %.1f–%.1f × threads%n",
                tuning.threads(),
                tuning.pollingInterval(),
                tuning.lowerLimitFractionOfThreads(),
                tuning.upperLimitFractionOfThreads());

        System.out.printf("Setting up: one approved message and %d webhook accounts…%n", count);
        PublishingFixtures.ApprovedMessage message =
                fixtures.approvedMessage(PublishingFixtures.unique("Benchmark"), List.of("WEBSITE"));
        VariantFacts variant = context.getBean(CampaignDirectory.class)
                .variant(new VariantId(java.util.UUID.fromString(message.variant("WEBSITE", "nl"))))
                .orElseThrow();
        List<ChannelAccount> accounts = BenchAccounts.create(context, fixtures, hook, count);

        DeliveryService service = context.getBean(DeliveryService.class);
        TransactionTemplate tx = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
        Instant later = Instant.now().plus(Duration.ofHours(1));
        List<String> ids = new ArrayList<>(count);
        long created = System.nanoTime();
        for (int from = 0; from < count; from += 500) {
            List<ChannelAccount> batch = accounts.subList(from, Math.min(count, from + 500));
            tx.executeWithoutResult(status -> batch.forEach(account ->
                    ids.add(service.create(variant, account, later, null).id().toString())));
        }
        System.out.printf("Created %d deliveries in %.1f s%n", ids.size(), (System.nanoTime() - created) / 1e9);

        Instant first = Instant.now().plusSeconds(5);
        long spreadMillis = 60_000;
        tx.executeWithoutResult(status -> {
            jdbc.sql("UPDATE publishing.delivery d SET scheduled_at = t.due, next_attempt_at = t.due FROM ("
                            + " SELECT id, ?::timestamptz + (row_number() OVER (ORDER BY id) - 1) * (? * interval"
                            + " '1 millisecond') / ? AS due FROM publishing.delivery WHERE id = ANY(?)) t"
                            + " WHERE d.id = t.id")
                    .params(
                            java.sql.Timestamp.from(first),
                            spreadMillis,
                            count,
                            ids.stream().map(java.util.UUID::fromString).toArray(java.util.UUID[]::new))
                    .update();
            jdbc.sql("UPDATE publishing.scheduled_tasks s SET execution_time = d.next_attempt_at FROM"
                            + " publishing.delivery d WHERE s.task_name = ? AND s.task_instance = d.id::text"
                            + " AND d.id = ANY(?)")
                    .params(
                            PublishingScheduler.DELIVERY.getTaskName(),
                            ids.stream().map(java.util.UUID::fromString).toArray(java.util.UUID[]::new))
                    .update();
        });
        Map<String, Long> due = new HashMap<>();
        jdbc.sql("SELECT idempotency_key, next_attempt_at FROM publishing.delivery WHERE id = ANY(?)")
                .param(ids.stream().map(java.util.UUID::fromString).toArray(java.util.UUID[]::new))
                .query((rs, n) ->
                        due.put(rs.getString(1), rs.getTimestamp(2).toInstant().toEpochMilli()))
                .list();
        System.out.printf("Due from %s over %d s; waiting…%n", first, spreadMillis / 1000);

        Instant deadline = first.plusMillis(spreadMillis).plusSeconds(120);
        while (arrivals.size() < count && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        Thread.sleep(2000); // late duplicates, if any, would arrive now

        Histogram lateness = new Histogram(3_600_000L, 3);
        long lastArrival = 0;
        for (Map.Entry<String, Long> e : arrivals.entrySet()) {
            Long dueAt = due.get(e.getKey());
            if (dueAt == null) {
                continue;
            }
            lateness.recordValue(Math.max(0, e.getValue() - dueAt));
            lastArrival = Math.max(lastArrival, e.getValue());
        }
        long exactlyOnce = requests.values().stream().filter(c -> c.get() == 1).count();
        long duplicates = requests.values().stream().filter(c -> c.get() > 1).count();
        long published = jdbc.sql("SELECT count(*) FROM publishing.delivery WHERE status = 'PUBLISHED' AND id = ANY(?)")
                .param(ids.stream().map(java.util.UUID::fromString).toArray(java.util.UUID[]::new))
                .query(Long.class)
                .single();
        long lastDue = first.toEpochMilli() + spreadMillis * (count - 1) / count;
        System.out.println();
        System.out.printf(
                "deliveries: %d, requests received: %d, deliveries reached: %d%n",
                count, served.get(), arrivals.size());
        System.out.printf(
                "all dispatched: %s; last request %.2f s after the first due time, %.2f s after the last%n",
                arrivals.size() == count ? "yes" : "NO",
                (lastArrival - first.toEpochMilli()) / 1000.0,
                (lastArrival - lastDue) / 1000.0);
        System.out.printf(
                "lateness (arrival − due): p50 %d ms, p95 %d ms, p99 %d ms, max %d ms%n",
                lateness.getValueAtPercentile(50),
                lateness.getValueAtPercentile(95),
                lateness.getValueAtPercentile(99),
                lateness.getMaxValue());
        System.out.printf(
                "exactly one request per delivery: %s (%d once, %d more than once, %d requests without a key)%n",
                exactlyOnce == count && duplicates == 0 && unmatched.isEmpty() ? "yes" : "NO",
                exactlyOnce,
                duplicates,
                unmatched.size());
        System.out.printf("PUBLISHED in the database: %d of %d%n", published, count);
        boolean met = arrivals.size() == count
                && (lastArrival - first.toEpochMilli()) <= 60_000 + 2_000
                && lateness.getValueAtPercentile(99) < 2000
                && exactlyOnce == count
                && duplicates == 0;
        System.out.println(met ? "TARGETS MET" : "TARGETS NOT MET");
    }
}
