package eu.herald.inbox.triage;

import eu.herald.inbox.Category;
import eu.herald.inbox.triage.Corpus.Example;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import opennlp.tools.ml.EventTrainer;
import opennlp.tools.ml.TrainerFactory;
import opennlp.tools.ml.model.Event;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;

/**
 * Trains a {@link TriageModel} with OpenNLP's maximum-entropy trainer, then chooses the emergency threshold by
 * cross-validation on the same training examples (never on the held-out part): each example is scored by a model
 * that did not see it, and the threshold that gives the best F2 for EMERGENCY (recall weighs twice as much as
 * precision) wins; among equals, the highest.
 *
 * @param algorithm OpenNLP's algorithm name: MAXENT_QN (L-BFGS, L2-regularised) or MAXENT (GIS)
 * @param iterations training iterations
 * @param l2 the L2 cost for MAXENT_QN
 * @param features the features
 * @param folds the cross-validation folds for the threshold
 * @param biased whether to tune an emergency threshold at all (false: the most probable class always wins)
 */
record TriageTrainer(String algorithm, int iterations, double l2, TextFeatures features, int folds, boolean biased) {

    static final TriageTrainer DEFAULT = new TriageTrainer("MAXENT_QN", 150, 0.5, TextFeatures.DEFAULT, 5, true);

    /** The thresholds tried, from 0.05 to 0.60. */
    private static final double MIN_THRESHOLD = 0.05, MAX_THRESHOLD = 0.60, STEP = 0.01;

    String describe() {
        return String.format(
                java.util.Locale.ROOT,
                "OpenNLP %s, %d iterations, L2 %.2f, word + bigram + char %d-%d-grams%s",
                algorithm,
                iterations,
                l2,
                features.minGram(),
                features.maxGram(),
                features.lexicon() ? " + urgency lexicon" : "");
    }

    TriageTrainer withFeatures(TextFeatures other) {
        return new TriageTrainer(algorithm, iterations, l2, other, folds, biased);
    }

    TriageTrainer withBias(boolean bias) {
        return new TriageTrainer(algorithm, iterations, l2, features, folds, bias);
    }

    TriageModel train(List<Example> examples) {
        MaxentModel maxent = fit(examples);
        double threshold = biased ? tuneThreshold(examples) : 1.0;
        return new TriageModel(maxent, features, threshold);
    }

    MaxentModel fit(List<Example> examples) {
        TrainingParameters parameters = new TrainingParameters();
        parameters.put(TrainingParameters.ALGORITHM_PARAM, algorithm);
        parameters.put(TrainingParameters.ITERATIONS_PARAM, iterations);
        parameters.put(TrainingParameters.CUTOFF_PARAM, 1);
        parameters.put(TrainingParameters.THREADS_PARAM, 1);
        parameters.put("PrintMessages", false);
        if (algorithm.equals("MAXENT_QN")) {
            parameters.put("L1Cost", 0.0);
            parameters.put("L2Cost", l2);
        }
        List<Event> events = new ArrayList<>(examples.size());
        for (Example example : examples) {
            events.add(new Event(example.category().name(), features.of(example.text())));
        }
        Map<String, String> report = new HashMap<>();
        EventTrainer trainer = TrainerFactory.getEventTrainer(parameters, report);
        try {
            return trainer.train(ObjectStreamUtils.createObjectStream(events));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The probabilities of each example from a model trained on the other folds (stratified by language and category). */
    double[][] outOfFold(List<Example> examples) {
        int[] fold = folds(examples);
        double[][] probabilities = new double[examples.size()][];
        for (int f = 0; f < folds; f++) {
            List<Example> train = new ArrayList<>();
            for (int i = 0; i < examples.size(); i++) {
                if (fold[i] != f) {
                    train.add(examples.get(i));
                }
            }
            TriageModel model = new TriageModel(fit(train), features, 1.0);
            for (int i = 0; i < examples.size(); i++) {
                if (fold[i] == f) {
                    probabilities[i] = model.probabilities(examples.get(i).text());
                }
            }
        }
        return probabilities;
    }

    double tuneThreshold(List<Example> examples) {
        return bestThreshold(examples, outOfFold(examples));
    }

    static double bestThreshold(List<Example> examples, double[][] probabilities) {
        double best = MAX_THRESHOLD;
        double bestScore = -1;
        int steps = (int) Math.round((MAX_THRESHOLD - MIN_THRESHOLD) / STEP);
        for (int s = steps; s >= 0; s--) {
            double threshold = Math.round((MIN_THRESHOLD + s * STEP) * 100) / 100.0;
            int truePositives = 0, falsePositives = 0, falseNegatives = 0;
            for (int i = 0; i < examples.size(); i++) {
                boolean predicted =
                        TriageModel.decide(probabilities[i], threshold).category() == Category.EMERGENCY;
                boolean actual = examples.get(i).category() == Category.EMERGENCY;
                if (predicted && actual) {
                    truePositives++;
                } else if (predicted) {
                    falsePositives++;
                } else if (actual) {
                    falseNegatives++;
                }
            }
            double f2 = truePositives == 0
                    ? 0
                    : 5.0 * truePositives / (5.0 * truePositives + 4.0 * falseNegatives + falsePositives);
            if (f2 > bestScore + 1e-12) {
                bestScore = f2;
                best = threshold;
            }
        }
        return best;
    }

    private int[] folds(List<Example> examples) {
        Map<String, Integer> seen = new LinkedHashMap<>();
        int[] fold = new int[examples.size()];
        for (int i = 0; i < examples.size(); i++) {
            Example example = examples.get(i);
            String group = example.language() + "/" + example.category();
            int index = seen.merge(group, 1, Integer::sum) - 1;
            fold[i] = index % folds;
        }
        return fold;
    }
}
