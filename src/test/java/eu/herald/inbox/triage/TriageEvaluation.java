package eu.herald.inbox.triage;

import eu.herald.common.Language;
import eu.herald.inbox.Category;
import eu.herald.inbox.triage.Corpus.Example;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * bin/triage-eval: trains the model Herald trains at start-up on the corpus's training part and prints, on the
 * held-out part, precision, recall and F1 per category and the confusion matrix, overall and per language; then
 * EMERGENCY recall with and without the emergency bias and with and without the urgency lexicon. {@code --compare}
 * also tries other algorithms and features. The floors are asserted by {@link TriageEvaluationTests}.
 */
public final class TriageEvaluation {

    /** The figures of one trained configuration on the held-out part. */
    record Result(TriageModel model, Evaluation biased, Evaluation unbiased) {}

    private TriageEvaluation() {}

    static Result evaluate(TriageTrainer trainer, Corpus corpus) {
        TriageModel model = trainer.train(corpus.training());
        return new Result(
                model,
                score(corpus.heldOut(), e -> model.decide(e.text()).category()),
                score(corpus.heldOut(), e -> model.decideUnbiased(e.text()).category()));
    }

    static Evaluation score(List<Example> examples, Function<Example, Category> classifier) {
        Evaluation evaluation = new Evaluation();
        for (Example example : examples) {
            evaluation.add(example.category(), classifier.apply(example));
        }
        return evaluation;
    }

    public static void main(String[] args) {
        quietTraining();
        boolean compare = List.of(args).contains("--compare");
        boolean mistakes = List.of(args).contains("--mistakes");
        Corpus corpus = Corpus.shipped();
        TriageTrainer trainer = TriageTrainer.DEFAULT;
        long started = System.nanoTime();
        Result result = evaluate(trainer, corpus);
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf(
                Locale.ROOT,
                "Triage model: %s%nCorpus: %d messages, %d training, %d held out; trained with threshold tuning in %d ms"
                        + "%nEmergency threshold (5-fold cross-validation on the training part, best F2): %.2f%n%n",
                trainer.describe(),
                corpus.all().size(),
                corpus.training().size(),
                corpus.heldOut().size(),
                millis,
                result.model().emergencyThreshold());
        System.out.println("== Held-out, all languages (with the emergency bias) ==");
        System.out.println(result.biased().report());
        for (Language language : Language.values()) {
            List<Example> part = corpus.heldOut().stream()
                    .filter(e -> e.language() == language)
                    .toList();
            System.out.println("== Held-out, " + language.code() + " ==");
            System.out.println(
                    score(part, e -> result.model().decide(e.text()).category()).report());
        }
        TriageModel noLexicon = trainer.withFeatures(new TextFeatures(
                        false, trainer.features().minGram(), trainer.features().maxGram()))
                .train(corpus.training());
        Evaluation noLexiconBiased =
                score(corpus.heldOut(), e -> noLexicon.decide(e.text()).category());
        Evaluation noLexiconUnbiased =
                score(corpus.heldOut(), e -> noLexicon.decideUnbiased(e.text()).category());
        System.out.println("== EMERGENCY on the held-out part ==");
        System.out.printf(Locale.ROOT, "%-34s %8s %9s %9s%n", "", "recall", "precision", "macro-F1");
        line("lexicon + bias (Herald's model)", result.biased());
        line("lexicon, no bias", result.unbiased());
        line(
                "no lexicon, bias (threshold " + String.format(Locale.ROOT, "%.2f", noLexicon.emergencyThreshold())
                        + ")",
                noLexiconBiased);
        line("no lexicon, no bias", noLexiconUnbiased);
        if (mistakes) {
            System.out.println();
            System.out.println("== Held-out mistakes ==");
            for (Example example : corpus.heldOut()) {
                TriageModel.Decision decision = result.model().decide(example.text());
                if (decision.category() != example.category()) {
                    System.out.printf(
                            Locale.ROOT,
                            "%s %-9s -> %-9s %.2f  %s%n",
                            example.language().code(),
                            example.category(),
                            decision.category(),
                            decision.confidence(),
                            example.text());
                }
            }
        }
        if (compare) {
            System.out.println();
            System.out.println("== Other configurations (held-out, with bias) ==");
            List<TriageTrainer> others = new ArrayList<>();
            for (double l2 : new double[] {0.1, 0.5, 1.0, 2.0}) {
                others.add(new TriageTrainer("MAXENT_QN", 150, l2, TextFeatures.DEFAULT, 5, true));
            }
            others.add(new TriageTrainer("MAXENT_QN", 150, 0.5, new TextFeatures(true, 3, 5), 5, true));
            others.add(new TriageTrainer("MAXENT_QN", 150, 0.5, new TextFeatures(true, 2, 3), 5, true));
            others.add(new TriageTrainer("MAXENT_QN", 150, 0.5, new TextFeatures(true, 1, 1), 5, true));
            others.add(new TriageTrainer("MAXENT", 100, 0, TextFeatures.DEFAULT, 5, true));
            others.add(new TriageTrainer("NAIVEBAYES", 1, 0, TextFeatures.DEFAULT, 5, true));
            for (TriageTrainer other : others) {
                Result r = evaluate(other, corpus);
                line(other.describe(), r.biased());
            }
        }
    }

    /** OpenNLP reports every training iteration at INFO: not here. */
    static void quietTraining() {
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("opennlp"))
                .setLevel(ch.qos.logback.classic.Level.WARN);
    }

    private static void line(String name, Evaluation evaluation) {
        Evaluation.Scores emergency = evaluation.scores(Category.EMERGENCY);
        System.out.printf(
                Locale.ROOT,
                "%-34s %8.3f %9.3f %9.3f%n",
                name,
                emergency.recall(),
                emergency.precision(),
                evaluation.macroF1());
    }
}
