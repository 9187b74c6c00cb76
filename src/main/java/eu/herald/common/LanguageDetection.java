package eu.herald.common;

import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Lingua restricted to Herald's four languages, one detector for the whole node (the guardrails check drafts with it,
 * the inbox's triage reads reactions with it). The detector is built once, on first use or by {@link #warmUp()}
 * (Herald calls it in the background after start-up, so neither start-up nor the first check waits for the models).
 */
@Component
public final class LanguageDetection {

    private static final Logger log = LoggerFactory.getLogger(LanguageDetection.class);

    private volatile @Nullable LanguageDetector detector;

    /** Detects the language, or nothing for a text without letters (Lingua then answers UNKNOWN). */
    public Optional<Language> detect(String text) {
        if (text.codePoints().noneMatch(Character::isLetter)) {
            return Optional.empty();
        }
        return switch (detector().detectLanguageOf(text)) {
            case DUTCH -> Optional.of(Language.NL);
            case FRENCH -> Optional.of(Language.FR);
            case GERMAN -> Optional.of(Language.DE);
            case ENGLISH -> Optional.of(Language.EN);
            default -> Optional.empty();
        };
    }

    /** Builds the detector with its models in memory; returns the milliseconds it took (0 when already built). */
    public long warmUp() {
        if (detector != null) {
            return 0;
        }
        long started = System.nanoTime();
        detector();
        long millis = (System.nanoTime() - started) / 1_000_000;
        log.info("Language detection ready: Lingua models for nl, fr, de, en loaded in {} ms", millis);
        return millis;
    }

    public boolean ready() {
        return detector != null;
    }

    private LanguageDetector detector() {
        LanguageDetector built = detector;
        if (built == null) {
            synchronized (this) {
                built = detector;
                if (built == null) {
                    built = LanguageDetectorBuilder.fromLanguages(
                                    com.github.pemistahl.lingua.api.Language.DUTCH,
                                    com.github.pemistahl.lingua.api.Language.FRENCH,
                                    com.github.pemistahl.lingua.api.Language.GERMAN,
                                    com.github.pemistahl.lingua.api.Language.ENGLISH)
                            .withPreloadedLanguageModels()
                            .build();
                    detector = built;
                }
            }
        }
        return built;
    }
}
