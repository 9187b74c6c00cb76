package eu.herald.inbox.triage;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Small per-language lists of phrases that say "now" ("nu", "maintenant", "jetzt", "right now") or call for help
 * ("help", "au secours", "Hilfe"), shipped as {@code inbox/triage/urgent-<language>.txt} (lines {@code now=...} or
 * {@code help=...}). A match adds a feature ({@code lex=now}, {@code lex=help}); the model learns how much it weighs.
 * All four lists apply to every text: a misdetected language must not hide an emergency.
 */
final class UrgencyLexicon {

    private record Phrase(String kind, List<String> tokens) {}

    private static final List<Phrase> PHRASES = load();

    private UrgencyLexicon() {}

    /** The kinds of urgent phrase found among the normalised tokens, each once. */
    static Set<String> matches(List<String> tokens) {
        Set<String> found = new LinkedHashSet<>(2);
        for (Phrase phrase : PHRASES) {
            if (!found.contains(phrase.kind()) && contains(tokens, phrase.tokens())) {
                found.add(phrase.kind());
            }
        }
        return found;
    }

    static int size() {
        return PHRASES.size();
    }

    private static boolean contains(List<String> tokens, List<String> phrase) {
        outer:
        for (int i = 0; i + phrase.size() <= tokens.size(); i++) {
            for (int j = 0; j < phrase.size(); j++) {
                if (!tokens.get(i + j).equals(phrase.get(j))) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static List<Phrase> load() {
        List<Phrase> phrases = new ArrayList<>();
        for (String language : List.of("nl", "fr", "de", "en")) {
            String resource = "inbox/triage/urgent-" + language + ".txt";
            try (InputStream in = UrgencyLexicon.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("Missing " + resource);
                }
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                String line;
                while ((line = reader.readLine()) != null) {
                    line = line.strip();
                    if (line.isEmpty() || line.startsWith("#")) {
                        continue;
                    }
                    int eq = line.indexOf('=');
                    if (eq < 1) {
                        throw new IllegalStateException(resource + ": expected kind=phrase, got " + line);
                    }
                    List<String> tokens = TextFeatures.tokens(line.substring(eq + 1));
                    if (!tokens.isEmpty()) {
                        phrases.add(new Phrase(line.substring(0, eq).strip(), List.copyOf(tokens)));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return List.copyOf(phrases);
    }
}
