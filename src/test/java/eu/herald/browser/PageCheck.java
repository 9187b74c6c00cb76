package eu.herald.browser;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Checks pages one after the other and collects what is wrong with each, so one test run lists every problem of every
 * page rather than stopping at the first: axe violations, a page wider than a phone's screen, browser console errors
 * (a Content-Security-Policy violation is one), a missing-message marker and an unexpected HTTP status.
 */
final class PageCheck {

    /** With {@code -Dherald.screenshots=/some/folder}, every page checked is also saved there as a PNG to look at. */
    private static final String SCREENSHOTS = System.getProperty("herald.screenshots", "");

    private static final AtomicInteger shots = new AtomicInteger();

    private final Page page;
    private final Viewport viewport;
    private final List<String> problems = new ArrayList<>();
    private final List<String> consoleErrors = new ArrayList<>();

    PageCheck(Page page, Viewport viewport) {
        this.page = page;
        this.viewport = viewport;
        page.onConsoleMessage(message -> {
            if ("error".equals(message.type())) {
                consoleErrors.add(message.text());
            }
        });
        page.onPageError(error -> consoleErrors.add(error));
    }

    /** Opens the path, expects a 200 and checks the page. */
    void visit(String path) {
        visit(path, 200);
    }

    /** Opens the path, expects the given status and checks the page. */
    void visit(String path, int expectedStatus) {
        Response response = page.navigate(path);
        if (response == null || response.status() != expectedStatus) {
            problems.add(path + " answered " + (response == null ? "nothing" : response.status()) + ", expected "
                    + expectedStatus);
        }
        here(expectedStatus);
    }

    /** Checks the page the browser shows now (reached by clicking, say). */
    void here() {
        here(200);
    }

    private void here(int status) {
        page.waitForLoadState();
        String url = page.url();
        problems.addAll(Accessibility.violations(page));
        if (viewport.mobile()) {
            Object overflow = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]");
            List<?> widths = (List<?>) overflow;
            int scrollWidth = ((Number) widths.get(0)).intValue();
            int innerWidth = ((Number) widths.get(1)).intValue();
            if (scrollWidth > innerWidth + 1) {
                problems.add("horizontal overflow on " + url + ": the page is " + scrollWidth + "px wide on a "
                        + innerWidth + "px screen; widest elements: " + widest());
            }
        }
        String text = page.locator("body").innerText();
        if (text.contains("??")) {
            problems.add("a missing message (??) on " + url);
        }
        if (page.title().isBlank()) {
            problems.add("no title on " + url);
        }
        // The browser logs an error status of the page itself; when the status is the expected one, that is no problem.
        consoleErrors.removeIf(error -> status != 200
                && error.startsWith("Failed to load resource: the server responded with a status of " + status));
        consoleErrors.forEach(error -> problems.add("console error on " + url + ": " + error));
        consoleErrors.clear();
        if (!SCREENSHOTS.isBlank()) {
            String name = "%03d-%s-%s.png"
                    .formatted(
                            shots.incrementAndGet(),
                            viewport.name().toLowerCase(java.util.Locale.ROOT),
                            java.net.URI.create(url).getPath().replaceAll("[^A-Za-z0-9]+", "_"));
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(Path.of(SCREENSHOTS, name))
                    .setFullPage(true));
        }
    }

    /** Fails listing every problem found on every page checked. */
    void assertNoProblems() {
        if (!problems.isEmpty()) {
            throw new AssertionError(
                    problems.size() + " problem(s) on " + viewport + ":\n" + String.join("\n", problems));
        }
    }

    /** The elements sticking out past the right edge of the screen, to say what to fix. */
    private String widest() {
        return String.valueOf(page.evaluate("""
                () => Array.from(document.querySelectorAll('body *'))
                    .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
                    .slice(0, 5)
                    .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                        + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\\s+/).join('.') : '')
                        + ' (right ' + Math.round(e.getBoundingClientRect().right) + 'px)')
                """));
    }
}
