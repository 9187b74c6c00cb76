package eu.herald.inbox.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit of triaged items, as the links module's click writer does: one writer thread takes the pending items
 * (up to {@code batchSize}, or whatever came within {@code batchWait} of the first), inserts them in one JDBC batch
 * in one transaction, and only then completes every request's future — so a webhook is acknowledged only once its
 * items are stored. Items with actions to do (emergencies first) wake the {@link ActionWorker} after the commit.
 */
@Component
class IntakeWriter implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(IntakeWriter.class);

    private record Pending(Items.Prepared item, CompletableFuture<IntakeOutcome> done) {}

    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>(50_000);
    private final Items items;
    private final TransactionTemplate transactions;
    private final ActionWorker actions;
    private final int batchSize;
    private final long batchWaitNanos;
    private final Thread writer;
    private volatile boolean running = true;

    IntakeWriter(Items items, TransactionTemplate transactions, ActionWorker actions, InboxProperties properties) {
        this.items = items;
        this.transactions = transactions;
        this.actions = actions;
        this.batchSize = Math.max(1, properties.batchSize());
        this.batchWaitNanos = properties.batchWait().toNanos();
        this.writer = Thread.ofPlatform().name("inbox-intake-writer").daemon().start(this::run);
    }

    CompletableFuture<IntakeOutcome> write(Items.Prepared item) {
        CompletableFuture<IntakeOutcome> done = new CompletableFuture<>();
        if (!running || !queue.offer(new Pending(item, done))) {
            done.completeExceptionally(new IllegalStateException("intake queue full or closed"));
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
                long deadline = System.nanoTime() + batchWaitNanos;
                while (batch.size() < batchSize) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        queue.drainTo(batch, batchSize - batch.size());
                        break;
                    }
                    Pending next = queue.poll(left, TimeUnit.NANOSECONDS);
                    if (next == null) {
                        break;
                    }
                    batch.add(next);
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
        int[] counts;
        try {
            counts = transactions.execute(
                    status -> items.insert(batch.stream().map(Pending::item).toList()));
        } catch (RuntimeException e) {
            log.error("Could not store {} inbox items", batch.size(), e);
            batch.forEach(p -> p.done().completeExceptionally(e));
            return;
        }
        boolean wake = false;
        for (int i = 0; i < batch.size(); i++) {
            Pending p = batch.get(i);
            boolean stored = counts != null && i < counts.length && counts[i] != 0;
            wake |= stored && p.item().routing().actionsPending();
            p.done().complete(stored ? IntakeOutcome.STORED : IntakeOutcome.DUPLICATE);
        }
        if (wake) {
            actions.wake();
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        running = false;
        writer.join(5_000);
    }
}
