package eu.herald;

import static org.assertj.core.api.Assertions.assertThat;

import eu.herald.common.Language;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Every text exists in nl, fr, de and en; every key the templates and code use exists. */
class MessageBundleTests {

    /** Keys used in templates: #{key} or #{key(args)}; dynamic keys (#{'role.' + …}) are checked by prefix below. */
    private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([a-zA-Z][\\w.]*[\\w])(\\(|})");
    /** Keys used in code: validation messages "{key}" and the keys handed to refusals, flashes and navigation. */
    private static final Pattern CODE_KEY = Pattern.compile(
            "(?:message = \"\\{([\\w.]+)}\"|RefusedException\\(\\s*\"([\\w.]+)\"|reject(?:Value)?\\((?:\"\\w+\", )?\"([\\w.]+)\""
                    + "|addFlashAttribute\\(\"(?:saved|refusal)\", \"([\\w.]+)\"|NavigationItem\\(\"([\\w.]+)\")");

    @Test
    void everyBundleHasTheSameKeysInEveryLanguage() throws IOException {
        for (String bundle : bundles()) {
            Set<String> english = load(bundle, Language.EN).keySet();
            assertThat(english).as(bundle + " in English").isNotEmpty();
            for (Language language : Language.values()) {
                assertThat(load(bundle, language).keySet())
                        .as("keys of %s in %s", bundle, language.code())
                        .containsExactlyInAnyOrderElementsOf(english);
            }
        }
    }

    @Test
    void noTextIsLeftEmptyOrUntranslatedPlaceholderCountsMatch() throws IOException {
        Pattern placeholder = Pattern.compile("\\{\\d+}");
        for (String bundle : bundles()) {
            Map<String, String> english = load(bundle, Language.EN);
            for (Language language : Language.values()) {
                Map<String, String> texts = load(bundle, language);
                texts.forEach((key, text) -> {
                    assertThat(text)
                            .as("%s %s in %s", bundle, key, language.code())
                            .isNotBlank();
                    assertThat(count(placeholder, text))
                            .as("placeholders of %s in %s", key, language.code())
                            .isEqualTo(count(placeholder, english.get(key)));
                });
            }
        }
    }

    @Test
    void everyKeyUsedInTemplatesAndCodeExists() throws IOException {
        Set<String> known = new TreeSet<>();
        for (String bundle : bundles()) {
            known.addAll(load(bundle, Language.EN).keySet());
        }
        Set<String> used = new TreeSet<>();
        collect(Path.of("src/main/resources/templates"), TEMPLATE_KEY, used);
        collect(Path.of("src/main/java"), CODE_KEY, used);
        assertThat(used).as("keys found in templates and code").hasSizeGreaterThan(50);
        assertThat(known).containsAll(used);
    }

    @Test
    void everyRoleKindAndLanguageHasItsLabel() throws IOException {
        Set<String> known = new TreeSet<>();
        for (String bundle : bundles()) {
            known.addAll(load(bundle, Language.EN).keySet());
        }
        for (var role : eu.herald.accounts.Role.values()) {
            assertThat(known).contains("role." + role.name());
        }
        for (var kind : eu.herald.accounts.OrganisationKind.values()) {
            assertThat(known).contains("organisation.kind." + kind.name());
        }
        for (Language language : Language.values()) {
            assertThat(known).contains("language." + language.code(), "language." + language.code() + ".self");
        }
    }

    private static void collect(Path root, Pattern pattern, Set<String> used) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Matcher matcher = pattern.matcher(Files.readString(file));
                while (matcher.find()) {
                    for (int group = 1; group <= matcher.groupCount(); group++) {
                        String key = matcher.group(group);
                        if (key != null && key.contains(".")) {
                            used.add(key);
                        }
                    }
                }
            }
        }
    }

    private static int count(Pattern pattern, String text) {
        return (int) pattern.matcher(text).results().count();
    }

    private static Set<String> bundles() throws IOException {
        Set<String> names = new TreeSet<>();
        for (Resource resource :
                new PathMatchingResourcePatternResolver().getResources("classpath:messages/*_en.properties")) {
            names.add(resource.getFilename().replace("_en.properties", ""));
        }
        return names;
    }

    private static Map<String, String> load(String bundle, Language language) throws IOException {
        String name = "messages/" + bundle + "_" + language.code() + ".properties";
        try (InputStream in = MessageBundleTests.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name + " exists").isNotNull();
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> texts = new HashMap<>();
            properties.forEach((k, v) -> texts.put((String) k, (String) v));
            return texts;
        }
    }
}
