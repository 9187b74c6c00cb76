package eu.herald.links.domain;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Stores clicks durably before their redirects are answered, always by one binary COPY per batch that commits on its
 * own (one round trip, one WAL flush), on a small connection pool of its own so that redirects neither wait for nor
 * starve the rest of Herald. Two ways in:
 *
 * <ul>
 *   <li>{@link #write}: group commit for callers that answer one request per thread (the web application's
 *       {@code /l/}). A writer thread takes every pending click (up to {@code batchSize}), stores them and then
 *       completes each request's future. While a batch commits the next clicks queue up, so batches grow with the load
 *       and no click waits longer than one commit. Every future completes within {@code commitTimeout}: a click still
 *       queued by then is dropped and fails (the visitor gets 503, nothing is stored); a batch whose commit takes
 *       longer fails its futures at once (its clicks may still be stored — a count never misses an answered redirect,
 *       at worst it includes a visitor who saw 503).
 *   <li>{@link #storeNow}: for callers that gather their own batches (the short-link listener's event loops).
 * </ul>
 */
@Component
class ClickWriter implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ClickWriter.class);

    private static final String COPY = "COPY links.click (code, at, preview, visitor) FROM STDIN (FORMAT binary)";

    /** PostgreSQL's epoch for timestamps: 2000-01-01T00:00:00Z, in microseconds since the Unix epoch. */
    private static final long PG_EPOCH_MICROS = 946_684_800_000_000L;

    private static final byte[] COPY_SIGNATURE = "PGCOPY\n\377\r\n\0".getBytes(StandardCharsets.ISO_8859_1);

    private static final long REPORT_EVERY = TimeUnit.SECONDS.toNanos(10);

    private record Pending(Click click, CompletableFuture<Void> done, long queuedAt) {}

    /** The batch a writer is committing, and since when. */
    private record InFlight(List<Pending> batch, long since) {}

    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>(100_000);
    private final DataSource dataSource;
    private final ClickPartitions partitions;
    private final int batchSize;
    private final long timeoutNanos;
    private final List<Thread> writers = new ArrayList<>();
    private final AtomicReferenceArray<@Nullable InFlight> inFlight;
    private final Thread watchdog;
    private volatile boolean running = true;

    /** Clicks not stored since the last report, and when that was. */
    private final AtomicLong unstored = new AtomicLong();

    private final AtomicLong lastReport = new AtomicLong(System.nanoTime() - REPORT_EVERY);

    ClickWriter(DataSource dataSource, ClickPartitions partitions, LinksProperties properties) {
        this.dataSource = ownPool(dataSource, properties.commitTimeout());
        this.partitions = partitions;
        this.batchSize = Math.max(1, properties.batchSize());
        this.timeoutNanos = properties.commitTimeout().toNanos();
        int count = Math.max(1, properties.writers());
        this.inFlight = new AtomicReferenceArray<>(count);
        for (int i = 0; i < count; i++) {
            int writer = i;
            writers.add(
                    Thread.ofPlatform().name("links-click-writer-" + i).daemon().start(() -> run(writer)));
        }
        watchdog = Thread.ofPlatform().name("links-click-deadline").daemon().start(this::enforceDeadlines);
    }

    /**
     * A pool of a few connections to the same database, waiting at most the commit timeout for a connection (the
     * application's pool waits 30 s, and is shared with everything else).
     */
    private static DataSource ownPool(DataSource application, Duration commitTimeout) {
        if (!(application instanceof HikariDataSource hikari)) {
            return application;
        }
        HikariConfig config = new HikariConfig();
        hikari.copyStateTo(config);
        config.setPoolName("herald-clicks");
        config.setMaximumPoolSize(2 + Runtime.getRuntime().availableProcessors());
        config.setMinimumIdle(1);
        config.setConnectionTimeout(Math.max(250, commitTimeout.toMillis()));
        config.setAutoCommit(true);
        return new HikariDataSource(config);
    }

    /** Queues a click; the future completes once it is committed, or fails (within the commit timeout). */
    CompletableFuture<Void> write(Click click) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (!running || !queue.offer(new Pending(click, done, System.nanoTime()))) {
            done.completeExceptionally(new IllegalStateException("click queue full or closed"));
        }
        return done;
    }

    private void run(int writer) {
        List<Pending> batch = new ArrayList<>(batchSize);
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, batchSize - batch.size());
                // a click whose visitor already got 503 is not stored
                batch.removeIf(p -> p.done().isDone());
                if (batch.isEmpty()) {
                    continue;
                }
                inFlight.set(writer, new InFlight(List.copyOf(batch), System.nanoTime()));
                flush(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            } finally {
                inFlight.set(writer, null);
                batch.clear();
            }
        }
    }

    private void flush(List<Pending> batch) {
        try {
            storeNow(batch.stream().map(Pending::click).toList());
        } catch (SQLException | RuntimeException e) {
            batch.forEach(p -> p.done().completeExceptionally(e));
            return;
        }
        batch.forEach(p -> p.done().complete(null));
    }

    /**
     * Stores clicks with one COPY, on the caller's thread, committed when this returns; fails if that takes longer than
     * the commit timeout.
     */
    void storeNow(List<Click> clicks) throws SQLException {
        byte[] rows = encode(clicks);
        try {
            try {
                copy(rows);
            } catch (SQLException first) {
                // most likely a month without a partition yet: create it and try once more
                clicks.forEach(c -> partitions.ensure(c.at()));
                copy(rows);
            }
        } catch (SQLException | RuntimeException e) {
            reportFailure(clicks.size(), e);
            throw e;
        }
    }

    /** Logs failures at most every 10 s with how many clicks were not stored meanwhile: an outage does not flood logs. */
    private void reportFailure(int clicks, Exception e) {
        long total = unstored.addAndGet(clicks);
        long last = lastReport.get();
        long now = System.nanoTime();
        if (now - last >= REPORT_EVERY && lastReport.compareAndSet(last, now)) {
            unstored.addAndGet(-total);
            log.error("Could not store {} clicks (their visitors got 503)", total, e);
        }
    }

    /** One COPY in autocommit: PostgreSQL commits it as one transaction, with one WAL flush. */
    private void copy(byte[] rows) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setNetworkTimeout(Runnable::run, (int) TimeUnit.NANOSECONDS.toMillis(timeoutNanos));
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY);
            try {
                copy.writeToCopy(rows, 0, rows.length);
                copy.endCopy();
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
        }
    }

    /** The batch in PostgreSQL's binary COPY format (header, one tuple per click, trailer). */
    static byte[] encode(List<Click> clicks) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(32 + clicks.size() * 80);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(COPY_SIGNATURE);
            out.writeInt(0); // flags
            out.writeInt(0); // header extension length
            for (Click click : clicks) {
                byte[] code = click.code().getBytes(StandardCharsets.UTF_8);
                out.writeShort(4);
                out.writeInt(code.length);
                out.write(code);
                out.writeInt(8);
                out.writeLong(micros(click.at()) - PG_EPOCH_MICROS);
                out.writeInt(1);
                out.writeByte(click.preview() ? 1 : 0);
                out.writeInt(click.visitor().length);
                out.write(click.visitor());
            }
            out.writeShort(-1);
        } catch (IOException e) {
            throw new IllegalStateException(e); // a byte array does not fail
        }
        return bytes.toByteArray();
    }

    private static long micros(Instant at) {
        return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1_000);
    }

    /**
     * Keeps the promise that every future completes within the commit timeout: fails queued clicks older than that
     * (the oldest are first in the queue) and batches committing for longer.
     */
    private void enforceDeadlines() {
        while (running) {
            try {
                Thread.sleep(Math.max(10, TimeUnit.NANOSECONDS.toMillis(timeoutNanos) / 10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            long now = System.nanoTime();
            for (Iterator<Pending> it = queue.iterator(); it.hasNext(); ) {
                Pending p = it.next();
                if (now - p.queuedAt() < timeoutNanos) {
                    break;
                }
                p.done().completeExceptionally(new TimeoutException("click not committed in time"));
            }
            for (int i = 0; i < inFlight.length(); i++) {
                InFlight committing = inFlight.get(i);
                if (committing != null && now - committing.since() >= timeoutNanos) {
                    committing
                            .batch()
                            .forEach(p -> p.done()
                                    .completeExceptionally(new TimeoutException("click not committed in time")));
                }
            }
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        running = false;
        for (Thread writer : writers) {
            writer.join(5_000);
        }
        watchdog.interrupt();
        if (dataSource instanceof HikariDataSource own) {
            own.close();
        }
    }
}
