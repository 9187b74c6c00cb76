package eu.herald.links.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.jayway.jsonpath.JsonPath;
import eu.herald.HeraldTest;
import eu.herald.SignIn;
import eu.herald.TestTokens;
import jakarta.servlet.http.Cookie;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Tracked links for every address in a campaign's variants (on approval and on demand), and poster runs: a PDF per
 * run, one page and one tracked link per location, bilingual, whose QR codes decode to each location's short link.
 */
@HeraldTest
class PostersAndVariantLinksTests {

    static final String DUTCH = "Inbrekers houden niet van licht\nSluit je deur, ook als je even weg bent. Meer tips"
            + " op https://example.be/inbraak. Wij zijn er voor één en ál.";
    static final String FRENCH = "Les cambrioleurs détestent la lumière\nFermez votre porte, même pour une minute."
            + " Plus de conseils sur https://example.be/cambriolage. Sécurité : c'est l'été, soyez prêts.";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    String communicator;
    String approver;
    String ixelles;
    String campaign;

    @BeforeEach
    void setUp() throws Exception {
        LinksFixture fixture = new LinksFixture(mvc, jdbc);
        communicator = fixture.communicator;
        approver = TestTokens.of(jdbc, "approver@herald.test");
        ixelles = fixture.ixelles;
        campaign = fixture.campaign;
    }

    private String message(String title) throws Exception {
        String body = mvc.perform(post("/api/v1/campaigns/" + campaign + "/messages")
                        .header("Authorization", "Bearer " + communicator)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\": \"" + title + "\", \"masterText\": \"Lock your door.\"}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(body, "$.id");
    }

    private void variant(String message, String channel, String language, String text) throws Exception {
        mvc.perform(put("/api/v1/messages/" + message + "/variants")
                        .header("Authorization", "Bearer " + communicator)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"channel\": \"" + channel + "\", \"language\": \"" + language + "\", \"text\": "
                                + json(text) + ", \"version\": " + version(message) + "}"))
                .andExpect(status().isOk());
    }

    private void transition(String token, String message, String action) throws Exception {
        mvc.perform(post("/api/v1/messages/" + message + "/" + action)
                        .header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\": " + version(message) + "}"))
                .andExpect(status().isOk());
    }

    private int version(String message) {
        return jdbc.sql("SELECT version FROM campaigns.message WHERE id = ?::uuid")
                .param(message)
                .query(Integer.class)
                .single();
    }

    private String variantId(String message, String channel, String language) {
        return jdbc.sql("SELECT id::text FROM campaigns.variant WHERE message_id = ?::uuid AND channel = ?"
                        + " AND language = ?")
                .params(message, channel, language)
                .query(String.class)
                .single();
    }

    private static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    private List<Map<String, Object>> variantLinks() {
        return jdbc.sql("SELECT code, channel, variant_id::text AS variant, target, utm_query FROM links.link"
                        + " WHERE campaign_id = ?::uuid AND location IS NULL ORDER BY channel, target")
                .param(campaign)
                .query()
                .listOfRows();
    }

    @Test
    void approvingAMessageGivesEveryAddressInItsVariantsOneTrackedLink() throws Exception {
        String message = message("Licht aan");
        variant(message, "FACEBOOK", "nl", DUTCH);
        variant(message, "FACEBOOK", "fr", FRENCH + " Voir aussi https://not-allowed.example.com/x");
        transition(communicator, message, "submit");
        assertThat(variantLinks()).isEmpty();
        transition(approver, message, "approve");

        await().atMost(Duration.ofSeconds(10)).until(() -> variantLinks().size() == 2);
        List<Map<String, Object>> links = variantLinks();
        assertThat(links)
                .extracting(row -> row.get("target"))
                .containsExactly("https://example.be/cambriolage", "https://example.be/inbraak");
        assertThat(links)
                .extracting(row -> row.get("variant"))
                .containsExactlyInAnyOrder(variantId(message, "FACEBOOK", "fr"), variantId(message, "FACEBOOK", "nl"));
        assertThat(links.getFirst().get("utm_query").toString()).contains("utm_source=facebook");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> jdbc.sql("SELECT count(*) FROM audit.audit_entry WHERE action = 'links.link.created'"
                                        + " AND subject_id = ?")
                                .param(links.getFirst().get("code"))
                                .query(Long.class)
                                .single()
                        == 1);

        // asking again creates nothing new; the page shows what to publish and why one address has no link
        Cookie cookie = SignIn.as(mvc, "communicator@herald.test");
        mvc.perform(post("/links/variants")
                        .param("campaign", campaign)
                        .cookie(cookie)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("saved", "links.variants.none"));
        assertThat(variantLinks()).hasSize(2);
        mvc.perform(get("/links").param("campaign", campaign).cookie(cookie).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(
                        content().string(containsString("/l/" + links.getFirst().get("code"))))
                .andExpect(content().string(containsString("https://not-allowed.example.com/x")))
                .andExpect(content().string(containsString("is not on your organisation")))
                .andExpect(content().string(containsString("counted per link and per day")));
    }

    @Test
    void aCommunicatorCreatesLinksForDraftVariantsOnDemandAndOthersCannot() throws Exception {
        String message = message("Concept");
        variant(message, "FACEBOOK", "nl", DUTCH);
        Cookie approverCookie = SignIn.as(mvc, "approver@herald.test");
        mvc.perform(post("/links/variants")
                        .param("campaign", campaign)
                        .cookie(approverCookie)
                        .with(csrf()))
                .andExpect(status().isForbidden());
        Cookie cookie = SignIn.as(mvc, "communicator@herald.test");
        mvc.perform(post("/links/variants")
                        .param("campaign", campaign)
                        .cookie(cookie)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("saved", "links.variants.created"));
        assertThat(variantLinks())
                .singleElement()
                .satisfies(row -> assertThat(row.get("target")).isEqualTo("https://example.be/inbraak"));
        // the campaign's page leads to its links
        mvc.perform(get("/campaigns/" + campaign).cookie(cookie))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/links?campaign=" + campaign)));
    }

    @Test
    void theApiCreatesAndListsTheLinksOfEveryAddressInTheCampaignsMessages() throws Exception {
        String message = message("Api");
        variant(message, "FACEBOOK", "nl", DUTCH);
        variant(message, "FACEBOOK", "fr", FRENCH + " Voir aussi https://not-allowed.example.com/x");
        String body = "{\"campaignId\": \"" + campaign + "\"}";
        mvc.perform(post("/api/v1/links/variant-links")
                        .header("Authorization", "Bearer " + communicator)
                        .header("Accept-Language", "fr")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(2))
                .andExpect(jsonPath("$.links.length()").value(3))
                .andExpect(jsonPath("$.links[?(@.url == 'https://example.be/inbraak')].shortUrl")
                        .value(org.hamcrest.Matchers.contains(containsString("/l/"))))
                .andExpect(jsonPath("$.links[?(@.url == 'https://not-allowed.example.com/x')].shortUrl")
                        .isEmpty())
                .andExpect(jsonPath("$.links[?(@.url == 'https://not-allowed.example.com/x')].refusal")
                        .value(org.hamcrest.Matchers.contains(containsString("organisation"))));
        // again: nothing new
        mvc.perform(post("/api/v1/links/variant-links")
                        .header("Authorization", "Bearer " + communicator)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(0));
        // the campaign's links with their counts, for its readers; not for a moderator
        mvc.perform(get("/api/v1/links").param("campaignId", campaign).header("Authorization", "Bearer " + approver))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].channel").value("FACEBOOK"))
                .andExpect(jsonPath("$[0].clicks").value(0))
                .andExpect(jsonPath("$[0].variantId").isNotEmpty());
        String moderator = TestTokens.of(jdbc, "moderator@herald.test");
        mvc.perform(get("/api/v1/links").param("campaignId", campaign).header("Authorization", "Bearer " + moderator))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/links/variant-links")
                        .header("Authorization", "Bearer " + approver)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isForbidden());
    }

    private String posterMessage() throws Exception {
        String message = message("Affiche " + UUID.randomUUID().toString().substring(0, 4));
        variant(message, "POSTER", "nl", DUTCH);
        variant(message, "POSTER", "fr", FRENCH);
        return message;
    }

    @Test
    void aBilingualA3PosterHasAPagePerLocationWhoseCodeLeadsToThatLocationsLink() throws Exception {
        String message = posterMessage();
        String nl = variantId(message, "POSTER", "nl");
        String fr = variantId(message, "POSTER", "fr");
        MockHttpServletResponse printed = mvc.perform(post("/api/v1/posters")
                        .header("Authorization", "Bearer " + communicator)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"campaignId\": \"" + campaign + "\", \"variantIds\": [\"" + nl + "\", \"" + fr
                                + "\"], \"paper\": \"A3\", \"locations\": [\"Bibliothèque\", \"Gare du Midi\","
                                + " \"Supermarché Flagey\"], \"contact\": \"Preventiedienst Elsene · 02 515 61 11\"}"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andExpect(header().string("Location", org.hamcrest.Matchers.startsWith("/api/v1/posters/")))
                .andReturn()
                .getResponse();
        byte[] pdf = printed.getContentAsByteArray();

        Map<String, String> codes = new java.util.HashMap<>();
        jdbc.sql("SELECT location, code FROM links.link WHERE campaign_id = ?::uuid AND location IS NOT NULL")
                .param(campaign)
                .query(rs -> {
                    codes.put(rs.getString(1), rs.getString(2));
                });
        assertThat(codes).containsOnlyKeys("Bibliothèque", "Gare du Midi", "Supermarché Flagey");
        assertThat(jdbc.sql("SELECT DISTINCT channel || ' ' || variant_id FROM links.link"
                                + " WHERE campaign_id = ?::uuid AND location IS NOT NULL")
                        .param(campaign)
                        .query(String.class)
                        .list())
                .containsExactly("POSTER " + nl);

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(3);
            List<String> locations = List.of("Bibliothèque", "Gare du Midi", "Supermarché Flagey");
            for (int i = 0; i < 3; i++) {
                PDRectangle box = doc.getPage(i).getMediaBox();
                assertThat(box.getWidth())
                        .isCloseTo(PDRectangle.A3.getWidth(), org.assertj.core.data.Offset.offset(1f));
                assertThat(box.getHeight())
                        .isCloseTo(PDRectangle.A3.getHeight(), org.assertj.core.data.Offset.offset(1f));
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setStartPage(i + 1);
                stripper.setEndPage(i + 1);
                String text = stripper.getText(doc).replaceAll("\\s+", " ");
                String shortUrl = "/l/" + codes.get(locations.get(i));
                assertThat(text)
                        .contains("Inbrekers houden niet van licht", "één en ál")
                        .contains("Les cambrioleurs détestent la lumière", "Sécurité", "l'été")
                        .contains("Commune d'Ixelles", "Gemeente Elsene")
                        .contains("Scan de code", "Scannez le code")
                        .contains(locations.get(i), "Preventiedienst Elsene")
                        .contains(shortUrl)
                        .doesNotContain("example.be");
                assertThat(decodeQr(doc, i)).endsWith(shortUrl).startsWith("http");
            }
        }

        // downloading the run again gives the same pages with the same links: no new codes for the same posters
        String run = printed.getHeader("Location").substring("/api/v1/posters/".length());
        byte[] again = mvc.perform(get("/api/v1/posters/" + run).header("Authorization", "Bearer " + communicator))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(again).isEqualTo(pdf);
        assertThat(jdbc.sql("SELECT count(*) FROM links.link WHERE campaign_id = ?::uuid AND location IS NOT NULL")
                        .param(campaign)
                        .query(Long.class)
                        .single())
                .isEqualTo(3);
        // the posters page lists the run, each location with its counts, and downloads it again
        Cookie cookie = SignIn.as(mvc, "communicator@herald.test");
        mvc.perform(get("/links/posters")
                        .param("campaign", campaign)
                        .cookie(cookie)
                        .header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/links/posters/" + run + ".pdf")))
                .andExpect(content().string(containsString("Gare du Midi")))
                .andExpect(content().string(containsString("/l/" + codes.get("Bibliothèque"))));
        byte[] downloaded = mvc.perform(get("/links/posters/" + run + ".pdf").cookie(cookie))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(downloaded).isEqualTo(pdf);
        mvc.perform(get("/api/v1/posters/" + UUID.randomUUID()).header("Authorization", "Bearer " + communicator))
                .andExpect(status().isNotFound());
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

    @Test
    void thePosterFormDownloadsAnA4PdfAndExplainsWhatIsMissing() throws Exception {
        String message = posterMessage();
        String nl = variantId(message, "POSTER", "nl");
        Cookie cookie = SignIn.as(mvc, "communicator@herald.test");
        mvc.perform(get("/links/posters")
                        .param("campaign", campaign)
                        .cookie(cookie)
                        .header("Accept-Language", "fr"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Imprimer des affiches")));
        mvc.perform(post("/links/posters")
                        .param("campaign", campaign)
                        .cookie(cookie)
                        .with(csrf())
                        .header("Accept-Language", "en")
                        .param("variants", nl)
                        .param("paper", "A4")
                        .param("locations", " \n "))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Enter at least one location.")));
        byte[] pdf = mvc.perform(post("/links/posters")
                        .param("campaign", campaign)
                        .cookie(cookie)
                        .with(csrf())
                        .param("variants", nl)
                        .param("paper", "A4")
                        .param("locations", "Bibliotheek\r\nStation Etterbeek\r\n"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(2);
            assertThat(doc.getPage(0).getMediaBox().getWidth())
                    .isCloseTo(PDRectangle.A4.getWidth(), org.assertj.core.data.Offset.offset(1f));
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertThat(text).contains("Inbrekers houden niet van licht").doesNotContain("cambrioleurs");
        }
    }

    @Test
    void posterRequestsThatCannotBePrintedAreRefusedWithLocalisedProblems() throws Exception {
        String message = posterMessage();
        String nl = variantId(message, "POSTER", "nl");
        variant(message, "FACEBOOK", "nl", DUTCH);
        String facebookNl = variantId(message, "FACEBOOK", "nl");
        List<String[]> cases = new ArrayList<>();
        cases.add(new String[] {"[\"" + nl + "\", \"" + facebookNl + "\"]", "[\"A\"]", "different languages"});
        cases.add(new String[] {"[\"" + UUID.randomUUID() + "\"]", "[\"A\"]", "not part of the campaign"});
        cases.add(new String[] {"[\"" + nl + "\"]", "[\"\"]", "at least one location"});
        for (String[] c : cases) {
            mvc.perform(post("/api/v1/posters")
                            .header("Authorization", "Bearer " + communicator)
                            .header("Accept-Language", "en")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"campaignId\": \"" + campaign + "\", \"variantIds\": " + c[0]
                                    + ", \"locations\": " + c[1] + "}"))
                    .andExpect(status().isUnprocessableContent())
                    .andExpect(content().string(containsString(c[2])));
        }
        String analyst = TestTokens.of(jdbc, "analyst@herald.test");
        mvc.perform(post("/api/v1/posters")
                        .header("Authorization", "Bearer " + analyst)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"campaignId\": \"" + campaign + "\", \"variantIds\": [\"" + nl
                                + "\"], \"locations\": [\"A\"]}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.status").value(403));
        assertThat(jdbc.sql("SELECT count(*) FROM links.link WHERE campaign_id = ?::uuid")
                        .param(campaign)
                        .query(Long.class)
                        .single())
                .isZero();
    }
}
