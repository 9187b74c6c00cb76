package eu.herald.links.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The group commit keeps its promise: every click's future completes within the commit timeout, stored or not. */
class ClickWriterTests {

    @Test
    void clicksThatCannotBeCommittedInTimeFailWithinTheCommitTimeout() throws Exception {
        DataSource stuck = mock(DataSource.class);
        when(stuck.getConnection()).thenAnswer(call -> {
            Thread.sleep(5_000); // a database that does not answer
            return mock(Connection.class);
        });
        ClickWriter writer = new ClickWriter(
                stuck,
                mock(ClickPartitions.class),
                new LinksProperties(13, 200, 1, Duration.ofMillis(300), "", "", null, "0.0.0.0", 0));
        try {
            long start = System.nanoTime();
            CompletableFuture<Void> committing = writer.write(click());
            Thread.sleep(50); // the writer has taken the first click and waits for the database
            CompletableFuture<Void> queued = writer.write(click());

            for (CompletableFuture<Void> future : java.util.List.of(committing, queued)) {
                try {
                    future.get(2, TimeUnit.SECONDS);
                    throw new AssertionError("a click that was not stored must not be reported stored");
                } catch (ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(TimeoutException.class);
                }
            }
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        } finally {
            writer.destroy();
        }
    }

    private static Click click() {
        return new Click("Ab3dE5gH", Instant.now(), false, new byte[32]);
    }
}
