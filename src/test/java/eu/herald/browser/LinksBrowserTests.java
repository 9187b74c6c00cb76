package eu.herald.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.jayway.jsonpath.JsonPath;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import eu.herald.HeraldTest;
import eu.herald.SignIn;
import eu.herald.TestTokens;
import jakarta.servlet.http.Cookie;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 5's "done means": a communicator of bilingual Ixelles creates tracked links for the campaign's variants,
 * prints a bilingual poster for three locations, a phone scans one poster's code and lands on the target (a page of
 * Herald's own site), the links
 * page shows the click per channel and location; a burst of link-preview robots does not move the click count.
 */
@HeraldTest
@Tag("browser")
class LinksBrowserTests {

    static final String DUTCH = "Laat inbrekers in de kou staan\nSluit ramen en deuren, ook als u even weg bent."
            + " Meer tips: https://example.be/inbraak";
    static final String FRENCH = "Laissez les cambrioleurs dehors\nFermez portes et fenêtres, même pour une minute."
            + " Plus de conseils : https://example.be/inbraak";
    static final List<String> LOCATIONS = List.of("Bibliothèque Sans Souci", "Gare d'Etterbeek", "Delhaize Flagey");
    static final String IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15"
            + " (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
    static final List<String> PREVIEW_AGENTS = List.of(
            "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
            "Twitterbot/1.0",
            "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)",
            "WhatsApp/2.23.20.0",
            "TelegramBot (like TwitterBot)");

    @RegisterExtension
    static final BrowserHarness browsers = new BrowserHarness();

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @Test
    void aPosterScannedByAPhoneCountsOnceAndPreviewRobotsCountAsPreviews() throws Exception {
        String campaign = campaignWithPosterVariants();

        // the communicator (who reads Herald in French) creates the variants' tracked links from the campaign's page
        Page page = browsers.newPage(Viewport.DESKTOP);
        PageCheck check = new PageCheck(page, Viewport.DESKTOP);
        BrowserSignIn.as(page, SignIn.demo("COMMUNICATOR"));
        page.navigate("/campaigns/" + campaign);
        page.locator("#campaign-links").click();
        page.waitForURL("**/links?campaign=" + campaign);
        check.here();
        assertThat(page.locator("main")).containsText("https://example.be/inbraak");
        assertThat(page.locator(".variant-short-url")).hasCount(0);
        page.locator("form[action*='/links/variants'] button").click();
        page.waitForURL("**/links?campaign=" + campaign);
        assertThat(page.locator(".govuk-notification-banner")).containsText("Des liens suivis ont été créés");
        assertThat(page.locator(".variant-short-url")).hasCount(2);
        check.here();

        // ... and prints a bilingual poster (nl + fr side by side) for three locations
        page.locator("#print-posters").click();
        page.waitForURL("**/links/posters?campaign=" + campaign);
        check.here();
        Locator variants = page.locator("input[name=variants]");
        assertThat(variants).hasCount(2);
        variants.nth(0).check();
        variants.nth(1).check();
        page.locator("label[for=paper]").click();
        page.locator("#locations").fill(String.join("\n", LOCATIONS));
        page.locator("#contact").fill("Preventiedienst Elsene · Service de prévention d'Ixelles");
        // the posters lead to a page of Herald's own site (always allowed), so the phone lands without the internet
        page.locator("#target").fill(browsers.baseUrl() + "/login");
        Download download =
                page.waitForDownload(() -> page.locator("form[action*='/links/posters'] button[type=submit]")
                        .click());
        byte[] pdf = Files.readAllBytes(download.path());
        check.assertNoProblems();

        String scanned;
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(3);
            assertThat(doc.getPage(0).getMediaBox().getWidth())
                    .isCloseTo(PDRectangle.A4.getWidth(), org.assertj.core.data.Offset.offset(1f));
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertThat(text)
                    .contains("Laat inbrekers in de kou staan", "Laissez les cambrioleurs dehors", "fenêtres")
                    .contains(LOCATIONS.get(0), LOCATIONS.get(1), LOCATIONS.get(2));
            scanned = decodeQr(doc, 1);
        }
        String code = jdbc.sql("SELECT code FROM links.link WHERE campaign_id = ?::uuid AND location = ?")
                .params(campaign, LOCATIONS.get(1))
                .query(String.class)
                .single();
        assertThat(scanned).endsWith("/l/" + code);

        // a phone scans the station's poster. The test's Herald listens on a random port rather than at its public
        // address (HERALD_BASE_URL), so the scanned address is opened on that port
        assertThat(scanned).startsWith("http://localhost:8080/l/");
        BrowserContext phoneContext = browsers.newContext(Viewport.PHONE, IPHONE);
        Page phone = phoneContext.newPage();
        List<com.microsoft.playwright.Response> shortLink = new java.util.ArrayList<>();
        phone.onResponse(response -> {
            if (response.url().contains("/l/" + code)) {
                shortLink.add(response);
            }
        });
        phone.navigate(browsers.baseUrl() + URI.create(scanned).getPath());
        phone.waitForURL(url -> url.startsWith(browsers.baseUrl() + "/login?"));
        assertThat(phone.locator("#email")).isVisible();
        assertThat(phone.url()).contains("utm_source=poster", "utm_medium=print", "utm_content=Gare");
        assertThat(shortLink).singleElement().satisfies(response -> {
            assertThat(response.status()).isEqualTo(302);
            assertThat(response.headers()).doesNotContainKey("set-cookie");
        });

        // a burst of link-preview robots: previews, never clicks
        HttpClient http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        for (int round = 0; round < 4; round++) {
            for (String agent : PREVIEW_AGENTS) {
                HttpResponse<Void> response = http.send(
                        HttpRequest.newBuilder(URI.create(browsers.baseUrl() + "/l/" + code))
                                .header("User-Agent", agent)
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                assertThat(response.statusCode()).isEqualTo(302);
            }
        }

        // the links page: one click, one visitor and twenty previews at the station; one poster click in all
        page.navigate("/links?campaign=" + campaign);
        Locator station = page.locator(
                "table:has(caption:text-is('Par emplacement')) tr:has(th:text-is(\"" + LOCATIONS.get(1) + "\")) td");
        assertThat(station.nth(0)).hasText("1");
        assertThat(station.nth(1)).hasText("1");
        assertThat(station.nth(2)).hasText(String.valueOf(4 * PREVIEW_AGENTS.size()));
        Locator library = page.locator(
                "table:has(caption:text-is('Par emplacement')) tr:has(th:text-is(\"" + LOCATIONS.get(0) + "\")) td");
        assertThat(library.nth(0)).hasText("0");
        Locator poster = page.locator("table:has(caption:text-is('Par canal')) tr:has(th:text-is('Affiche')) td");
        assertThat(poster.nth(0)).hasText("1");
        assertThat(poster.nth(2)).hasText(String.valueOf(4 * PREVIEW_AGENTS.size()));
    }

    static String decodeQr(PDDocument doc, int page) throws Exception {
        BufferedImage image = new PDFRenderer(doc).renderImageWithDPI(page, 72);
        return new MultiFormatReader()
                .decode(
                        new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))),
                        Map.of(
                                DecodeHintType.POSSIBLE_FORMATS,
                                List.of(BarcodeFormat.QR_CODE),
                                DecodeHintType.TRY_HARDER,
                                Boolean.TRUE))
                .getText();
    }

    /** A campaign of Ixelles with a message whose poster variants (nl, fr) point at an allow-listed site. */
    private String campaignWithPosterVariants() throws Exception {
        String token = TestTokens.of(jdbc, "communicator@herald.test");
        String ixelles = jdbc.sql("SELECT id::text FROM accounts.organisation WHERE name_fr = 'Commune d''Ixelles'")
                .query(String.class)
                .single();
        Cookie admin = SignIn.as(mvc, "admin@herald.test");
        mvc.perform(post("/admin/links")
                        .cookie(admin)
                        .with(csrf())
                        .param("organisationId", ixelles)
                        .param("domains", "example.be\nelsene-ixelles.example.org"))
                .andExpect(status().is3xxRedirection());
        String theme = jdbc.sql("SELECT id::text FROM campaigns.theme WHERE key = 'burglary'")
                .query(String.class)
                .single();
        String audience = jdbc.sql("SELECT id::text FROM audiences.audience ORDER BY 1 LIMIT 1")
                .query(String.class)
                .single();
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Brussels"));
        String body = mvc.perform(post("/api/v1/campaigns")
                        .header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"organisationId\": \"" + ixelles + "\", \"title\": \"Winter posters "
                                + UUID.randomUUID().toString().substring(0, 8) + "\", \"themeId\": \"" + theme
                                + "\", \"objective\": \"Scans per location\", \"startsOn\": \"" + today.minusDays(1)
                                + "\", \"endsOn\": \"" + today.plusDays(30) + "\", \"areas\": [\"21009\"],"
                                + " \"audiences\": [\"" + audience + "\"], \"channels\": [\"POSTER\"]}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String campaign = JsonPath.read(body, "$.id");
        body = mvc.perform(post("/api/v1/campaigns/" + campaign + "/messages")
                        .header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\": \"Poster winter\", \"masterText\": \"Lock your door.\"}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String message = JsonPath.read(body, "$.id");
        for (String[] variant : new String[][] {{"nl", DUTCH}, {"fr", FRENCH}}) {
            int version = jdbc.sql("SELECT version FROM campaigns.message WHERE id = ?::uuid")
                    .param(message)
                    .query(Integer.class)
                    .single();
            mvc.perform(put("/api/v1/messages/" + message + "/variants")
                            .header("Authorization", "Bearer " + token)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"channel\": \"POSTER\", \"language\": \"" + variant[0] + "\", \"text\": \""
                                    + variant[1].replace("\n", "\\n") + "\", \"version\": " + version + "}"))
                    .andExpect(status().isOk());
        }
        return campaign;
    }
}
