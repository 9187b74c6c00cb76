package eu.herald.guardrails.internal;

import eu.herald.common.Channel;
import eu.herald.common.Language;
import eu.herald.guardrails.Check;
import eu.herald.guardrails.Draft;
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
 * One check of a 500-character text on one thread, with the language given and with it detected by Lingua. Sample
 * time mode, so JMH prints the median (p0.50) beside the mean. Run by bin/bench-guardrails.
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
public class GuardrailsBenchmark {

    /** About 500 characters each: a realistic post with a link, an alarming phrase and an operational detail. */
    static final String NL = "Opgelet: een schokkende inbraakgolf in de wijk rond het station. Inbrekers komen vooral"
            + " binnen langs de achterdeur of een open raam op de verdieping. Sluit altijd alles af, ook als u maar even"
            + " weg bent, en leg uw sleutels niet in het zicht. Vanavond maar één patrouille in de zone, dus hou een oogje"
            + " in het zeil. Ziet u iets verdachts? Bel 101. Meer tips over inbraakpreventie en een gratis"
            + " diefstalpreventieadvies aan huis: https://www.besafe.be/inbraak. Deze pagina is geen noodlijn: bij nood 112.";

    static final String FR = "Attention : une vague de cambriolages choquante dans le quartier de la gare. Les"
            + " cambrioleurs entrent surtout par la porte arrière ou par une fenêtre ouverte à l'étage. Fermez toujours"
            + " tout à clé, même pour une courte absence, et ne laissez pas vos clés en vue. Ce soir, une seule patrouille"
            + " dans la zone, restez vigilants. Vous voyez quelque chose de suspect ? Appelez le 101. Plus de conseils :"
            + " https://www.besafe.be/cambriolage. Cette page n'est pas une ligne d'urgence : en cas d'urgence, le 112.";

    /** nl-emoji: the Dutch text with two emoji, which sends X's count through twitter-text's (slow) emoji pass. */
    @Param({"nl", "fr", "nl-emoji"})
    public String language;

    @Param({"FACEBOOK", "X"})
    public String channel;

    private GuardrailsEngine engine;
    private Draft given;
    private Draft detected;

    @Setup
    public void setUp() {
        engine = GuardrailsEngine.standalone();
        engine.detection().warmUp();
        String text = switch (language) {
            case "fr" -> FR;
            case "nl-emoji" -> NL.replace("Opgelet:", "🔒🚲 Let op:");
            default -> NL;
        };
        Channel on = Channel.valueOf(channel);
        given = Draft.of(text, on, Language.fromCode(language.substring(0, 2)).orElseThrow());
        detected = Draft.of(text, on, null);
    }

    @Benchmark
    public Check checkWithLanguageGiven() {
        return engine.check(given);
    }

    @Benchmark
    public Check checkWithLanguageDetected() {
        return engine.check(detected);
    }
}
