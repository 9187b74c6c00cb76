package eu.herald.inbox.triage;

import eu.herald.common.Language;
import eu.herald.inbox.Category;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The labelled corpus shipped with Herald: {@code inbox/triage/corpus-<language>.tsv}, one message a line as
 * {@code split<TAB>category<TAB>text}. {@code split} is {@code train} or {@code heldout}: the held-out part (about a
 * quarter, the 2nd, 6th, 10th… message of each language and category in file order, fixed in the file) is never
 * trained on; it scores every model version.
 */
final class Corpus {

    /**
     * One labelled message.
     *
     * @param language the language it is written in (the corpus's label, not a detection)
     */
    record Example(Language language, Category category, boolean heldOut, String text) {}

    private final List<Example> examples;

    private Corpus(List<Example> examples) {
        this.examples = List.copyOf(examples);
    }

    /** The corpus from the classpath. */
    static Corpus shipped() {
        List<Example> examples = new ArrayList<>();
        for (Language language : Language.values()) {
            String resource = "inbox/triage/corpus-" + language.code() + ".tsv";
            try (InputStream in = Corpus.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("Missing " + resource);
                }
                examples.addAll(parse(language, resource, in));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new Corpus(examples);
    }

    static List<Example> parse(Language language, String name, InputStream in) throws IOException {
        List<Example> examples = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line = reader.readLine();
        if (line == null || !line.equals("split\tcategory\ttext")) {
            throw new IllegalStateException(name + ": the first line must be split<TAB>category<TAB>text");
        }
        int number = 1;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            String[] fields = line.split("\t", -1);
            if (fields.length != 3 || fields[2].isBlank()) {
                throw new IllegalStateException(name + " line " + number + ": expected split, category and text");
            }
            boolean heldOut = switch (fields[0]) {
                case "heldout" -> true;
                case "train" -> false;
                default -> throw new IllegalStateException(name + " line " + number + ": split " + fields[0]);
            };
            examples.add(new Example(language, Category.valueOf(fields[1]), heldOut, fields[2]));
        }
        return examples;
    }

    List<Example> all() {
        return examples;
    }

    List<Example> training() {
        return examples.stream().filter(e -> !e.heldOut()).toList();
    }

    List<Example> heldOut() {
        return examples.stream().filter(Example::heldOut).toList();
    }
}
