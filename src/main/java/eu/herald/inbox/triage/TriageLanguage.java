package eu.herald.inbox.triage;

import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import eu.herald.common.Language;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The language of a reaction, by Lingua restricted to Herald's four languages, as the guardrails module detects it
 * (the guardrails' detector is internal to that module; Lingua shares its language models between detectors, so
 * this second detector costs no second copy of them). Built on first use or by {@link #warmUp()}.
 */
final class TriageLanguage {

    private volatile @Nullable LanguageDetector detector;

    /** The language, or nothing for a text without letters or too short to tell. */
    Optional<Language> detect(String text) {
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

    void warmUp() {
        detector();
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
