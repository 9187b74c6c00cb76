package eu.herald.guardrails.internal;

import com.twitter.twittertext.Extractor;
import eu.herald.common.Channel;
import eu.herald.common.Language;
import eu.herald.common.LanguageDetection;
import eu.herald.guardrails.Check;
import eu.herald.guardrails.Draft;
import eu.herald.guardrails.Finding;
import eu.herald.guardrails.Guardrails;
import eu.herald.guardrails.Length;
import eu.herald.guardrails.Media;
import eu.herald.guardrails.Rule;
import eu.herald.guardrails.Severity;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The check engine: pure (no I/O; lexicons and wordings come from an immutable {@link Knowledge}), so it runs on
 * every keystroke and again at approval with the same answer.
 */
public final class GuardrailsEngine implements Guardrails {

    /**
     * Channels too short to carry the full information (the workshop: "140 characters is too short, click-through to
     * a website"): X, Mastodon, Bluesky, and WhatsApp (SMS-style). Instagram is left out because its captions cannot
     * hold a clickable link; Telegram because 4096 characters do hold the full information.
     */
    public static final Set<Channel> SHORT_CHANNELS =
            EnumSet.of(Channel.X, Channel.MASTODON, Channel.BLUESKY, Channel.WHATSAPP);

    private static final Pattern NUMBER_112 = Pattern.compile("(?<!\\d)112(?!\\d)");
    private static final Pattern NUMBER_101 = Pattern.compile("(?<!\\d)101(?!\\d)");

    private final GuardrailsProperties settings;
    private final LanguageDetection detection;
    private final Supplier<Knowledge> knowledge;
    private final ChannelLengths lengths = new ChannelLengths();
    private final OffenderHelp offenderHelp = new OffenderHelp();

    public GuardrailsEngine(GuardrailsProperties settings, LanguageDetection detection, Supplier<Knowledge> knowledge) {
        this.settings = settings;
        this.detection = detection;
        this.knowledge = knowledge;
    }

    /** An engine on the shipped lexicons and default settings, for tests, the evaluation and the benchmark. */
    public static GuardrailsEngine standalone() {
        Knowledge shipped = Knowledge.shipped();
        return new GuardrailsEngine(GuardrailsProperties.defaults(), new LanguageDetection(), () -> shipped);
    }

    public LanguageDetection detection() {
        return detection;
    }

    @Override
    public Check check(Draft draft) {
        String text = draft.text();
        Language language = draft.language() != null
                ? draft.language()
                : detection.detect(text).orElse(Language.EN);
        Knowledge known = knowledge.get();
        List<Finding> findings = new ArrayList<>();

        ChannelLengths.Measure measure = lengths.measure(draft.channel(), text);
        length(draft.channel(), text, measure, findings);

        List<Extractor.Entity> urls = lengths.urls(text);
        String masked = mask(text, urls);
        anxiety(masked, known.matcher(Lexicon.ANXIETY, language), findings);
        opsec(masked, language, known.matcher(Lexicon.OPSEC, language), findings);
        UUID organisation =
                draft.organisation() == null ? null : draft.organisation().value();
        emergencyLine(draft.channel(), masked, known.wording(organisation, language), known, language, findings);
        if (SHORT_CHANNELS.contains(draft.channel()) && urls.isEmpty()) {
            findings.add(new Finding(Rule.LINK, Severity.WARN, "guardrails.link.missing", List.of(), 0, 0));
        }
        plainLanguage(masked, language, known.matcher(Lexicon.JARGON, language), findings);
        altText(draft.media(), findings);

        findings.sort(Comparator.comparingInt((Finding f) -> f.severity().ordinal())
                .thenComparingInt(Finding::start)
                .thenComparing(f -> f.rule().ordinal()));
        return new Check(language, measure.length(), findings);
    }

    private static void length(Channel channel, String text, ChannelLengths.Measure measure, List<Finding> findings) {
        Length length = measure.length();
        if (measure.overflowStart() >= 0) {
            if (channel == Channel.WHATSAPP) {
                findings.add(new Finding(
                        Rule.LENGTH,
                        Severity.BLOCK,
                        "guardrails.length.over.CHARACTERS",
                        List.of(text.codePointCount(0, text.length()), ChannelLengths.WHATSAPP_CHARACTERS),
                        measure.overflowStart(),
                        text.length()));
            } else {
                findings.add(new Finding(
                        Rule.LENGTH,
                        Severity.BLOCK,
                        "guardrails.length.over." + length.unit().name(),
                        List.of(length.used(), length.limit() == null ? 0 : length.limit()),
                        measure.overflowStart(),
                        text.length()));
            }
        }
        Gsm7.Count sms = measure.sms();
        if (sms != null && sms.encoding() == Gsm7.Encoding.UCS_2) {
            int at = sms.firstNonGsmIndex();
            int end = Character.isHighSurrogate(text.charAt(at)) && at + 1 < text.length() ? at + 2 : at + 1;
            findings.add(new Finding(
                    Rule.LENGTH,
                    Severity.INFO,
                    "guardrails.length.ucs2",
                    List.of(text.substring(at, end), sms.segments()),
                    at,
                    end));
        }
    }

    private void anxiety(String text, PhraseMatcher matcher, List<Finding> findings) {
        List<PhraseMatcher.Match> hits = matcher.find(text);
        Severity severity = hits.size() >= settings.anxietyBlockScore() ? Severity.BLOCK : Severity.WARN;
        for (PhraseMatcher.Match hit : hits) {
            findings.add(new Finding(
                    Rule.ANXIETY,
                    severity,
                    severity == Severity.BLOCK ? "guardrails.anxiety.block" : "guardrails.anxiety.warn",
                    List.of(hit.text(text), hits.size()),
                    hit.start(),
                    hit.end()));
        }
    }

    private void opsec(String text, Language language, PhraseMatcher matcher, List<Finding> findings) {
        for (PhraseMatcher.Match hit : matcher.find(text)) {
            findings.add(new Finding(
                    Rule.OPSEC,
                    Severity.BLOCK,
                    "guardrails.opsec.detail",
                    List.of(hit.text(text)),
                    hit.start(),
                    hit.end()));
        }
        for (OffenderHelp.Hit hit : offenderHelp.find(text, language)) {
            findings.add(new Finding(
                    Rule.OPSEC,
                    Severity.BLOCK,
                    "guardrails.opsec." + hit.kind().key(),
                    List.of(text.substring(hit.start(), hit.end())),
                    hit.start(),
                    hit.end()));
        }
    }

    private static void emergencyLine(
            Channel channel, String text, String wording, Knowledge known, Language language, List<Finding> findings) {
        if (!channel.citizensCanReact()) {
            return;
        }
        boolean saysIt = normalise(text).contains(normalise(wording))
                || (NUMBER_112.matcher(text).find()
                        && NUMBER_101.matcher(text).find()
                        && !known.matcher(Lexicon.EMERGENCY_LINE, language)
                                .find(text)
                                .isEmpty());
        if (!saysIt) {
            findings.add(new Finding(
                    Rule.EMERGENCY_LINE, Severity.WARN, "guardrails.emergencyLine.missing", List.of(wording), 0, 0));
        }
    }

    private void plainLanguage(String text, Language language, PhraseMatcher jargon, List<Finding> findings) {
        TextStatistics statistics = TextStatistics.of(text, language);
        for (TextStatistics.Sentence sentence : statistics.sentences()) {
            if (sentence.words() > settings.maxSentenceWords()) {
                findings.add(new Finding(
                        Rule.PLAIN_LANGUAGE,
                        Severity.WARN,
                        "guardrails.plainLanguage.longSentence",
                        List.of(sentence.words(), settings.maxSentenceWords()),
                        sentence.start(),
                        sentence.end()));
            }
        }
        if (statistics.words() >= settings.readabilityMinWords()) {
            int score = (int) Math.round(Readability.score(
                    language, statistics.sentences().size(), statistics.words(), statistics.syllables()));
            boolean hard = score < settings.readabilityWarnBelow();
            findings.add(new Finding(
                    Rule.PLAIN_LANGUAGE,
                    hard ? Severity.WARN : Severity.INFO,
                    hard ? "guardrails.plainLanguage.hard" : "guardrails.plainLanguage.score",
                    hard
                            ? List.of(score, Readability.formula(language), settings.readabilityWarnBelow())
                            : List.of(score, Readability.formula(language)),
                    0,
                    0));
        }
        for (PhraseMatcher.Match hit : jargon.find(text)) {
            String suggestion = hit.entry().suggestion();
            findings.add(new Finding(
                    Rule.PLAIN_LANGUAGE,
                    Severity.INFO,
                    suggestion == null ? "guardrails.plainLanguage.jargon" : "guardrails.plainLanguage.jargonInstead",
                    suggestion == null ? List.of(hit.text(text)) : List.of(hit.text(text), suggestion),
                    hit.start(),
                    hit.end()));
        }
    }

    private static void altText(List<Media> media, List<Finding> findings) {
        for (int i = 0; i < media.size(); i++) {
            Media item = media.get(i);
            if (item.kind() == Media.Kind.IMAGE
                    && (item.altText() == null || item.altText().isBlank())) {
                findings.add(
                        new Finding(Rule.ALT_TEXT, Severity.BLOCK, "guardrails.altText.image", List.of(i + 1), 0, 0));
            } else if (item.kind() == Media.Kind.VIDEO && !item.captionsOrTranscript()) {
                findings.add(
                        new Finding(Rule.ALT_TEXT, Severity.BLOCK, "guardrails.altText.video", List.of(i + 1), 0, 0));
            }
        }
    }

    /** The text with its URLs blanked out (same length, so positions still point into the original). */
    private static String mask(String text, List<Extractor.Entity> urls) {
        if (urls.isEmpty()) {
            return text;
        }
        char[] chars = text.toCharArray();
        for (Extractor.Entity url : urls) {
            for (int i = url.getStart(); i < url.getEnd() && i < chars.length; i++) {
                chars[i] = ' ';
            }
        }
        return new String(chars);
    }

    /** Lower case, accents kept, every run of non-letters and non-digits made one space: to compare sentences. */
    static String normalise(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC)
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}]+", " ")
                .strip();
    }
}
