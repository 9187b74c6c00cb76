package eu.herald.inbox.triage;

import eu.herald.inbox.Category;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.BinaryFileDataReader;
import opennlp.tools.ml.model.GenericModelReader;
import opennlp.tools.ml.model.GenericModelWriter;
import opennlp.tools.ml.model.MaxentModel;

/**
 * A trained classifier: OpenNLP's maximum-entropy model over {@link TextFeatures}, plus the emergency threshold.
 * Immutable and thread-safe (the maxent model is only read). Serialised as Herald's small header (format, features,
 * threshold) followed by OpenNLP's binary model.
 */
final class TriageModel {

    private static final String FORMAT = "herald-triage-1";
    private static final Category[] CATEGORIES = Category.values();

    /**
     * The class chosen and its probability.
     *
     * @param biased whether the emergency threshold, not the highest probability, chose EMERGENCY
     */
    record Decision(Category category, double confidence, boolean biased) {}

    private final MaxentModel maxent;
    private final TextFeatures features;
    private final double emergencyThreshold;
    private final int[] outcomeOf;

    TriageModel(MaxentModel maxent, TextFeatures features, double emergencyThreshold) {
        if (!(emergencyThreshold > 0 && emergencyThreshold <= 1)) {
            throw new IllegalArgumentException("emergency threshold must be in (0, 1]");
        }
        this.maxent = maxent;
        this.features = features;
        this.emergencyThreshold = emergencyThreshold;
        this.outcomeOf = new int[CATEGORIES.length];
        for (Category category : CATEGORIES) {
            outcomeOf[category.ordinal()] = maxent.getIndex(category.name());
        }
    }

    TriageModel withEmergencyThreshold(double threshold) {
        return new TriageModel(maxent, features, threshold);
    }

    double emergencyThreshold() {
        return emergencyThreshold;
    }

    TextFeatures features() {
        return features;
    }

    /** The probability of each category, indexed by {@link Category#ordinal()} (0 for a category never trained). */
    double[] probabilities(String text) {
        double[] outcomes = maxent.eval(features.of(text));
        double[] probabilities = new double[CATEGORIES.length];
        for (int c = 0; c < CATEGORIES.length; c++) {
            probabilities[c] = outcomeOf[c] < 0 ? 0 : outcomes[outcomeOf[c]];
        }
        return probabilities;
    }

    /** The category: EMERGENCY as soon as its probability reaches the threshold, otherwise the most probable one. */
    Decision decide(String text) {
        return decide(probabilities(text), emergencyThreshold);
    }

    /** The most probable category, without the emergency bias (for measuring what the bias adds). */
    Decision decideUnbiased(String text) {
        return decide(probabilities(text), 1.0 + Double.MIN_VALUE);
    }

    static Decision decide(double[] probabilities, double emergencyThreshold) {
        int best = 0;
        for (int c = 1; c < probabilities.length; c++) {
            if (probabilities[c] > probabilities[best]) {
                best = c;
            }
        }
        int emergency = Category.EMERGENCY.ordinal();
        if (best != emergency && probabilities[emergency] >= emergencyThreshold) {
            return new Decision(Category.EMERGENCY, probabilities[emergency], true);
        }
        return new Decision(CATEGORIES[best], probabilities[best], false);
    }

    byte[] toBytes() {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeUTF(FORMAT);
            out.writeBoolean(features.lexicon());
            out.writeInt(features.minGram());
            out.writeInt(features.maxGram());
            out.writeDouble(emergencyThreshold);
            new GenericModelWriter((AbstractModel) maxent, out).persist();
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static TriageModel fromBytes(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            String format = in.readUTF();
            if (!FORMAT.equals(format)) {
                throw new IllegalArgumentException("Not a triage model of format " + FORMAT + ": " + format);
            }
            TextFeatures features = new TextFeatures(in.readBoolean(), in.readInt(), in.readInt());
            double threshold = in.readDouble();
            AbstractModel maxent = new GenericModelReader(new BinaryFileDataReader(in)).getModel();
            return new TriageModel(maxent, features, threshold);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
