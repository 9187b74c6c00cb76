package eu.herald.guardrails.internal;

import eu.herald.guardrails.EmergencyLineWordingChanged;
import eu.herald.guardrails.LexiconEdited;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps the compiled {@link Knowledge} of this node: built from the files and the database on first use, rebuilt after
 * every edit made here (once it commits), and at most {@code refreshInterval} late for edits made on another node: a
 * check never waits for the database, it only starts a background look at the edit counter when the interval has
 * passed.
 */
@Component
public class KnowledgeStore {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeStore.class);

    private final LexiconChanges changes;
    private final EmergencyWordings wordings;
    private final Generations generations;
    private final long intervalNanos;
    private final AtomicBoolean looking = new AtomicBoolean();

    private volatile @Nullable Knowledge knowledge;
    private volatile long generation = -1;
    private volatile long lookedAt = System.nanoTime();

    KnowledgeStore(
            LexiconChanges changes,
            EmergencyWordings wordings,
            Generations generations,
            GuardrailsProperties settings) {
        this.changes = changes;
        this.wordings = wordings;
        this.generations = generations;
        this.intervalNanos = settings.refreshInterval().toNanos();
    }

    public Knowledge current() {
        Knowledge known = knowledge;
        if (known == null) {
            return reload();
        }
        if (System.nanoTime() - lookedAt > intervalNanos && looking.compareAndSet(false, true)) {
            lookedAt = System.nanoTime();
            Thread.ofVirtual().name("guardrails-refresh").start(this::refreshIfChanged);
        }
        return known;
    }

    /** Rebuilds from the files and the database now. */
    public synchronized Knowledge reload() {
        long seen = generations.current();
        Knowledge built = Knowledge.of(changes.all(), wordings.all());
        knowledge = built;
        generation = seen;
        lookedAt = System.nanoTime();
        return built;
    }

    @TransactionalEventListener
    void on(LexiconEdited edited) {
        reload();
    }

    @TransactionalEventListener
    void on(EmergencyLineWordingChanged changed) {
        reload();
    }

    private void refreshIfChanged() {
        try {
            if (generations.current() != generation) {
                reload();
            }
        } catch (DataAccessException e) {
            log.warn("Could not look for guardrails edits; keeping the current word lists: {}", e.getMessage());
        } finally {
            looking.set(false);
        }
    }
}
