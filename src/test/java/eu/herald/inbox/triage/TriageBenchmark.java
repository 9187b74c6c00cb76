package eu.herald.inbox.triage;

import eu.herald.common.Channel;
import eu.herald.common.LanguageDetection;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link Triage#classify} of one typical reaction per language (Lingua's detection included), with the model Herald
 * trains at start-up, on one core and one thread. Sample time mode, so JMH prints the median (p0.50). Run by
 * bin/bench-triage.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-XX:ActiveProcessorCount=1"})
@Threads(1)
public class TriageBenchmark {

    /** Typical reactions: none of them is in the corpus. */
    static final String NL =
            "@politiegent gisteren is er weer ingebroken in de Sint-Salvatorstraat, die witte camionette stond er"
                    + " weer 😡 doe er iets aan aub";

    static final String FR =
            "bonjour svp c'est quoi le numero pour signaler un vol de velo a Ixelles? merci d'avance 🙏";

    static final String DE = "HILFE einer versucht grad bei uns im keller einzubrechen in Eupen, kommt schnell!!!";

    static final String EN =
            "lol you lot are useless, called 3 times about the parties next door and nobody came #brussels";

    @Param({"nl", "fr", "de", "en"})
    public String language;

    private TriageService triage;
    private String text;

    @Setup
    public void setUp() {
        TriageEvaluation.quietTraining();
        triage = new TriageService(TriageProperties.defaults(), new LanguageDetection());
        triage.activate(1, TriageTrainer.DEFAULT.train(Corpus.shipped().training()));
        text = switch (language) {
            case "fr" -> FR;
            case "de" -> DE;
            case "en" -> EN;
            default -> NL;
        };
        triage.classify(text, Channel.X);
    }

    @Benchmark
    public Triage.Verdict classify() {
        return triage.classify(text, Channel.X);
    }
}
