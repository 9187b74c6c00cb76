package eu.herald.inbox.triage;

import eu.herald.inbox.Category;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Precision, recall and F1 per category from a confusion matrix (rows: the true category, columns: the predicted
 * one). Macro-F1 is the mean F1 over the categories present in the gold labels.
 */
final class Evaluation {

    /** The figures of one category. */
    record Scores(double precision, double recall, double f1, int support) {}

    private static final Category[] CATEGORIES = Category.values();

    private final int[][] confusion = new int[CATEGORIES.length][CATEGORIES.length];
    private int total;

    void add(Category gold, Category predicted) {
        confusion[gold.ordinal()][predicted.ordinal()]++;
        total++;
    }

    static Evaluation of(List<Category> gold, List<Category> predicted) {
        if (gold.size() != predicted.size()) {
            throw new IllegalArgumentException("gold and predicted differ in size");
        }
        Evaluation evaluation = new Evaluation();
        for (int i = 0; i < gold.size(); i++) {
            evaluation.add(gold.get(i), predicted.get(i));
        }
        return evaluation;
    }

    int total() {
        return total;
    }

    int count(Category gold, Category predicted) {
        return confusion[gold.ordinal()][predicted.ordinal()];
    }

    Scores scores(Category category) {
        int c = category.ordinal();
        int truePositives = confusion[c][c];
        int predicted = 0;
        int support = 0;
        for (int i = 0; i < CATEGORIES.length; i++) {
            predicted += confusion[i][c];
            support += confusion[c][i];
        }
        double precision = predicted == 0 ? 0 : (double) truePositives / predicted;
        double recall = support == 0 ? 0 : (double) truePositives / support;
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new Scores(precision, recall, f1, support);
    }

    Map<Category, Scores> byCategory() {
        Map<Category, Scores> scores = new EnumMap<>(Category.class);
        for (Category category : CATEGORIES) {
            scores.put(category, scores(category));
        }
        return scores;
    }

    double macroF1() {
        double sum = 0;
        int present = 0;
        for (Category category : CATEGORIES) {
            Scores scores = scores(category);
            if (scores.support() > 0) {
                sum += scores.f1();
                present++;
            }
        }
        return present == 0 ? 0 : sum / present;
    }

    double accuracy() {
        int correct = 0;
        for (int i = 0; i < CATEGORIES.length; i++) {
            correct += confusion[i][i];
        }
        return total == 0 ? 0 : (double) correct / total;
    }

    double emergencyRecall() {
        return scores(Category.EMERGENCY).recall();
    }

    /** The figures per category as JSON: {"EMERGENCY": {"precision": …, "recall": …, "f1": …, "support": …}, …}. */
    String toJson() {
        StringBuilder json = new StringBuilder("{");
        for (Category category : CATEGORIES) {
            Scores s = scores(category);
            if (json.length() > 1) {
                json.append(", ");
            }
            json.append(String.format(
                    Locale.ROOT,
                    "\"%s\": {\"precision\": %.4f, \"recall\": %.4f, \"f1\": %.4f, \"support\": %d}",
                    category.name(),
                    s.precision(),
                    s.recall(),
                    s.f1(),
                    s.support()));
        }
        return json.append("}").toString();
    }

    /** A plain-text table of the figures per category and the confusion matrix. */
    String report() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT, "%-10s %9s %7s %6s %8s%n", "category", "precision", "recall", "f1", "support"));
        for (Category category : CATEGORIES) {
            Scores s = scores(category);
            out.append(String.format(
                    Locale.ROOT,
                    "%-10s %9.3f %7.3f %6.3f %8d%n",
                    category,
                    s.precision(),
                    s.recall(),
                    s.f1(),
                    s.support()));
        }
        out.append(String.format(Locale.ROOT, "macro-F1 %.3f   accuracy %.3f   n=%d%n", macroF1(), accuracy(), total));
        out.append("confusion (rows: true, columns: predicted)\n");
        out.append(String.format(Locale.ROOT, "%-10s", ""));
        for (Category category : CATEGORIES) {
            out.append(String.format(Locale.ROOT, "%6.5s", category.name()));
        }
        out.append('\n');
        for (Category gold : CATEGORIES) {
            out.append(String.format(Locale.ROOT, "%-10s", gold));
            for (Category predicted : CATEGORIES) {
                out.append(String.format(Locale.ROOT, "%6d", count(gold, predicted)));
            }
            out.append('\n');
        }
        return out.toString();
    }
}
