package eu.herald.inbox.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The intake benchmark's load generator (run by {@code bin/bench-intake}): signs and POSTs generic-webhook events to a
 * running Herald at a fixed rate (each request scheduled at its own instant, whatever the answers before it), with
 * bounded concurrency; then counts in the database what was stored and triaged, and prints throughput, latency
 * percentiles (from the scheduled instant, so queueing in the generator counts too, and from the actual send) and
 * losses (acknowledged but not stored).
 *
 * <p>Arguments: base URL, JDBC URL, events per second, seconds, most requests in flight.
 */
public final class IntakeLoad {

    private static final String[] TEXTS = {
        "Wanneer is het politiekantoor open op zaterdag?",
        "Bedankt voor de snelle hulp gisteren, top team!",
        "Er is ingebroken in de auto van mijn buurman vorige week, wie moet ik contacteren?",
        "Quand est-ce que le commissariat est ouvert le dimanche ?",
        "Merci pour la campagne sur les vols de vélos, très utile",
        "Wo kann ich einen Fahrraddiebstahl melden?",
        "Vielen Dank für die Tipps gegen Einbruch!",
        "How do I report a stolen bike online?",
        "Great initiative, thanks to the local police",
        "Ik zag vorige nacht een verdachte bestelwagen in onze straat rondrijden",
    };

    private IntakeLoad() {}

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String jdbc = args[1];
        int rate = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        int inFlight = Integer.parseInt(args[4]);
        String run = UUID.randomUUID().toString().substring(0, 8);

        UUID organisation;
        String secret;
        try (Connection db = DriverManager.getConnection(jdbc, "postgres", "")) {
            organisation =
                    one(db, "SELECT id FROM accounts.organisation WHERE kind = 'POLICE_ZONE' ORDER BY id LIMIT 1");
            try (PreparedStatement ps = db.prepareStatement("INSERT INTO inbox.organisation_settings"
                    + " (organisation_id, webhook_secret) VALUES (?, ?) ON CONFLICT (organisation_id)"
                    + " DO UPDATE SET webhook_secret = EXCLUDED.webhook_secret, webhook_secret_sealed = NULL")) {
                // a plain secret, as an older version wrote it: Herald seals it when it reads the row (the stored
                // secret is sealed under HERALD_SECRET_KEY, which the benchmark does not know)
                secret = "bench-" + UUID.randomUUID();
                ps.setObject(1, organisation);
                ps.setString(2, secret);
                ps.executeUpdate();
            }
        }
        URI target = URI.create(base + "/api/v1/inbox/webhooks/organisations/" + organisation);
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor())
                .build();

        // the first triage model is loaded after start-up: wait until one event goes through (up to 4 minutes)
        long readyBy = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
        while (true) {
            HttpRequest first = HttpRequest.newBuilder(
                            request(target, secret, "ready-" + run + "-" + System.nanoTime(), TEXTS[0]), (n, v) -> true)
                    .timeout(Duration.ofMinutes(3))
                    .build();
            try {
                if (http.send(first, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    break;
                }
            } catch (java.io.IOException e) {
                // not yet
            }
            if (System.nanoTime() > readyBy) {
                throw new IllegalStateException("Herald's intake did not answer within 4 minutes");
            }
            TimeUnit.SECONDS.sleep(2);
        }
        // warm-up: a few hundred requests so the JIT and the pools are ready (not counted)
        for (int i = 0; i < 300; i++) {
            http.send(
                    request(target, secret, "warmup-" + run + "-" + i, TEXTS[i % TEXTS.length]),
                    HttpResponse.BodyHandlers.discarding());
        }

        int total = rate * seconds;
        long[] fromSchedule = new long[total];
        long[] fromSend = new long[total];
        Arrays.fill(fromSchedule, -1);
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        ConcurrentHashMap<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        AtomicLong lastDone = new AtomicLong();
        Semaphore slots = new Semaphore(inFlight);
        CountDownLatch done = new CountDownLatch(total);
        long periodNanos = 1_000_000_000L / rate;
        long start = System.nanoTime() + 100_000_000L;
        int skipped = 0;
        for (int i = 0; i < total; i++) {
            long scheduled = start + i * periodNanos;
            long wait = scheduled - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            if (!slots.tryAcquire(5, TimeUnit.SECONDS)) {
                skipped++;
                failed.incrementAndGet();
                done.countDown();
                continue;
            }
            int n = i;
            long sent = System.nanoTime();
            http.sendAsync(
                            request(target, secret, "bench-" + run + "-" + n, TEXTS[n % TEXTS.length] + " #" + n),
                            HttpResponse.BodyHandlers.discarding())
                    .whenComplete((response, error) -> {
                        long now = System.nanoTime();
                        fromSchedule[n] = now - scheduled;
                        fromSend[n] = now - sent;
                        lastDone.accumulateAndGet(now, Math::max);
                        if (error == null && response.statusCode() == 200) {
                            ok.incrementAndGet();
                        } else {
                            failed.incrementAndGet();
                            statuses.computeIfAbsent(
                                            error == null ? response.statusCode() : -1, k -> new AtomicInteger())
                                    .incrementAndGet();
                        }
                        slots.release();
                        done.countDown();
                    });
        }
        long sendingEnded = System.nanoTime();
        done.await(60, TimeUnit.SECONDS);
        double elapsed = (lastDone.get() - start) / 1e9;

        long stored;
        long triaged;
        long pendingActions;
        try (Connection db = DriverManager.getConnection(jdbc, "postgres", "")) {
            stored = count(
                    db,
                    "SELECT count(*) FROM inbox.item WHERE source = 'webhook:" + organisation
                            + "' AND platform_id LIKE 'bench-" + run + "-%'");
            triaged = count(
                    db,
                    "SELECT count(*) FROM inbox.item WHERE source = 'webhook:" + organisation
                            + "' AND platform_id LIKE 'bench-" + run
                            + "-%' AND model_version IS NOT NULL AND category IS NOT NULL");
            pendingActions = count(
                    db,
                    "SELECT count(*) FROM inbox.item WHERE source = 'webhook:" + organisation
                            + "' AND platform_id LIKE 'bench-" + run + "-%' AND actions_pending");
        }
        long[] schedule =
                Arrays.stream(fromSchedule).filter(v -> v >= 0).sorted().toArray();
        long[] service = Arrays.stream(fromSend).filter(v -> v > 0).sorted().toArray();
        System.out.printf(
                Locale.ROOT,
                "intake benchmark, run %s: %d events/s for %d s to %s (at most %d in flight)%n",
                run,
                rate,
                seconds,
                target,
                inFlight);
        System.out.printf(
                Locale.ROOT,
                "sent %d, acknowledged 200: %d, failed or refused: %d %s, not sent (no free slot in 5 s): %d%n",
                total,
                ok.get(),
                failed.get(),
                statuses,
                skipped);
        System.out.printf(
                Locale.ROOT,
                "sending took %.2f s; last answer after %.2f s; achieved %.0f acknowledged events/s%n",
                (sendingEnded - start) / 1e9,
                elapsed,
                ok.get() / elapsed);
        System.out.printf(
                Locale.ROOT,
                "latency from the scheduled instant: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                pct(schedule, 50),
                pct(schedule, 99),
                pct(schedule, 100));
        System.out.printf(
                Locale.ROOT,
                "latency from the actual send:       p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                pct(service, 50),
                pct(service, 99),
                pct(service, 100));
        System.out.printf(
                Locale.ROOT,
                "in the database: %d stored, %d stored and triaged (category, confidence, model version), %d with actions still pending%n",
                stored,
                triaged,
                pendingActions);
        long lost = ok.get() - triaged;
        System.out.printf(Locale.ROOT, "losses (acknowledged but not stored and triaged): %d%n", Math.max(0, lost));
        System.exit(lost > 0 ? 1 : 0);
    }

    private static HttpRequest request(URI target, String secret, String id, String text) {
        String body =
                "{\"id\":\"" + id + "\",\"author\":\"bench\",\"channel\":\"WEBSITE\",\"kind\":\"COMMENT\",\"text\":\""
                        + text.replace("\"", "\\\"") + "\"}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String ts = Long.toString(Instant.now().getEpochSecond());
        return HttpRequest.newBuilder(target)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("X-Herald-Timestamp", ts)
                .header("X-Herald-Signature", sign(secret, (ts + "." + body).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                .build();
    }

    private static String sign(String secret, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(p / 100.0 * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }

    private static UUID one(Connection db, String sql) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getObject(1, UUID.class);
        }
    }

    private static long count(Connection db, String sql) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
