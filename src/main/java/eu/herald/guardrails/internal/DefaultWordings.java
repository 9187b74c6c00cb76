package eu.herald.guardrails.internal;

import eu.herald.common.Language;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;

/**
 * Herald's default emergency-line sentence per language, kept with the module's texts ({@code
 * guardrails.emergencyLine.default} in {@code messages/guardrails_<language>.properties}) so translators see it
 * beside the rest. Read directly rather than through the MessageSource: the sentence goes out in the message's
 * language, whatever the reader's.
 */
final class DefaultWordings {

    static final String KEY = "guardrails.emergencyLine.default";

    private DefaultWordings() {}

    static Map<Language, String> load() {
        Map<Language, String> wordings = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            String name = "messages/guardrails_" + language.code() + ".properties";
            try (InputStream in = DefaultWordings.class.getClassLoader().getResourceAsStream(name)) {
                if (in == null) {
                    throw new IllegalStateException("Missing " + name);
                }
                Properties properties = new Properties();
                properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                String wording = properties.getProperty(KEY);
                if (wording == null || wording.isBlank()) {
                    throw new IllegalStateException(KEY + " missing in " + name);
                }
                wordings.put(language, wording.replace("''", "'"));
            } catch (IOException e) {
                throw new UncheckedIOException("Could not read " + name, e);
            }
        }
        return wordings;
    }
}
