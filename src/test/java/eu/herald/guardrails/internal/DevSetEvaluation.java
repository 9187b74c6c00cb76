package eu.herald.guardrails.internal;

import eu.herald.common.Channel;
import eu.herald.common.Language;
import eu.herald.common.LanguageDetection;
import eu.herald.guardrails.Check;
import eu.herald.guardrails.Draft;
import eu.herald.guardrails.Rule;
import eu.herald.guardrails.Severity;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Precision and recall of the rules on the labelled development set ({@code src/test/resources/guardrails/devset/
 * <language>.txt}: realistic prevention posts, calm, alarmist and operationally revealing, 40 per language). A draft
 * counts as flagged by a rule when the rule gives it a WARN or BLOCK. The "tune" part was used to adjust the word
 * lists; the "heldout" part was never looked at while doing so. Run {@code bin/guardrails-eval} for the table.
 */
public final class DevSetEvaluation {

    /** The rules the set is labelled for. */
    public static final List<Rule> RULES = List.of(Rule.ANXIETY, Rule.OPSEC, Rule.EMERGENCY_LINE, Rule.LINK);

    public record Draft_(String id, String split, Channel channel, Set<Rule> expected, String text) {}

    /** Counts of one rule on one part of the set. */
    public record Score(int truePositives, int falsePositives, int falseNegatives, List<String> mistakes) {

        public double precision() {
            int flagged = truePositives + falsePositives;
            return flagged == 0 ? 1.0 : (double) truePositives / flagged;
        }

        public double recall() {
            int actual = truePositives + falseNegatives;
            return actual == 0 ? 1.0 : (double) truePositives / actual;
        }
    }

    private DevSetEvaluation() {}

    public static List<Draft_> load(Language language) {
        String name = "guardrails/devset/" + language.code() + ".txt";
        try (InputStream in = DevSetEvaluation.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + name);
            }
            List<Draft_> drafts = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\\|", 5);
                Set<Rule> expected = EnumSet.noneOf(Rule.class);
                if (!cells[3].equals("-")) {
                    Arrays.stream(cells[3].split(",")).map(Rule::valueOf).forEach(expected::add);
                }
                drafts.add(new Draft_(cells[0], cells[1], Channel.valueOf(cells[2]), expected, cells[4]));
            }
            return drafts;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Scores per rule for the drafts of {@code language} in {@code split} ("tune", "heldout" or "all"). */
    public static Map<Rule, Score> score(GuardrailsEngine engine, Language language, String split) {
        Map<Rule, int[]> counts = new LinkedHashMap<>();
        Map<Rule, List<String>> mistakes = new LinkedHashMap<>();
        RULES.forEach(r -> {
            counts.put(r, new int[3]);
            mistakes.put(r, new ArrayList<>());
        });
        for (Draft_ draft : load(language)) {
            if (!split.equals("all") && !draft.split().equals(split)) {
                continue;
            }
            Check check = engine.check(Draft.of(draft.text(), draft.channel(), language));
            for (Rule rule : RULES) {
                boolean flagged =
                        check.findings().stream().anyMatch(f -> f.rule() == rule && f.severity() != Severity.INFO);
                boolean expected = draft.expected().contains(rule);
                int[] c = counts.get(rule);
                if (flagged && expected) {
                    c[0]++;
                } else if (flagged) {
                    c[1]++;
                    mistakes.get(rule).add("false positive " + draft.id());
                } else if (expected) {
                    c[2]++;
                    mistakes.get(rule).add("missed " + draft.id());
                }
            }
        }
        Map<Rule, Score> scores = new LinkedHashMap<>();
        counts.forEach((rule, c) -> scores.put(rule, new Score(c[0], c[1], c[2], mistakes.get(rule))));
        return scores;
    }

    /** Share of drafts whose language Lingua detects right (the set's language being the truth). */
    public static double detectionAccuracy(LanguageDetection detection, Language language) {
        List<Draft_> drafts = load(language);
        long right = drafts.stream()
                .filter(d -> detection.detect(d.text()).orElse(null) == language)
                .count();
        return (double) right / drafts.size();
    }

    public static void main(String[] args) {
        GuardrailsEngine engine = GuardrailsEngine.standalone();
        boolean verbose = Arrays.asList(args).contains("--mistakes");
        System.out.println("Guardrails on the development set (flagged = WARN or BLOCK); P = precision, R = recall");
        System.out.printf(
                Locale.ROOT, "%-15s %-4s | %-22s | %-22s%n", "rule", "lang", "tuned (30/lang)", "held-out (10/lang)");
        for (Rule rule : RULES) {
            int[] tunedAll = new int[3];
            int[] heldAll = new int[3];
            for (Language language : Language.values()) {
                Score tuned = score(engine, language, "tune").get(rule);
                Score held = score(engine, language, "heldout").get(rule);
                add(tunedAll, tuned);
                add(heldAll, held);
                System.out.printf(
                        Locale.ROOT, "%-15s %-4s | %s | %s%n", rule, language.code(), cell(tuned), cell(held));
                if (verbose) {
                    tuned.mistakes().forEach(m -> System.out.println("      tuned: " + m));
                    held.mistakes().forEach(m -> System.out.println("      held-out: " + m));
                }
            }
            System.out.printf(
                    Locale.ROOT,
                    "%-15s %-4s | %s | %s%n",
                    rule,
                    "all",
                    cell(new Score(tunedAll[0], tunedAll[1], tunedAll[2], List.of())),
                    cell(new Score(heldAll[0], heldAll[1], heldAll[2], List.of())));
        }
        System.out.println();
        for (Language language : Language.values()) {
            System.out.printf(
                    Locale.ROOT,
                    "language detection %s: %.0f%% of 40 right%n",
                    language.code(),
                    100 * detectionAccuracy(engine.detection(), language));
        }
    }

    private static void add(int[] total, Score score) {
        total[0] += score.truePositives();
        total[1] += score.falsePositives();
        total[2] += score.falseNegatives();
    }

    private static String cell(Score s) {
        return String.format(
                Locale.ROOT,
                "P %4.2f R %4.2f (%2d/%2d/%2d)",
                s.precision(),
                s.recall(),
                s.truePositives(),
                s.falsePositives(),
                s.falseNegatives());
    }
}
