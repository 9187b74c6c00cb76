package eu.herald.guardrails.internal;

import eu.herald.common.Language;
import eu.herald.guardrails.Rule;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The word lists the rules read, one file per language: {@code guardrails/<code>_<language>.txt} on the class path,
 * one entry a line ({@code #} starts a comment). Admins add and remove entries on top of the files (see {@link
 * LexiconChange}).
 */
public enum Lexicon {
    /** Alarmist wording: sweeping generalisations, war and epidemic metaphors, shock adjectives, "you could be next". */
    ANXIETY(Rule.ANXIETY),
    /** Details that help offenders: patrols and checks, staffing gaps, empty homes, ongoing investigations. */
    OPSEC(Rule.OPSEC),
    /** Words saying that the channel is not an emergency line (looked for together with 112 and 101). */
    EMERGENCY_LINE(Rule.EMERGENCY_LINE),
    /** Officialese with its plain alternative ({@code apprehend => arrest}). */
    JARGON(Rule.PLAIN_LANGUAGE);

    private final Rule rule;

    Lexicon(Rule rule) {
        this.rule = rule;
    }

    public Rule rule() {
        return rule;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Lexicon> fromCode(String code) {
        for (Lexicon lexicon : values()) {
            if (lexicon.code().equalsIgnoreCase(code == null ? "" : code.trim())) {
                return Optional.of(lexicon);
            }
        }
        return Optional.empty();
    }

    public String file(Language language) {
        return "guardrails/" + code() + "_" + language.code() + ".txt";
    }

    /** The entries of the file shipped with Herald, in file order. */
    public List<String> fileEntries(Language language) {
        String name = file(language);
        try (InputStream in = Lexicon.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing lexicon file " + name);
            }
            List<String> entries = new ArrayList<>();
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    String entry = line.strip();
                    if (!entry.isEmpty() && !entry.startsWith("#")) {
                        entries.add(entry);
                    }
                }
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + name, e);
        }
    }
}
