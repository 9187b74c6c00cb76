package eu.herald.inbox.triage;

import eu.herald.common.Channel;
import eu.herald.common.Language;
import eu.herald.common.LanguageDetection;
import eu.herald.inbox.Category;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * {@link Triage} with the active model held in memory. Classification only reads the current model, so it is
 * thread-safe and lock-free; a new version is swapped in atomically by {@link #activate}. Until the first model is
 * there (trained or loaded in the background after start-up), a classification waits for it.
 */
final class TriageService implements Triage {

    /** The model that decides, with its version. */
    record Active(int version, TriageModel model) {}

    private final TriageProperties settings;
    private final LanguageDetection languages;
    private final AtomicReference<@Nullable Active> active = new AtomicReference<>();
    private final CompletableFuture<Active> first = new CompletableFuture<>();

    TriageService(TriageProperties settings, LanguageDetection languages) {
        this.settings = settings;
        this.languages = languages;
    }

    @Override
    public Verdict classify(String text, @Nullable Channel channel) {
        Active current = current();
        TriageModel.Decision decision = current.model().decide(text);
        Language language = languages.detect(text).orElse(Language.EN);
        boolean needsHuman =
                decision.category() != Category.EMERGENCY && decision.confidence() < settings.minConfidence();
        return new Verdict(decision.category(), decision.confidence(), language, needsHuman, current.version());
    }

    /** Makes {@code model} the one that decides from now on. */
    void activate(int version, TriageModel model) {
        Active next = new Active(version, model);
        active.set(next);
        first.complete(next);
    }

    /** The version deciding now, or 0 before the first model. */
    int activeVersion() {
        Active current = active.get();
        return current == null ? 0 : current.version();
    }

    /** The first model could not be had: classifications fail at once instead of waiting. */
    void failed(Throwable cause) {
        first.completeExceptionally(cause);
    }

    private Active current() {
        Active current = active.get();
        if (current != null) {
            return current;
        }
        try {
            return first.get(settings.firstModelWait().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the first triage model", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("No triage model: training the first one failed", e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("No triage model yet after " + settings.firstModelWait(), e);
        }
    }
}
