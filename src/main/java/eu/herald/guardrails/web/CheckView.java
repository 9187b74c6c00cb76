package eu.herald.guardrails.web;

import eu.herald.common.Language;
import eu.herald.guardrails.Check;
import eu.herald.guardrails.Finding;
import eu.herald.guardrails.Length;
import eu.herald.guardrails.Rule;
import eu.herald.guardrails.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;

/**
 * A check as pages show it: findings numbered and rendered in the reader's language, and the text cut into segments
 * so each finding can be marked where it is.
 */
record CheckView(
        Language language,
        boolean detected,
        Length length,
        boolean blocks,
        List<Item> findings,
        List<Segment> segments) {

    /** A finding, numbered as marked in the text. */
    record Item(int number, Rule rule, Severity severity, String message, int start, int end) {
        boolean located() {
            return end > start;
        }
    }

    /** A piece of the text, marked with the most serious finding covering it (none: plain text). */
    record Segment(String text, @Nullable Severity severity, List<Integer> numbers) {}

    static CheckView of(Check check, String text, boolean detected, MessageSource messages, Locale locale) {
        List<Item> items = new ArrayList<>();
        int number = 1;
        for (Finding finding : check.findings()) {
            items.add(new Item(
                    number++,
                    finding.rule(),
                    finding.severity(),
                    render(finding, messages, locale),
                    Math.min(finding.start(), text.length()),
                    Math.min(finding.end(), text.length())));
        }
        return new CheckView(check.language(), detected, check.length(), check.blocks(), items, segments(text, items));
    }

    static String render(Finding finding, MessageSource messages, Locale locale) {
        return messages.getMessage(finding.messageKey(), finding.arguments().toArray(), locale);
    }

    private static List<Segment> segments(String text, List<Item> items) {
        TreeSet<Integer> cuts = new TreeSet<>(List.of(0, text.length()));
        for (Item item : items) {
            if (item.located()) {
                cuts.add(item.start());
                cuts.add(item.end());
            }
        }
        List<Segment> segments = new ArrayList<>();
        Integer from = cuts.first();
        for (Integer to = cuts.higher(from); to != null; from = to, to = cuts.higher(to)) {
            Severity severity = null;
            List<Integer> numbers = new ArrayList<>();
            for (Item item : items) {
                if (item.located() && item.start() <= from && item.end() >= to) {
                    numbers.add(item.number());
                    if (severity == null || item.severity().ordinal() < severity.ordinal()) {
                        severity = item.severity();
                    }
                }
            }
            segments.add(new Segment(text.substring(from, to), severity, numbers));
        }
        return segments;
    }
}
