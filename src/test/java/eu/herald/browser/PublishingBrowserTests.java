package eu.herald.browser;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.jayway.jsonpath.JsonPath;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import eu.herald.HeraldTest;
import eu.herald.SignIn;
import eu.herald.TestMail;
import eu.herald.publishing.PlatformFake;
import eu.herald.publishing.PublishingFixtures;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 4's "done means": a communicator of Ixelles connects a Mastodon account, a Bluesky account, a webhook and a
 * press list through the channels pages (the platforms are WireMock fakes, see {@link PlatformFake}; the press list
 * mails GreenMail), schedules an approved message on each of them and on the organisation's feed from "Schedule on
 * channels", watches the deliveries publish on the deliveries page (htmx refresh), sees a forced failure (a second
 * webhook, an intranet in maintenance) explained in the platform's own words and retries it into a published post, and
 * a feed reader (Rome) finds the message in the organisation's Atom feed.
 *
 * <p>The approved demo message has only Facebook variants, and editing it would send it back to review; the message
 * here is written and approved the same way, through the campaigns API, with Mastodon, Bluesky, website and press
 * variants.
 */
@HeraldTest
@Tag("browser")
class PublishingBrowserTests {

    static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

    @RegisterExtension
    static final BrowserHarness browsers = new BrowserHarness();

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    @RegisterExtension
    static GreenMailExtension mail = TestMail.server();

    @Autowired
    JdbcClient jdbc;

    @Test
    void aCommunicatorConnectsChannelsSchedulesOnEachWatchesThemPublishRetriesAFailureAndReadsTheFeed()
            throws Exception {
        PublishingFixtures fixtures = new PublishingFixtures(browsers.baseUrl(), jdbc);
        String title = PublishingFixtures.unique("Done means");
        PublishingFixtures.ApprovedMessage message =
                fixtures.approvedMessage(title, List.of("MASTODON", "BLUESKY", "WEBSITE", "PRESS"));
        String text = PublishingFixtures.dutch();

        Page page = browsers.newPage(Viewport.DESKTOP);
        PageCheck check = new PageCheck(page, Viewport.DESKTOP);
        BrowserSignIn.as(page, SignIn.demo("COMMUNICATOR"));

        // connect the accounts through the channels pages
        PlatformFake mastodon = new PlatformFake.Mastodon();
        String mastodonPrefix = PlatformFake.prefix();
        String mastodonAccount =
                connect(page, check, fixtures, "MASTODON", "Zone Mastodon", mastodon.connect(wm, mastodonPrefix));
        mastodon.answers(wm, mastodonPrefix, List.of(mastodon.accepted("501", text)));

        String blueskyPrefix = PlatformFake.prefix();
        String blueskyAccount = connect(page, check, fixtures, "BLUESKY", "Elsene on Bluesky", bluesky(blueskyPrefix));

        PlatformFake webhook = new PlatformFake.Webhook();
        String websitePrefix = PlatformFake.prefix();
        String website = connect(page, check, fixtures, "WEBHOOK", "Website", webhook.connect(wm, websitePrefix));
        webhook.answers(wm, websitePrefix, List.of(webhook.accepted("502", text)));

        String press = connect(
                page,
                check,
                fixtures,
                "PRESS",
                "Press list",
                Map.of(
                        "contacts",
                        "Bruzz newsroom; newsroom@bruzz.example; NEWSPAPER",
                        "contactEmail",
                        "press@elsene.example"));

        String intranetPrefix = PlatformFake.prefix();
        String intranet = connect(page, check, fixtures, "WEBHOOK", "Intranet", webhook.connect(wm, intranetPrefix));
        webhook.answers(
                wm,
                intranetPrefix,
                List.of(
                        webhook.error(422, "The intranet refuses posts during its maintenance window"),
                        webhook.accepted("503", text)));
        String feed = jdbc.sql("SELECT id::text FROM channels.account WHERE type = 'FEED' AND status = 'ACTIVE'"
                        + " AND organisation_id = ?::uuid LIMIT 1")
                .param(fixtures.ixelles)
                .query(String.class)
                .single();

        // schedule the message on each of them
        check.visit("/messages/" + message.id());
        page.locator("main a[href^='/deliveries/new']").first().click();
        page.waitForURL(url -> url.contains("/deliveries/new?message="));
        check.here();
        tick(page, message.variant("MASTODON", "nl"), mastodonAccount);
        tick(page, message.variant("BLUESKY", "nl"), blueskyAccount);
        tick(page, message.variant("WEBSITE", "nl"), website);
        tick(page, message.variant("PRESS", "nl"), press);
        tick(page, message.variant("WEBSITE", "nl"), feed);
        tick(page, message.variant("WEBSITE", "fr"), intranet);
        page.locator("#at")
                .fill(LocalDateTime.now(BRUSSELS)
                        .truncatedTo(ChronoUnit.MINUTES)
                        .toString());
        page.locator("main form button[type='submit']").click();
        page.waitForURL(url -> url.contains("/deliveries?message="));
        check.here();

        // watch them publish: the list refreshes itself, each row shows its live post or the platform's words
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(90))
                .pollInterval(java.time.Duration.ofSeconds(1))
                .until(() -> {
                    List<String> statuses =
                            JsonPath.read(fixtures.get("/api/v1/deliveries?messageId=" + message.id()), "$[*].status");
                    return statuses.size() == 6
                            && statuses.stream().filter("PUBLISHED"::equals).count() == 5
                            && statuses.contains("FAILED");
                });
        Locator results = page.locator("#delivery-results");
        assertThat(results.locator("a[href='https://social.example/@elsene/501']"))
                .hasCount(1, new LocatorAssertions.HasCountOptions().setTimeout(30_000));
        assertThat(results.locator("a[href^='https://bsky.app/profile/elsene.bsky.social/post/']"))
                .hasCount(1, new LocatorAssertions.HasCountOptions().setTimeout(30_000));
        assertThat(results.locator("a[href='https://www.elsene.be/news/502']"))
                .hasCount(1, new LocatorAssertions.HasCountOptions().setTimeout(30_000));
        assertThat(results)
                .containsText(
                        "The intranet refuses posts during its maintenance window",
                        new LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
        check.here();

        // the failure, explained, and retried
        results.locator("tr", new Locator.LocatorOptions().setHasText("maintenance window"))
                .locator("a[href^='/deliveries/']")
                .first()
                .click();
        page.waitForURL(url -> url.matches(".*/deliveries/[0-9a-f-]{36}$"));
        check.here();
        assertThat(page.locator("main")).containsText("The intranet refuses posts during its maintenance window");
        page.locator("form[action$='/retry'] button").click();
        page.waitForURL(url -> url.matches(".*/deliveries/[0-9a-f-]{36}$"));
        check.here();
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(40))
                .pollInterval(java.time.Duration.ofSeconds(1))
                .until(() -> {
                    page.reload();
                    return page.locator("a[href='https://www.elsene.be/news/503']")
                                    .count()
                            == 1;
                });
        check.here();
        check.assertNoProblems();

        // one post each; the press list got its email; a feed reader finds the message
        assertThat(mastodon.posts(wm, mastodonPrefix)).isEqualTo(1);
        assertThat(wm.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                        urlEqualTo(blueskyPrefix + "/xrpc/com.atproto.repo.createRecord"))))
                .hasSize(1);
        assertThat(webhook.posts(wm, websitePrefix)).isEqualTo(1);
        assertThat(webhook.posts(wm, intranetPrefix)).isEqualTo(1);
        assertThat(mail.waitForIncomingEmail(20_000, 1)).isTrue();
        assertThat(mail.getReceivedMessagesForDomain("bruzz.example")).isNotEmpty();

        HttpResponse<InputStream> atom = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(browsers.baseUrl() + "/feeds/" + fixtures.ixelles + ".atom"))
                                .build(),
                        HttpResponse.BodyHandlers.ofInputStream());
        assertThat(atom.statusCode()).isEqualTo(200);
        SyndFeed parsed;
        try (InputStream in = atom.body()) {
            parsed = new SyndFeedInput().build(new XmlReader(in));
        }
        assertThat(parsed.getEntries()).extracting(SyndEntry::getTitle).contains(title);
    }

    /** Connects an account of Ixelles on the channels pages; its id. */
    private static String connect(
            Page page,
            PageCheck check,
            PublishingFixtures fixtures,
            String type,
            String name,
            Map<String, String> settings) {
        check.visit("/channels/new?organisation=" + fixtures.ixelles + "&type=" + type);
        page.locator("#name").fill(PublishingFixtures.unique(name));
        settings.forEach(
                (key, value) -> page.locator("[id='settings[" + key + "]']").fill(value));
        page.locator("main form[action='/channels'] button[type='submit']").click();
        page.waitForURL(url -> url.matches(".*/channels/[0-9a-f-]{36}$"));
        check.here();
        return page.url().substring(page.url().lastIndexOf('/') + 1);
    }

    private static void tick(Page page, String variant, String account) {
        page.locator("input[value='" + variant + ":" + account + "']").check();
    }

    /**
     * Bluesky as documented (https://docs.bsky.app/docs/api/com-atproto-server-create-session,
     * https://docs.bsky.app/docs/api/com-atproto-server-get-session,
     * https://docs.bsky.app/docs/api/com-atproto-repo-create-record): an app password opens a session; a post is a
     * record created under a key Herald derives from the idempotency key.
     */
    private static Map<String, String> bluesky(String prefix) {
        String session = "{\"accessJwt\": \"access-1\", \"refreshJwt\": \"refresh-1\", \"handle\":"
                + " \"elsene.bsky.social\", \"did\": \"did:plc:elsene\", \"active\": true}";
        wm.stubFor(post(urlEqualTo(prefix + "/xrpc/com.atproto.server.createSession"))
                .willReturn(okJson(session)));
        wm.stubFor(
                get(urlEqualTo(prefix + "/xrpc/com.atproto.server.getSession")).willReturn(okJson(session)));
        wm.stubFor(post(urlEqualTo(prefix + "/xrpc/com.atproto.repo.createRecord"))
                .willReturn(okJson("{\"uri\": \"at://did:plc:elsene/app.bsky.feed.post/3kherald\", \"cid\":"
                        + " \"bafyreib2\"}")));
        return Map.of(
                "handle",
                "elsene.bsky.social",
                "appPassword",
                "abcd-efgh-ijkl-mnop",
                "serviceUrl",
                "http://127.0.0.1:" + wm.getPort() + prefix);
    }
}
