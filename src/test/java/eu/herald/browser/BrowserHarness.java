package eu.herald.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * One Playwright and one headless Chromium (Debian's, never a downloaded one) per test class; a fresh browser context
 * (cookies, storage) for every page a test opens, closed after the test. Register it on a {@code @HeraldTest} class
 * with {@code @RegisterExtension static final BrowserHarness browsers = new BrowserHarness();}: it reads the
 * application's random port from the Spring test context, so pages open with paths such as {@code page.navigate("/")}.
 */
final class BrowserHarness implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, AfterAllCallback {

    static final Path CHROMIUM = Paths.get("/usr/bin/chromium");

    /** No sandbox (tests run as root), nothing fetched from the internet, and only this machine resolves. */
    static final List<String> CHROMIUM_ARGS = List.of(
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
            "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1");

    /** Playwright waits this long for an element or a navigation before failing the test. */
    private static final double TIMEOUT_MS = 15_000;

    private Playwright playwright;
    private Browser browser;
    private String baseUrl;
    private final List<BrowserContext> contexts = new ArrayList<>();

    @Override
    public void beforeAll(ExtensionContext context) {
        if (!Files.isExecutable(CHROMIUM)) {
            throw new IllegalStateException(
                    "The browser tests need Debian's Chromium at " + CHROMIUM + ": apt-get install chromium");
        }
        playwright = Playwright.create();
        browser = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(CHROMIUM)
                        .setHeadless(true)
                        .setArgs(CHROMIUM_ARGS));
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        String port = SpringExtension.getApplicationContext(context)
                .getEnvironment()
                .getRequiredProperty("local.server.port");
        baseUrl = "http://localhost:" + port;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        contexts.forEach(BrowserContext::close);
        contexts.clear();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    /** The application's address, e.g. {@code http://localhost:43121}. */
    String baseUrl() {
        return baseUrl;
    }

    /** A page in a new browser context of its own: no cookies, so nobody is signed in and no language chosen. */
    Page newPage(Viewport viewport) {
        return newContext(viewport).newPage();
    }

    /** A new browser context; more pages opened in it share its cookies, like tabs of one browser. */
    BrowserContext newContext(Viewport viewport) {
        return newContext(viewport, null);
    }

    /**
     * A new browser context presenting itself with the given user agent (headless Chromium's own says
     * "HeadlessChrome", which Herald's links rightly count as a robot's preview, not a person's click).
     */
    BrowserContext newContext(Viewport viewport, String userAgent) {
        Browser.NewContextOptions options = viewport.apply(
                new Browser.NewContextOptions().setBaseURL(baseUrl).setLocale("en-GB"));
        if (userAgent != null) {
            options.setUserAgent(userAgent);
        }
        BrowserContext context = browser.newContext(options);
        context.setDefaultTimeout(TIMEOUT_MS);
        context.setDefaultNavigationTimeout(TIMEOUT_MS);
        contexts.add(context);
        return context;
    }
}
