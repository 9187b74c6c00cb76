package eu.herald;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * The settings every application test runs with: a fresh data folder per test run (so a fresh embedded PostgreSQL),
 * a known demo password and API token, and an SMTP server on the port where {@link TestMail} runs GreenMail.
 */
public class TestEnvironment implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String DEMO_PASSWORD = "demo-password-for-tests";
    public static final String DEMO_API_TOKEN = "hrld_demo-token-for-the-test-suite-only";
    /** GreenMail's port; HERALD_TEST_SMTP_PORT lets test runs in parallel worktrees avoid each other. */
    public static final int SMTP_PORT = Integer.parseInt(System.getenv().getOrDefault("HERALD_TEST_SMTP_PORT", "3925"));

    /** Where tests may run a fake of X's API (the connect flow's end-to-end test); nothing listens there otherwise. */
    public static final int X_FAKE_PORT = SMTP_PORT + 20_000;
    /** The Meta app secret and webhook verify token the inbox's Facebook webhook tests sign with. */
    public static final String FACEBOOK_APP_SECRET = "facebook-app-secret-for-tests";

    public static final String FACEBOOK_VERIFY_TOKEN = "facebook-verify-token-for-tests";

    /** Where the Facebook connector calls the Graph API in application tests: a WireMock fake the test starts. */
    public static final int FACEBOOK_FAKE_PORT = SMTP_PORT + 10_000;

    /** Where the Telegram connector calls the Bot API in application tests: a WireMock fake the test starts. */
    public static final int TELEGRAM_FAKE_PORT = SMTP_PORT + 11_000;

    /** Where the YouTube connector calls the Data API in application tests: a WireMock fake the test starts. */
    public static final int YOUTUBE_FAKE_PORT = SMTP_PORT + 12_000;

    private static final Path DATA_DIR = createDataDir();

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment()
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "heraldTest",
                        Map.ofEntries(
                                Map.entry("herald.data-dir", DATA_DIR.toString()),
                                Map.entry("herald.inbox.facebook.secret", FACEBOOK_APP_SECRET),
                                Map.entry("herald.inbox.facebook.token", FACEBOOK_VERIFY_TOKEN),
                                Map.entry("herald.channels.facebook.api-url", "http://127.0.0.1:" + FACEBOOK_FAKE_PORT),
                                // an OAuth client for the connect flow's tests; they never reach X itself
                                Map.entry("herald.channels.x.client-id", "herald-test-x-client"),
                                // X's API (and token endpoint) is a local fake in tests: see X_FAKE_PORT
                                Map.entry("herald.channels.x.api-url", "http://127.0.0.1:" + X_FAKE_PORT),
                                Map.entry("herald.channels.telegram.api-url", "http://127.0.0.1:" + TELEGRAM_FAKE_PORT),
                                Map.entry("herald.channels.youtube.api-url", "http://127.0.0.1:" + YOUTUBE_FAKE_PORT),
                                Map.entry("herald.demo.password", DEMO_PASSWORD),
                                // the short-link listener on a free port (RedirectListenerTests)
                                Map.entry("herald.links.listener-port", "0"),
                                Map.entry("herald.demo.api-token", DEMO_API_TOKEN),
                                Map.entry("spring.mail.host", "127.0.0.1"),
                                Map.entry("spring.mail.port", String.valueOf(SMTP_PORT)),
                                // platforms' answers: a lost one is known within seconds (WireMock fakes answer at
                                // once); publishing: quick retries and quick dead-node detection
                                Map.entry("herald.channels.request-timeout", "3s"),
                                Map.entry("herald.channels.bluesky.read-timeout", "3s"),
                                Map.entry("herald.channels.x.read-timeout", "3s"),
                                Map.entry("herald.channels.facebook.read-timeout", "3s"),
                                Map.entry("herald.channels.telegram.read-timeout", "3s"),
                                Map.entry("herald.publishing.initial-backoff", "300ms"),
                                Map.entry("herald.publishing.max-attempts", "3"),
                                Map.entry("herald.publishing.scheduler.polling-interval", "250ms"),
                                Map.entry("herald.publishing.scheduler.heartbeat-interval", "500ms"),
                                Map.entry("herald.publishing.scheduler.missed-heartbeats", "4"),
                                Map.entry("herald.publishing.scheduler.shutdown-max-wait", "2s"))));
    }

    private static Path createDataDir() {
        try {
            Path target = Path.of("target");
            Files.createDirectories(target);
            return Files.createTempDirectory(target.toAbsolutePath(), "herald-test-data-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
