package eu.herald.browser;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Page;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Runs Deque's axe-core on the page as it stands, against WCAG 2.0 and 2.1 A and AA, and reports every violation of
 * impact "serious" or "critical". Nothing is excluded: GOV.UK Frontend's components are checked like Herald's own.
 */
final class Accessibility {

    static final List<String> WCAG_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    private static final Set<String> BLOCKING = Set.of("serious", "critical");

    private Accessibility() {}

    /** The serious and critical violations on the page, one line each; empty when there are none. */
    static List<String> violations(Page page) {
        AxeResults results = new AxeBuilder(page).withTags(WCAG_TAGS).analyze();
        if (results.isErrored()) {
            return List.of("axe could not check " + page.url() + ": " + results.getErrorMessage());
        }
        return results.getViolations().stream()
                .filter(rule -> BLOCKING.contains(rule.getImpact()))
                .map(rule -> describe(rule, page.url()))
                .toList();
    }

    /** Fails with every serious or critical violation: rule, impact, the elements (CSS selectors) and the page. */
    static void assertNoSeriousViolations(Page page) {
        List<String> found = violations(page);
        if (!found.isEmpty()) {
            throw new AssertionError("Accessibility violations:\n" + String.join("\n", found));
        }
    }

    private static String describe(Rule rule, String url) {
        String targets = rule.getNodes().stream()
                .map(CheckedNode::getTarget)
                .map(String::valueOf)
                .collect(Collectors.joining(", "));
        return "%s (%s) on %s: %s; elements: %s"
                .formatted(rule.getId(), rule.getImpact(), url, rule.getHelp(), targets);
    }
}
