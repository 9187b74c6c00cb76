package eu.herald.links.domain;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit: a writer thread takes the pending clicks (up to {@code batchSize}, or whatever came within
 * {@code batchWait} of the first, ending early when none came for {@code batchLinger}), inserts them with one multi-row INSERT
 * in one transaction, and then completes every request's future — so a redirect is answered only after its click is
 * committed. {@code writers} threads do this side by side, so one batch is collected while another commits.
 */
@Component
class ClickWriter implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ClickWriter.class);

    private record Pending(Click click, CompletableFuture<Void> done) {}

    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>(100_000);
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ClickPartitions partitions;
    private final int batchSize;
    private final long batchWaitNanos;
    private final long lingerNanos;
    private final List<Thread> writers = new ArrayList<>();
    private volatile boolean running = true;

    ClickWriter(
            JdbcTemplate jdbc,
            TransactionTemplate transactions,
            ClickPartitions partitions,
            LinksProperties properties) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.partitions = partitions;
        this.batchSize = Math.max(1, properties.batchSize());
        this.batchWaitNanos = properties.batchWait().toNanos();
        this.lingerNanos = Math.min(batchWaitNanos, properties.batchLinger().toNanos());
        // several writers: while one waits for its commit, the next collects the clicks arriving meanwhile
        for (int i = 0; i < Math.max(1, properties.writers()); i++) {
            writers.add(
                    Thread.ofPlatform().name("links-click-writer-" + i).daemon().start(this::run));
        }
    }

    /** Queues a click; the future completes once it is committed (or fails). */
    CompletableFuture<Void> write(Click click) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (!running || !queue.offer(new Pending(click, done))) {
            done.completeExceptionally(new IllegalStateException("click queue full or closed"));
        }
        return done;
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(batchSize);
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, batchSize - batch.size());
                // wait for more until the batch is full or batchWait has passed since the first click, but commit
                // at once when the queue stays quiet for a moment: under load the clicks come in bursts (every
                // client answered by the previous commit sends its next request), and waiting longer only adds latency
                long deadline = System.nanoTime() + batchWaitNanos;
                while (batch.size() < batchSize) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        break;
                    }
                    Pending next = queue.poll(Math.min(left, lingerNanos), TimeUnit.NANOSECONDS);
                    if (next == null) {
                        break;
                    }
                    batch.add(next);
                    queue.drainTo(batch, batchSize - batch.size());
                }
                flush(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            } finally {
                batch.clear();
            }
        }
    }

    private void flush(List<Pending> batch) {
        try {
            insert(batch);
        } catch (RuntimeException first) {
            // most likely a month without a partition yet: create it and try once more
            try {
                batch.forEach(p -> partitions.ensure(p.click().at()));
                insert(batch);
            } catch (RuntimeException e) {
                log.error("Could not store {} clicks", batch.size(), e);
                batch.forEach(p -> p.done().completeExceptionally(e));
                return;
            }
        }
        batch.forEach(p -> p.done().complete(null));
    }

    /** One multi-row INSERT for the whole batch: one statement for PostgreSQL to parse and run, not one per click. */
    private void insert(List<Pending> batch) {
        StringBuilder sql = new StringBuilder("INSERT INTO links.click (code, at, preview, visitor) VALUES ");
        for (int i = 0; i < batch.size(); i++) {
            sql.append(i == 0 ? "(?, ?, ?, ?)" : ", (?, ?, ?, ?)");
        }
        transactions.executeWithoutResult(status -> jdbc.update(sql.toString(), ps -> {
            int n = 1;
            for (Pending p : batch) {
                ps.setString(n++, p.click().code());
                ps.setTimestamp(n++, Timestamp.from(p.click().at()));
                ps.setBoolean(n++, p.click().preview());
                ps.setBytes(n++, p.click().visitor());
            }
        }));
    }

    @Override
    public void destroy() throws InterruptedException {
        running = false;
        for (Thread writer : writers) {
            writer.join(5_000);
        }
    }
}
